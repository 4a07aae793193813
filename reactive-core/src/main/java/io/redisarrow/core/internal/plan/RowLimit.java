package io.redisarrow.core.internal.plan;

import io.redisarrow.core.RawBatch;
import reactor.core.publisher.Flux;

/**
 * Numbers rows across a read, drops empty batches and stops after {@code limit} rows: the batch
 * that crosses the limit is cut, and completing cancels the key source, so no further SCAN or
 * fetch is sent.
 */
final class RowLimit {

    private RowLimit() {
    }

    static Flux<RawBatch> apply(Flux<RawBatch> batches, long limit) {
        return Flux.defer(() -> {
            long[] emitted = { 0 };
            return batches.handle((batch, sink) -> {
                long remaining = limit - emitted[0];
                if (batch.rowCount() > remaining) {
                    batch.truncate((int) remaining);
                }
                batch.firstRowIndex(emitted[0]);
                emitted[0] += batch.rowCount();
                if (batch.rowCount() > 0) {
                    sink.next(batch);
                }
                if (emitted[0] >= limit) {
                    sink.complete();
                }
            });
        });
    }
}
