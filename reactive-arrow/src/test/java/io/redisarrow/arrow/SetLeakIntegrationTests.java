package io.redisarrow.arrow;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.async.RedisAsyncCommands;
import reactor.core.publisher.Flux;

import java.util.List;

/**
 * The leak suite of {@link LeakIntegrationTests} on sets, one row per member: complete, error,
 * cancel, take(n), downstream operators and a cancel during decoding leave no Arrow memory behind.
 */
class SetLeakIntegrationTests extends CollectionLeakIntegrationTests {

    @Override
    RedisFuture<?> add(RedisAsyncCommands<byte[], byte[]> async, byte[] key, List<byte[]> elements) {
        return async.sadd(key, elements.toArray(new byte[0][]));
    }

    @Override
    Flux<RecordBatch> scan(int batchSize) {
        return redis.scanSets(SetScan.builder().pattern(prefix + "*").schema(ELEMENTS).batchSize(batchSize).parallel(4)
                .build());
    }
}
