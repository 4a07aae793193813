package io.redisarrow.samples.analytics;

import io.redisarrow.arrow.RecordBatch;
import io.redisarrow.arrow.RecordBatchReader;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;
import org.duckdb.DuckDBConnection;
import org.reactivestreams.Publisher;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Runs SQL in DuckDB over a publisher of batches, through the Arrow C Data interface: the batches
 * feed a {@link RecordBatchReader}, exported as a C {@code ArrowArrayStream}
 * ({@link Data#exportArrayStream}) and registered as a view ({@link DuckDBConnection#registerArrowStream});
 * DuckDB's scan then pulls the batches one by one while the query runs, reading the Arrow buffers
 * in place.
 *
 * <p><b>Ownership:</b> the stream owns the reader, and DuckDB takes the stream over when the query
 * starts reading it: it releases it (closing the reader, which cancels the publisher and closes any
 * batch still queued) when the query ends, whether it read everything, stopped early (a
 * {@code LIMIT}) or failed. A stream the query never took is released here. Either way the view is
 * dropped and nothing stays in the allocators once {@link #run} returns or throws.
 *
 * <p><b>Memory:</b> the reader's root takes the batches' buffers over, so it must live in the same
 * allocator tree as the batches (the {@code RedisArrow}'s): that allocator then accounts for every
 * batch queued, loaded or still read by DuckDB, whose exported arrays keep a reference on the
 * buffers until it releases them. The small C structures of the export live in a child of the
 * root of their own, opened and closed per query (the export associates the buffers with it, which
 * Arrow allows only within one root): closing it checks that DuckDB released every array and the
 * stream. Give {@code RedisArrow} a child allocator of your root to see the batches' peak apart.
 */
final class ArrowStreamQuery {

    /** Batches the reader asks for ahead of DuckDB. */
    static final int PREFETCH = 2;

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ArrowStreamQuery() {
    }

    /**
     * Reads a query's result; the result set is valid only during the call.
     *
     * @param <T> what it reads
     */
    @FunctionalInterface
    interface ResultReader<T> {

        /**
         * @param result the query's result
         * @return what was read
         * @throws SQLException when reading fails
         */
        T read(ResultSet result) throws SQLException;
    }

    /**
     * Registers {@code batches} as the view {@code table} and runs {@code sql}.
     *
     * @param <T> what the caller reads from the result
     * @param duckdb the DuckDB connection
     * @param table the view's name, a plain SQL identifier
     * @param batches the rows; subscribed when DuckDB first reads them, each batch closed once read
     * @param schema the schema of every batch (the scan's {@code batchSchema()})
     * @param allocator the reader's root; in the batches' allocator tree
     * @param sql the query
     * @param reader reads the result
     * @return what {@code reader} returned
     * @throws SQLException when the query fails, also when the batches fail (the message carries the
     *         publisher's error)
     */
    static <T> T run(DuckDBConnection duckdb, String table, Publisher<RecordBatch> batches, Schema schema,
            BufferAllocator allocator, String sql, ResultReader<T> reader) throws SQLException {
        if (table == null || !TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("table must be a plain SQL identifier, was " + table);
        }
        try (BufferAllocator cData = allocator.getRoot().newChildAllocator("duckdb-c-data", 0, Long.MAX_VALUE)) {
            ArrowArrayStream stream = ArrowArrayStream.allocateNew(cData);
            RecordBatchReader rows = RecordBatchReader.of(batches, schema, allocator, PREFETCH);
            try {
                Data.exportArrayStream(cData, rows, stream);
            } catch (RuntimeException e) {
                closeQuietly(rows, e);
                stream.close();
                throw e;
            }
            try {
                duckdb.registerArrowStream(table, stream);
                try (Statement statement = duckdb.createStatement(); ResultSet result = statement.executeQuery(sql)) {
                    return reader.read(result);
                }
            } finally {
                try (Statement statement = duckdb.createStatement()) {
                    statement.execute("DROP VIEW IF EXISTS " + table);
                } finally {
                    // releases the reader unless DuckDB took the stream over (then this only frees the struct)
                    stream.close();
                }
            }
        }
    }

    private static void closeQuietly(RecordBatchReader reader, Exception cause) {
        try {
            reader.close();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }
}
