package io.redisarrow.core.internal.plan;

import io.redisarrow.core.RawBatch;
import io.redisarrow.core.ScanCheckpoint;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The last stage of a scan: keeps where each node's scan stands as its batches are handed on, and
 * gives each batch the {@link ScanCheckpoint} of the whole scan after it; drops the empty batches
 * that only moved a node's position. Runs after the nodes' batches are merged and numbered, so a
 * checkpoint never counts a batch not yet handed on.
 */
final class Checkpoints {

    private Checkpoints() {
    }

    /**
     * @param batches the merged, numbered batches
     * @param pattern the scan's MATCH pattern
     * @param start each part's position at the start (null where unknown yet)
     * @param repair the slots still to read again, asked at each batch
     * @param grouped whether a row is a run of rows of one key ({@link RowLimit})
     * @return the batches with their checkpoints
     */
    static Flux<RawBatch> apply(Flux<RawBatch> batches, String pattern, List<ScanCheckpoint.@Nullable Node> start,
            Supplier<String> repair, boolean grouped) {
        return Flux.defer(() -> {
            ScanCheckpoint.Node[] nodes = start.toArray(new ScanCheckpoint.Node[0]);
            return batches.handle((batch, sink) -> {
                if (batch.node() != null) {
                    nodes[batch.part()] = batch.node();
                }
                if (batch.rowCount() == 0) {
                    return;
                }
                List<ScanCheckpoint.Node> known = Arrays.stream(nodes).filter(n -> n != null).toList();
                batch.checkpoint(new ScanCheckpoint(pattern, batch.firstRowIndex() + (grouped ? RowLimit.runs(batch) : batch.rowCount()), known,
                        repair.get()));
                sink.next(batch);
            });
        });
    }
}
