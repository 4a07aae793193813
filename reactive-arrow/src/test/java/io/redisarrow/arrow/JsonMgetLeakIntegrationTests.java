package io.redisarrow.arrow;

import io.redisarrow.testing.RedisModule;
import io.redisarrow.testing.RequiresModule;
import reactor.core.publisher.Flux;

/**
 * The leak suite on JSON documents read with one JSON.MGET per batch ({@code mget(true)}):
 * complete, error, cancel, take(n), downstream operators and a cancel during decoding leave no
 * Arrow memory behind.
 */
@RequiresModule(RedisModule.JSON)
class JsonMgetLeakIntegrationTests extends JsonLeakIntegrationTests {

    @Override
    Flux<RecordBatch> scan(int batchSize) {
        return redis.scanJson(JsonScan.builder().pattern(prefix + "*").schema(SCHEMA).batchSize(batchSize)
                .parallel(4).mget(true).build());
    }
}
