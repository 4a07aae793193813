package io.redisarrow.arrow;

import io.redisarrow.core.ReadRequest;
import io.redisarrow.core.ValueRead;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The setters every read's builder shares (a scan's or a search's); setters validate eagerly,
 * {@link #readRequest(ValueRead)} checks the whole. The defaults are {@link HashScan}'s
 * {@code DEFAULT_*} constants, which every read shares.
 *
 * @param <B> the concrete builder, returned by every setter
 */
abstract class ReadOptionsBuilder<B extends ReadOptionsBuilder<B>> {

    final ReadRequest.Builder read = ReadRequest.builder().pattern(HashScan.DEFAULT_PATTERN)
            .batchSize(HashScan.DEFAULT_BATCH_SIZE).parallel(HashScan.DEFAULT_PARALLEL)
            .typeFilter(HashScan.DEFAULT_TYPE_FILTER);

    Schema schema;

    List<String> projection;

    String keyColumn = HashScan.DEFAULT_KEY_COLUMN;

    boolean binaryKeys;

    String ttlColumn;

    String rowIndexColumn;

    ParseErrorPolicy parseErrorPolicy = HashScan.DEFAULT_PARSE_ERROR_POLICY;

    ReadOptionsBuilder() {
    }

    @SuppressWarnings("unchecked")
    final B self() {
        return (B) this;
    }

    /**
     * @param schema names and Arrow types of the data columns; required
     * @return this builder
     */
    public B schema(Schema schema) {
        Objects.requireNonNull(schema, "schema must not be null");
        if (schema.getFields().isEmpty()) {
            throw new IllegalArgumentException("schema must have at least one field");
        }
        this.schema = schema;
        return self();
    }

    /**
     * @param batchSize keys per pipelined round trip and most rows per batch, between 1 and
     *        {@link ReadRequest#MAX_BATCH_SIZE}; see {@link HashScan#DEFAULT_BATCH_SIZE}
     * @return this builder
     */
    public B batchSize(int batchSize) {
        read.batchSize(batchSize);
        return self();
    }

    /**
     * @param parallel pipelined round trips in flight, see {@link HashScan#DEFAULT_PARALLEL}
     * @return this builder
     */
    public B parallel(int parallel) {
        read.parallel(parallel);
        return self();
    }

    /**
     * Reads only these fields, in this column order.
     *
     * @param fields names of schema fields
     * @return this builder
     */
    public B project(String... fields) {
        Objects.requireNonNull(fields, "fields must not be null");
        if (fields.length == 0) {
            throw new IllegalArgumentException("project must name at least one field");
        }
        Set<String> seen = new HashSet<>();
        for (String field : fields) {
            Objects.requireNonNull(field, "project must not contain null");
            if (!seen.add(field)) {
                throw new IllegalArgumentException("project must not name '" + field + "' twice");
            }
        }
        this.projection = List.of(fields);
        return self();
    }

    /**
     * @param name name of the key column, see {@link HashScan#DEFAULT_KEY_COLUMN}
     * @return this builder
     */
    public B keyColumn(String name) {
        this.keyColumn = columnName(name, "keyColumn");
        return self();
    }

    /**
     * Leaves the key column out.
     *
     * @return this builder
     */
    public B noKeyColumn() {
        this.keyColumn = null;
        return self();
    }

    /**
     * Makes the key column Binary instead of Utf8, for keys that are not valid UTF-8.
     *
     * @return this builder
     */
    public B binaryKeys() {
        this.binaryKeys = true;
        return self();
    }

    /**
     * Adds a nullable Int64 column with each key's TTL in seconds ({@code -1}: no expiry;
     * null: the key expired between read and TTL), fetched in the same round trip.
     *
     * @param name the column's name
     * @return this builder
     */
    public B ttlColumn(String name) {
        this.ttlColumn = columnName(name, "ttlColumn");
        return self();
    }

    /**
     * Adds a first, non-null Int64 column with the 0-based row number across the whole scan.
     *
     * @param name the column's name
     * @return this builder
     */
    public B rowIndexColumn(String name) {
        this.rowIndexColumn = columnName(name, "rowIndexColumn");
        return self();
    }

    /**
     * Stops after this many rows; no SCAN or fetch is sent once they are read.
     *
     * @param limit most rows, {@code >= 0}
     * @return this builder
     */
    public B limit(long limit) {
        read.limit(limit);
        return self();
    }

    /**
     * @param policy what to do with values that do not parse, see
     *        {@link HashScan#DEFAULT_PARSE_ERROR_POLICY}
     * @return this builder
     */
    public B onParseError(ParseErrorPolicy policy) {
        this.parseErrorPolicy = Objects.requireNonNull(policy, "onParseError must not be null");
        return self();
    }

    /**
     * Checks the options shared by every scan and makes the Redis side of the read.
     *
     * @param values the data type's part of the read
     * @return the read
     * @throws IllegalArgumentException when the schema is missing or names a field twice, a
     *         projected field is not in it, or column names collide
     */
    final ReadRequest readRequest(ValueRead values) {
        checkColumns(schema, projection, rowIndexColumn, keyColumn, ttlColumn);
        return read.values(values).withTtl(ttlColumn != null).build();
    }

    /**
     * @return the schema's field names in order, each once, with the projection checked against them
     * @throws IllegalArgumentException when the schema is missing or names a field twice, or a
     *         projected field is not in it
     */
    final Set<String> fieldNames() {
        return fieldNames(schema, projection);
    }

    /**
     * Checks a read's columns: the schema names each field once, the projection names schema
     * fields, and the row index, key and TTL columns do not collide with the data columns.
     *
     * @param schema the data fields
     * @param projection the projected fields, or null
     * @param extras the names of the row index, key and TTL columns (null when left out)
     * @throws IllegalArgumentException when a check fails
     */
    static void checkColumns(Schema schema, List<String> projection, String... extras) {
        Set<String> names = fieldNames(schema, projection);
        Set<String> columns = new HashSet<>(projection == null ? names : projection);
        for (String extra : extras) {
            if (extra != null && !columns.add(extra)) {
                throw new IllegalArgumentException("column names must be distinct; '" + extra
                        + "' is used twice (rename the key, TTL or row index column)");
            }
        }
    }

    private static Set<String> fieldNames(Schema schema, List<String> projection) {
        if (schema == null) {
            throw new IllegalArgumentException("schema must be set");
        }
        Set<String> names = new LinkedHashSet<>();
        for (Field field : schema.getFields()) {
            if (!names.add(field.getName())) {
                throw new IllegalArgumentException("schema must not declare field '" + field.getName() + "' twice");
            }
        }
        if (projection != null) {
            for (String name : projection) {
                if (!names.contains(name)) {
                    throw new IllegalArgumentException("project must name schema fields; '" + name
                            + "' is not one of " + names);
                }
            }
        }
        return names;
    }

    /** @return the names of the data columns, in column order */
    final List<String> columnNames() {
        return projection == null ? List.copyOf(fieldNames()) : projection;
    }

    private static String columnName(String name, String what) {
        Objects.requireNonNull(name, what + " must not be null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return name;
    }
}
