package io.redisarrow.arrow;

import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.BeforeEach;
import reactor.core.publisher.Flux;

import java.util.List;

/**
 * The leak suite of {@link LeakIntegrationTests}, run on strings read with one MGET per batch:
 * complete, error, cancel, take(n), downstream operators and a cancel during decoding leave no
 * Arrow memory behind.
 */
class StringLeakIntegrationTests extends LeakIntegrationTests {

    static final Schema VALUE = new Schema(List.of(Field.nullable("s", ArrowType.Utf8.INSTANCE)));

    @Override
    @BeforeEach
    void load() {
        loadStrings(2000, i -> "value-" + i);
    }

    /** Adds a string that is not valid UTF-8, so the scan fails when it reaches it. */
    @Override
    void addBadKey() {
        commands().set(bytes(prefix + "zz-bad"), new byte[] { 'x', (byte) 0xff, (byte) 0xfe });
    }

    @Override
    void loadLarge() {
        loadStrings(5000, i -> "v".repeat(500) + i);
    }

    @Override
    Flux<RecordBatch> scan(int batchSize) {
        return redis.scanStrings(StringScan.builder().pattern(prefix + "*").schema(VALUE).batchSize(batchSize)
                .parallel(4).build());
    }
}
