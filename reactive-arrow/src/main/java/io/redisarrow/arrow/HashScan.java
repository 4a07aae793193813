package io.redisarrow.arrow;

import io.redisarrow.arrow.internal.consumer.Consumers;
import io.redisarrow.arrow.internal.decode.BatchLayout;
import io.redisarrow.core.HashValues;
import io.redisarrow.core.ReadRequest;
import io.redisarrow.core.TypeFilter;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link RedisArrow#scanHashes(HashScan)} reads: which keys (SCAN MATCH and COUNT, hashes
 * only), which fields and their Arrow types (the schema), how the read is batched and
 * parallelised, and which extra columns each batch carries. Immutable; build it with
 * {@link #builder()}.
 *
 * <p>Column order in every batch: row index (if asked), key (unless {@link Builder#noKeyColumn()}),
 * TTL (if asked), then the data fields in schema order, or in projection order with
 * {@link Builder#project(String...)}.
 */
public final class HashScan {

    /** Default SCAN MATCH pattern: every key. */
    public static final String DEFAULT_PATTERN = "*";

    /**
     * Default keys per pipelined round trip, also the most rows a batch holds. Chosen by the
     * benchmark's batch-size sweep on loopback and its latency sweep behind added delay
     * ({@code docs/performance.md}): smaller batches pay more per round trip, larger ones hold
     * more memory without reading faster.
     */
    public static final int DEFAULT_BATCH_SIZE = 5000;

    /** Default number of pipelined round trips in flight. */
    public static final int DEFAULT_PARALLEL = 4;

    /** Default name of the key column. */
    public static final String DEFAULT_KEY_COLUMN = "_key";

    /**
     * Default of {@link Builder#typeFilter(TypeFilter)}: SCAN starts without {@code TYPE hash}
     * and asks for it from the first key of another type on.
     */
    public static final TypeFilter DEFAULT_TYPE_FILTER = TypeFilter.AUTO;

    /** Default parse-error policy. */
    public static final ParseErrorPolicy DEFAULT_PARSE_ERROR_POLICY = ParseErrorPolicy.FAIL;

    private final ReadRequest read;

    private final Schema schema;

    private final List<String> projection;

    private final String keyColumn;

    private final boolean binaryKeys;

    private final String ttlColumn;

    private final String rowIndexColumn;

    private final ParseErrorPolicy parseErrorPolicy;

    private HashScan(Builder b, ReadRequest read) {
        this.read = read;
        this.schema = b.schema;
        this.projection = b.projection == null ? null : Collections.unmodifiableList(new ArrayList<>(b.projection));
        this.keyColumn = b.keyColumn;
        this.binaryKeys = b.binaryKeys;
        this.ttlColumn = b.ttlColumn;
        this.rowIndexColumn = b.rowIndexColumn;
        this.parseErrorPolicy = b.parseErrorPolicy;
    }

    /** @return a builder with the defaults above; {@link Builder#schema(Schema)} is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the SCAN MATCH glob */
    public String pattern() {
        return read.pattern();
    }

    /** @return the declared schema of the hash fields */
    public Schema schema() {
        return schema;
    }

    /** @return keys per round trip and most rows per batch */
    public int batchSize() {
        return read.batchSize();
    }

    /** @return the SCAN COUNT hint */
    public int countHint() {
        return read.countHint();
    }

    /** @return round trips in flight */
    public int parallel() {
        return read.parallel();
    }

    /** @return the projected fields in column order, if a projection was set */
    public Optional<List<String>> projection() {
        return Optional.ofNullable(projection);
    }

    /** @return the key column's name, or empty with {@link Builder#noKeyColumn()} */
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

    /** @return whether SCAN filters by type on the server (TYPE hash) */
    public TypeFilter typeFilter() {
        return read.typeFilter();
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
    private List<Field> dataFields() {
        if (projection == null) {
            return schema.getFields();
        }
        List<Field> fields = new ArrayList<>(projection.size());
        for (String name : projection) {
            fields.add(schema.findField(name));
        }
        return fields;
    }

    @Override
    public String toString() {
        return "HashScan{pattern='" + read.pattern() + "', fields=" + schema.getFields().size() + ", batchSize="
                + read.batchSize() + ", countHint=" + read.countHint() + ", parallel=" + read.parallel()
                + ", projection=" + projection
                + ", keyColumn=" + keyColumn + ", ttlColumn=" + ttlColumn + ", rowIndexColumn=" + rowIndexColumn
                + ", limit=" + read.limit() + ", onParseError=" + parseErrorPolicy + ", typeFilter=" + read.typeFilter() + '}';
    }

    /** Builder of {@link HashScan}; setters validate eagerly, {@link #build()} checks the whole. */
    public static final class Builder {

        private final ReadRequest.Builder read = ReadRequest.builder().pattern(DEFAULT_PATTERN)
                .batchSize(DEFAULT_BATCH_SIZE).parallel(DEFAULT_PARALLEL)
                .typeFilter(DEFAULT_TYPE_FILTER);

        private Schema schema;

        private List<String> projection;

        private String keyColumn = DEFAULT_KEY_COLUMN;

        private boolean binaryKeys;

        private String ttlColumn;

        private String rowIndexColumn;

        private ParseErrorPolicy parseErrorPolicy = DEFAULT_PARSE_ERROR_POLICY;

        private Builder() {
        }

        /**
         * @param pattern SCAN MATCH glob, see {@link #DEFAULT_PATTERN}
         * @return this builder
         */
        public Builder pattern(String pattern) {
            read.pattern(pattern);
            return this;
        }

        /**
         * @param schema names and Arrow types of the hash fields to read; required
         * @return this builder
         */
        public Builder schema(Schema schema) {
            Objects.requireNonNull(schema, "schema must not be null");
            if (schema.getFields().isEmpty()) {
                throw new IllegalArgumentException("schema must have at least one field");
            }
            this.schema = schema;
            return this;
        }

        /**
         * @param batchSize keys per pipelined round trip and most rows per batch, between 1 and
         *        {@link ReadRequest#MAX_BATCH_SIZE}; see {@link #DEFAULT_BATCH_SIZE}
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            read.batchSize(batchSize);
            return this;
        }

        /**
         * SCAN COUNT. When not set: {@code batchSize x parallel} (at most
         * {@link ReadRequest#MAX_AUTO_COUNT_HINT}), so one SCAN round trip yields keys for every
         * pipeline. SCAN pages come one round trip after another, so a scan reads at most COUNT
         * keys per round trip; behind network latency a COUNT of one batch keeps the scan at one
         * batch per round trip whatever {@code parallel} is (see the benchmark's latency sweep).
         *
         * @param countHint SCAN COUNT
         * @return this builder
         */
        public Builder countHint(int countHint) {
            read.countHint(countHint);
            return this;
        }

        /**
         * @param parallel pipelined round trips in flight, see {@link #DEFAULT_PARALLEL}
         * @return this builder
         */
        public Builder parallel(int parallel) {
            read.parallel(parallel);
            return this;
        }

        /**
         * Reads only these fields (HMGET), in this column order.
         *
         * @param fields names of schema fields
         * @return this builder
         */
        public Builder project(String... fields) {
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
            return this;
        }

        /**
         * @param name name of the key column, see {@link #DEFAULT_KEY_COLUMN}
         * @return this builder
         */
        public Builder keyColumn(String name) {
            this.keyColumn = columnName(name, "keyColumn");
            return this;
        }

        /**
         * Leaves the key column out.
         *
         * @return this builder
         */
        public Builder noKeyColumn() {
            this.keyColumn = null;
            return this;
        }

        /**
         * Makes the key column Binary instead of Utf8, for keys that are not valid UTF-8.
         *
         * @return this builder
         */
        public Builder binaryKeys() {
            this.binaryKeys = true;
            return this;
        }

        /**
         * Adds a nullable Int64 column with each key's TTL in seconds ({@code -1}: no expiry;
         * null: the key expired between read and TTL), fetched in the same round trip.
         *
         * @param name the column's name
         * @return this builder
         */
        public Builder ttlColumn(String name) {
            this.ttlColumn = columnName(name, "ttlColumn");
            return this;
        }

        /**
         * Adds a first, non-null Int64 column with the 0-based row number across the whole scan.
         *
         * @param name the column's name
         * @return this builder
         */
        public Builder rowIndexColumn(String name) {
            this.rowIndexColumn = columnName(name, "rowIndexColumn");
            return this;
        }

        /**
         * Stops after this many rows; no SCAN or fetch is sent once they are read.
         *
         * @param limit most rows, {@code >= 0}
         * @return this builder
         */
        public Builder limit(long limit) {
            read.limit(limit);
            return this;
        }

        /**
         * @param policy what to do with values that do not parse, see
         *        {@link #DEFAULT_PARSE_ERROR_POLICY}
         * @return this builder
         */
        public Builder onParseError(ParseErrorPolicy policy) {
            this.parseErrorPolicy = Objects.requireNonNull(policy, "onParseError must not be null");
            return this;
        }

        /**
         * Whether SCAN filters keys by type on the server ({@code TYPE hash}, Redis 6.0+). Keys of
         * other types are skipped whatever is chosen: without the filter, their fetch answers
         * WRONGTYPE and they yield no row. The filter costs the server time per scanned key, and
         * WRONGTYPE replies cost round-trip time per skipped key (the benchmark's reader table
         * measures both). {@link TypeFilter#AUTO}, the default, starts without it and turns it on
         * from the first key of another type on.
         *
         * @param typeFilter when SCAN sends {@code TYPE hash}; see {@link #DEFAULT_TYPE_FILTER}
         * @return this builder
         */
        public Builder typeFilter(TypeFilter typeFilter) {
            read.typeFilter(typeFilter);
            return this;
        }

        /**
         * @param typeFilter {@code true}: {@link TypeFilter#ALWAYS}; {@code false}:
         *        {@link TypeFilter#NEVER} (for servers older than 6.0)
         * @return this builder
         */
        public Builder typeFilter(boolean typeFilter) {
            return typeFilter(typeFilter ? TypeFilter.ALWAYS : TypeFilter.NEVER);
        }

        /**
         * @return the scan
         * @throws IllegalArgumentException when the schema is missing, a projected field is not in
         *         it, column names collide, or a field's type cannot be decoded
         */
        public HashScan build() {
            if (schema == null) {
                throw new IllegalArgumentException("schema must be set");
            }
            Set<String> names = new LinkedHashSet<>();
            for (Field field : schema.getFields()) {
                if (!names.add(field.getName())) {
                    throw new IllegalArgumentException("schema must not declare field '" + field.getName() + "' twice");
                }
                Consumers.checkSupported(field);
            }
            if (projection != null) {
                for (String name : projection) {
                    if (!names.contains(name)) {
                        throw new IllegalArgumentException("project must name schema fields; '" + name
                                + "' is not one of " + names);
                    }
                }
            }
            Set<String> columns = new HashSet<>(projection == null ? names : projection);
            for (String extra : new String[] { rowIndexColumn, keyColumn, ttlColumn }) {
                if (extra != null && !columns.add(extra)) {
                    throw new IllegalArgumentException("column names must be distinct; '" + extra
                            + "' is used twice (rename the key, TTL or row index column)");
                }
            }
            read.values(HashValues.of(projection == null ? names : projection, projection != null))
                    .withTtl(ttlColumn != null);
            return new HashScan(this, read.build());
        }

        private static String columnName(String name, String what) {
            Objects.requireNonNull(name, what + " must not be null");
            if (name.isEmpty()) {
                throw new IllegalArgumentException(what + " must not be empty");
            }
            return name;
        }
    }
}
