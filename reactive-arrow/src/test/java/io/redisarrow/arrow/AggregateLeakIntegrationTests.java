package io.redisarrow.arrow;

import reactor.core.publisher.Flux;

/**
 * The leak suite of {@link LeakIntegrationTests}, run on an aggregation's cursor: no Arrow memory
 * and no cursor left behind on any path.
 */
class AggregateLeakIntegrationTests extends SearchLeakIntegrationTests {

    @Override
    Flux<RecordBatch> scan(int batchSize) {
        return redis.aggregate(AggregateQuery.builder().index(index).load("n", "s").schema(SCHEMA)
                .batchSize(batchSize).build());
    }
}
