package io.redisarrow.arrow;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.async.RedisAsyncCommands;
import reactor.core.publisher.Flux;

import java.util.List;

/**
 * The leak suite of {@link LeakIntegrationTests} on sorted sets read one row per key, so each batch
 * is a List of Struct (member, score) column: complete, error, cancel, take(n), downstream
 * operators and a cancel during decoding leave no Arrow memory behind. Each key holds one member,
 * so a batch of 50 keys is 50 rows as the suite expects.
 */
class SortedSetLeakIntegrationTests extends CollectionLeakIntegrationTests {

    @Override
    int elementsPerKey() {
        return 1;
    }

    @Override
    RedisFuture<?> add(RedisAsyncCommands<byte[], byte[]> async, byte[] key, List<byte[]> elements) {
        Object[] scored = new Object[elements.size() * 2];
        for (int i = 0; i < elements.size(); i++) {
            scored[2 * i] = (double) i;
            scored[2 * i + 1] = elements.get(i);
        }
        return async.zadd(key, scored);
    }

    @Override
    Flux<RecordBatch> scan(int batchSize) {
        return redis.scanSortedSets(SortedSetScan.builder().pattern(prefix + "*").schema(ELEMENTS).batchSize(batchSize)
                .parallel(4).oneRowPerKey().build());
    }
}
