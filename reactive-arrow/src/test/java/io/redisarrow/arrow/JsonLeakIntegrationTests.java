package io.redisarrow.arrow;

import io.redisarrow.testing.RedisModule;
import io.redisarrow.testing.RequiresModule;
import org.junit.jupiter.api.BeforeEach;
import reactor.core.publisher.Flux;

/**
 * The leak suite of {@link LeakIntegrationTests}, run on JSON documents: complete, error, cancel,
 * take(n), downstream operators and a cancel during decoding leave no Arrow memory behind.
 */
@RequiresModule(RedisModule.JSON)
class JsonLeakIntegrationTests extends LeakIntegrationTests {

    @Override
    @BeforeEach
    void load() {
        loadJson(2000, i -> "{\"n\":" + i + ",\"s\":\"value-" + i + "\",\"nested\":{\"tags\":[\"a\",\"b\"]}}");
    }

    @Override
    void addBadKey() {
        jsonSet(prefix + "zz-bad", "{\"n\":\"not a number\"}");
    }

    @Override
    void loadLarge() {
        loadJson(5000, i -> "{\"n\":" + i + ",\"s\":\"" + "v".repeat(500) + i + "\"}");
    }

    @Override
    Flux<RecordBatch> scan(int batchSize) {
        return redis.scanJson(JsonScan.builder().pattern(prefix + "*").schema(SCHEMA).batchSize(batchSize)
                .parallel(4).build());
    }
}
