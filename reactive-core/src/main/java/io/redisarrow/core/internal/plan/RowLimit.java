package io.redisarrow.core.internal.plan;

import io.redisarrow.core.RawBatch;
import reactor.core.publisher.Flux;

/**
 * Numbers rows across a read, drops empty batches and stops after {@code limit} rows: the batch
 * that crosses the limit is cut, and completing cancels the key source, so no further SCAN or
 * fetch is sent. When the decoder groups a key's consecutive rows into one, a row is such a group
 * (a run of rows of one key within a batch), and the cut falls between groups. A read resumed from
 * a checkpoint numbers on from the rows delivered before, and its limit counts them too. An empty
 * batch that says where a node's scan stands ({@link RawBatch#node()}) is passed on for
 * {@link Checkpoints}; other empty batches are dropped.
 */
final class RowLimit {

    private RowLimit() {
    }

    static Flux<RawBatch> apply(Flux<RawBatch> batches, long limit, boolean grouped, long firstRow) {
        return Flux.defer(() -> {
            long[] emitted = { firstRow };
            if (firstRow >= limit) {
                return Flux.empty();
            }
            return batches.handle((batch, sink) -> {
                long remaining = limit - emitted[0];
                int rows = grouped ? runs(batch) : batch.rowCount();
                if (rows > remaining) {
                    batch.truncate(grouped ? rowsOfRuns(batch, (int) remaining) : (int) remaining);
                    batch.node(batch.part(), null); // its keys are not all handed on: a resume reads them again
                    rows = (int) remaining;
                }
                batch.firstRowIndex(emitted[0]);
                emitted[0] += rows;
                if (batch.rowCount() > 0 || batch.node() != null) {
                    sink.next(batch);
                }
                if (emitted[0] >= limit) {
                    sink.complete();
                }
            });
        });
    }

    /** @return the runs of rows of one key in the batch */
    static int runs(RawBatch batch) {
        int runs = 0;
        for (int row = 0; row < batch.rowCount(); row++) {
            runs += !batch.sameKeyAsPrevious(row) ? 1 : 0;
        }
        return runs;
    }

    /** @return the raw rows the first {@code runs} runs of one key take */
    private static int rowsOfRuns(RawBatch batch, int runs) {
        int seen = 0;
        for (int row = 0; row < batch.rowCount(); row++) {
            if (!batch.sameKeyAsPrevious(row) && seen++ == runs) {
                return row;
            }
        }
        return batch.rowCount();
    }
}
