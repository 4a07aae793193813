package io.redisarrow.arrow;

import io.redisarrow.arrow.internal.consumer.Consumers;
import io.redisarrow.arrow.internal.decode.FieldColumns;
import io.redisarrow.arrow.internal.decode.ValueColumns;
import io.redisarrow.arrow.internal.json.JsonTypes;
import io.redisarrow.core.HashValues;
import io.redisarrow.core.ReadRequest;
import io.redisarrow.core.TypeFilter;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
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
public final class HashScan extends KeyScan {

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

    private final Set<String> jsonFields;

    private HashScan(Builder b, ReadRequest read) {
        super(b, read);
        this.jsonFields = Collections.unmodifiableSet(new LinkedHashSet<>(b.jsonFields));
    }

    /** @return a builder with the defaults above; {@link Builder#schema(Schema)} is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the fields whose values are JSON texts, see {@link Builder#json(String...)} */
    public Set<String> jsonFields() {
        return jsonFields;
    }

    /** @return how the raw values become the data columns */
    ValueColumns values() {
        return new FieldColumns(dataFields(), jsonFields);
    }

    @Override
    public String toString() {
        return "HashScan{" + commonOptions() + ", json=" + jsonFields + '}';
    }

    /**
     * Checks that every field of a hash read can be decoded: scalars by their consumer, JSON
     * fields (which must be schema fields) by the JSON decoder; a nested field not declared JSON
     * is rejected with a hint.
     *
     * @param schema the data fields
     * @param names their names
     * @param jsonFields the fields holding JSON texts
     * @throws IllegalArgumentException naming the field that cannot be decoded
     */
    static void checkFields(Schema schema, Set<String> names, Set<String> jsonFields) {
        checkFields(schema, names, jsonFields, "hash field");
    }

    /**
     * As {@link #checkFields(Schema, Set, Set)}, for values held by something else than a hash field.
     *
     * @param schema the data fields
     * @param names their names
     * @param jsonFields the fields holding JSON texts
     * @param holder what holds a value, for the hint: {@code hash field}, {@code entry field}
     * @throws IllegalArgumentException naming the field that cannot be decoded
     */
    static void checkFields(Schema schema, Set<String> names, Set<String> jsonFields, String holder) {
        for (String field : jsonFields) {
            if (!names.contains(field)) {
                throw new IllegalArgumentException("json must name schema fields; '" + field + "' is not one of "
                        + names);
            }
        }
        for (Field field : schema.getFields()) {
            if (jsonFields.contains(field.getName())) {
                JsonTypes.checkSupported(field);
            } else if (field.getType().isComplex()) {
                throw new IllegalArgumentException("field '" + field.getName() + "' is "
                        + Consumers.describe(field.getType()) + ": declare json(\"" + field.getName()
                        + "\") to decode it from the JSON text the " + holder + " holds");
            } else {
                Consumers.checkSupported(field);
            }
        }
    }

    /** Builder of {@link HashScan}; setters validate eagerly, {@link #build()} checks the whole. */
    public static final class Builder extends KeyScanBuilder<Builder> {

        private final Set<String> jsonFields = new LinkedHashSet<>();

        private Builder() {
        }

        /**
         * Decodes these fields' values as JSON texts, the way applications without RedisJSON store
         * documents in hashes: into a Struct, List or Map column (or any other type, by the rules of
         * {@link RedisArrow#scanJson(JsonScan)}). A value that is not valid JSON follows
         * {@link #onParseError(ParseErrorPolicy)}.
         *
         * @param fields names of schema fields holding JSON texts
         * @return this builder
         */
        public Builder json(String... fields) {
            Objects.requireNonNull(fields, "json fields must not be null");
            for (String field : fields) {
                jsonFields.add(Objects.requireNonNull(field, "json fields must not contain null"));
            }
            return this;
        }

        /**
         * @return the scan
         * @throws IllegalArgumentException when the schema is missing, a projected or JSON field is
         *         not in it, column names collide, or a field's type cannot be decoded
         */
        public HashScan build() {
            checkFields(schema, fieldNames(), jsonFields);
            List<String> columns = columnNames();
            return new HashScan(this, readRequest(HashValues.of(columns, projection != null)));
        }
    }
}
