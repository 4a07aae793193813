package io.redisarrow.arrow;

import io.redisarrow.arrow.internal.decode.BatchLayout;
import io.redisarrow.core.ReadRequest;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The options every read shares, whatever finds its keys (SCAN or a search): how the read is
 * batched and parallelised, which columns each batch carries, what a bad value becomes; read back
 * from what a {@link ReadOptionsBuilder} built. Immutable.
 */
abstract class ReadOptions {

    private final ReadRequest read;

    private final Schema schema;

    private final List<String> projection;

    private final String keyColumn;

    private final boolean binaryKeys;

    private final String ttlColumn;

    private final String rowIndexColumn;

    private final ParseErrorPolicy parseErrorPolicy;

    ReadOptions(ReadOptionsBuilder<?> b, ReadRequest read) {
        this.read = read;
        this.schema = b.schema;
        this.projection = b.projection == null ? null : Collections.unmodifiableList(new ArrayList<>(b.projection));
        this.keyColumn = b.keyColumn;
        this.binaryKeys = b.binaryKeys;
        this.ttlColumn = b.ttlColumn;
        this.rowIndexColumn = b.rowIndexColumn;
        this.parseErrorPolicy = b.parseErrorPolicy;
    }

    /** @return the declared schema of the data columns (null for a search typed by its index) */
    public Schema schema() {
        return schema;
    }

    /** @return keys per round trip and most rows per batch */
    public int batchSize() {
        return read.batchSize();
    }

    /** @return round trips in flight */
    public int parallel() {
        return read.parallel();
    }

    /** @return the projected fields in column order, if a projection was set */
    public Optional<List<String>> projection() {
        return Optional.ofNullable(projection);
    }

    /** @return the key column's name, or empty when the key column is left out */
    public Optional<String> keyColumn() {
        return Optional.ofNullable(keyColumn);
    }

    /** @return whether the key column is Binary rather than Utf8 */
    public boolean binaryKeys() {
        return binaryKeys;
    }

    /** @return the TTL column's name, if asked */
    public Optional<String> ttlColumn() {
        return Optional.ofNullable(ttlColumn);
    }

    /** @return the row index column's name, if asked */
    public Optional<String> rowIndexColumn() {
        return Optional.ofNullable(rowIndexColumn);
    }

    /** @return the most rows the scan produces ({@link Long#MAX_VALUE}: no limit) */
    public long limit() {
        return read.limit();
    }

    /** @return what to do with values that do not parse */
    public ParseErrorPolicy parseErrorPolicy() {
        return parseErrorPolicy;
    }

    /**
     * The schema of every batch this read emits, known before any batch: the row index, key and
     * TTL columns the options ask for, then the data fields in column order. What an Arrow IPC
     * stream needs to start ({@link ArrowIpc#write}), even for an empty result.
     *
     * @return the schema
     * @throws IllegalStateException for a search typed by its index (no schema given): read the
     *         index's schema with {@link RedisArrow#indexSchema(String)} and pass it
     */
    public Schema batchSchema() {
        if (schema == null) {
            throw new IllegalStateException("this read is typed by its index, whose schema is read on subscription;"
                    + " pass schema(redis.indexSchema(index).block()) to know it before");
        }
        return layout().schema();
    }

    /** @return the Redis side of this scan */
    ReadRequest read() {
        return read;
    }

    /** @return the columns of every batch this scan produces */
    BatchLayout layout() {
        return new BatchLayout(rowIndexColumn, keyColumn, binaryKeys, ttlColumn, dataFields(), parseErrorPolicy);
    }

    /** @return the fields that become data columns, in column order */
    final List<Field> dataFields() {
        if (projection == null) {
            return schema.getFields();
        }
        List<Field> fields = new ArrayList<>(projection.size());
        for (String name : projection) {
            fields.add(schema.findField(name));
        }
        return fields;
    }

    /** @return the options shared by every read, for {@code toString()} */
    String commonOptions() {
        return "fields=" + (schema == null ? "(from the index)" : schema.getFields().size()) + ", batchSize="
                + read.batchSize() + ", parallel=" + read.parallel() + ", projection=" + projection
                + ", keyColumn=" + keyColumn + ", ttlColumn=" + ttlColumn + ", rowIndexColumn=" + rowIndexColumn
                + ", limit=" + read.limit() + ", onParseError=" + parseErrorPolicy;
    }
}
