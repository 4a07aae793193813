package io.redisarrow.core.internal.plan;

import io.redisarrow.core.RawBatch;
import io.redisarrow.core.ScanCheckpoint;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Numbering and the limit across a read, and what they do to the positions a checkpoint is made
 * of: a batch the limit cuts must not move its node's position past keys it did not hand on.
 */
class RowLimitUnitTests {

    private static RawBatch batch(int rows, int part, long keys) {
        RawBatch batch = new RawBatch(1, rows, false);
        for (int i = 0; i < rows; i++) {
            batch.startRow(("k" + keys + ":" + i).getBytes(StandardCharsets.UTF_8));
        }
        batch.node(part, new ScanCheckpoint.Node("", "h:1", "r", "", Long.toString(keys), false, keys));
        return batch;
    }

    @Test
    void rowsAreNumberedFromTheRowsDeliveredBeforeAndTheLimitCountsThem() {
        List<RawBatch> out = RowLimit.apply(Flux.just(batch(10, 0, 10), batch(10, 0, 20), batch(10, 0, 30)), 25,
                false, 5).collectList().block();
        assertThat(out).extracting(RawBatch::firstRowIndex).containsExactly(5L, 15L);
        assertThat(out).extracting(RawBatch::rowCount).containsExactly(10, 10);
    }

    @Test
    void theBatchTheLimitCutsNoLongerCarriesItsNodesPosition() {
        List<RawBatch> out = RowLimit.apply(Flux.just(batch(10, 0, 10), batch(10, 0, 20)), 15, false, 0)
                .collectList().block();
        assertThat(out).hasSize(2);
        assertThat(out.get(0).node()).isNotNull();
        assertThat(out.get(1).rowCount()).isEqualTo(5);
        assertThat(out.get(1).node()).as("a cut batch's keys are not all handed on").isNull();
    }

    @Test
    void emptyBatchesPassOnlyWhenTheyMoveANodesPosition() {
        RawBatch marker = batch(0, 1, 40);
        RawBatch empty = new RawBatch(1, 0, false);
        List<RawBatch> out = RowLimit.apply(Flux.just(marker, empty, batch(3, 0, 3)), Long.MAX_VALUE, false, 0)
                .collectList().block();
        assertThat(out).containsExactly(marker, out.get(1));
        assertThat(out.get(1).rowCount()).isEqualTo(3);
    }
}
