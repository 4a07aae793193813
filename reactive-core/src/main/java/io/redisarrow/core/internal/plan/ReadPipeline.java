package io.redisarrow.core.internal.plan;

import io.redisarrow.core.RawBatch;
import io.redisarrow.core.internal.fetch.FetchStage;
import io.redisarrow.core.internal.source.KeySource;
import reactor.core.publisher.Flux;

/**
 * The read path, in order: keys from a {@link KeySource} → batches of {@code batchSize} keys →
 * up to {@code parallel} pipelined round trips in flight through a {@link FetchStage}, emitted in
 * key order → the row limit. Each round trip's keys are requested only when a fetch slot is free,
 * so at most {@code parallel} batches are held at once.
 */
final class ReadPipeline {

    private ReadPipeline() {
    }

    static Flux<RawBatch> read(KeySource source, FetchStage stage, int batchSize, int parallel, long limit) {
        if (limit == 0) {
            return Flux.empty();
        }
        Flux<RawBatch> batches = source.keys()
                .buffer(batchSize)
                .flatMapSequential(stage::fetch, parallel, 1);
        return RowLimit.apply(batches, limit);
    }
}
