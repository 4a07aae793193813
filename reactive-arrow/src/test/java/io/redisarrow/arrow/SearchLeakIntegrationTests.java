package io.redisarrow.arrow;

import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.redisarrow.testing.RedisModule;
import io.redisarrow.testing.RequiresModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leak suite of {@link LeakIntegrationTests}, run on a search: complete, error, cancel,
 * take(n), downstream operators and a cancel during decoding leave no Arrow memory behind, and
 * no cursor open on the server.
 */
@RequiresModule({ RedisModule.JSON, RedisModule.SEARCH })
class SearchLeakIntegrationTests extends LeakIntegrationTests {

    String index;

    /** Creates the index before the data, so every write is indexed as it happens. */
    @Override
    @BeforeEach
    void load() {
        index = prefix + "idx";
        String reply = loaderConnection.sync().dispatch(SearchTestSupport.command("FT.CREATE"),
                new StatusOutput<>(ByteArrayCodec.INSTANCE), new CommandArgs<>(ByteArrayCodec.INSTANCE)
                        .add(index.getBytes(StandardCharsets.UTF_8)).add("ON").add("HASH").add("PREFIX").add(1)
                        .add(prefix.getBytes(StandardCharsets.UTF_8)).add("SCHEMA").add("s").add("TAG"));
        assertThat(reply).isEqualTo("OK");
        super.load();
        awaitIndexed();
    }

    @Override
    void loadLarge() {
        super.loadLarge();
        awaitIndexed();
    }

    /** Waits until the index's first scan of the keyspace is over, as a search needs. */
    void awaitIndexed() {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (redis.indexInfo(index).block().indexing()) {
            assertThat(System.nanoTime()).as("index still indexing after 30 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @AfterEach
    void dropIndex() {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (SearchTestSupport.openCursors(index) != 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        long open = SearchTestSupport.openCursors(index);
        loaderConnection.sync().dispatch(SearchTestSupport.command("FT.DROPINDEX"),
                new StatusOutput<>(ByteArrayCodec.INSTANCE), new CommandArgs<>(ByteArrayCodec.INSTANCE)
                        .add(index.getBytes(StandardCharsets.UTF_8)));
        assertThat(open).as("cursors left open on the index").isZero();
    }

    @Override
    Flux<RecordBatch> scan(int batchSize) {
        return redis.search(SearchQuery.builder().index(index).schema(SCHEMA).batchSize(batchSize).parallel(4)
                .pageSize(Math.max(1, batchSize / 2)).build());
    }
}
