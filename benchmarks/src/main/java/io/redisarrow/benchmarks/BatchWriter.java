package io.redisarrow.benchmarks;

import io.redisarrow.arrow.RecordBatch;

import java.util.List;

/**
 * One way of writing the write scenario's rows, measured per pass: a client of its own, kept open
 * across passes.
 */
interface BatchWriter extends AutoCloseable {

    /** @return the scenario's name in the report */
    String name();

    /** @return the parallel column ("-" when it does not apply) */
    default String parallel() {
        return "-";
    }

    /**
     * Writes every row of the batches and closes every batch, written or not.
     *
     * @param batches fresh batches of {@link WriteData#SCHEMA}, now the writer's
     * @return the rows the server applied
     */
    long write(List<RecordBatch> batches);

    @Override
    void close();
}
