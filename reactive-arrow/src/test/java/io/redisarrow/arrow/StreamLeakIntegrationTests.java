package io.redisarrow.arrow;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.XAddArgs;
import org.junit.jupiter.api.BeforeEach;
import reactor.core.publisher.Flux;

import java.util.ArrayList;
import java.util.List;

/**
 * The leak suite of {@link LeakIntegrationTests}, run on streams: complete, error, cancel, take(n),
 * downstream operators and a cancel during decoding leave no Arrow memory behind. The entries are
 * spread over streams longer than a batch, so every batch is a window of a stream.
 */
class StreamLeakIntegrationTests extends LeakIntegrationTests {

    @Override
    @BeforeEach
    void load() {
        for (int k = 0; k < 20; k++) {
            int first = k * 100;
            loadEntries(prefix + "s" + k, 100, i -> new Object[] { bytes("n"), bytes(Integer.toString(first + i)),
                    bytes("s"), bytes("value-" + (first + i)) });
        }
    }

    @Override
    void addBadKey() {
        loadEntries(prefix + "zz-bad", 1, i -> new Object[] { bytes("n"), bytes("not a number") });
    }

    @Override
    void loadLarge() {
        loadEntries(prefix + "large", 5000, i -> new Object[] { bytes("n"), bytes(Integer.toString(i)), bytes("s"),
                bytes("v".repeat(500) + i) });
    }

    @Override
    Flux<RecordBatch> scan(int batchSize) {
        return redis.scanStreams(StreamScan.builder().pattern(prefix + "*").schema(SCHEMA).batchSize(batchSize)
                .parallel(4).build());
    }

    /** Appends {@code count} entries with auto ids to {@code key}, pipelined. */
    void loadEntries(String key, int count, java.util.function.IntFunction<Object[]> fields) {
        var async = loaderConnection.async();
        List<RedisFuture<String>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pending.add(async.xadd(bytes(key), new XAddArgs(), fields.apply(i)));
        }
        pending.forEach(f -> f.toCompletableFuture().join());
    }
}
