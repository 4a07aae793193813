package io.redisarrow.arrow;

import io.redisarrow.arrow.internal.consumer.Consumers;
import io.redisarrow.arrow.internal.decode.FieldColumns;
import io.redisarrow.arrow.internal.decode.ValueColumns;
import io.redisarrow.arrow.internal.json.JsonTypes;
import io.redisarrow.core.ReadRequest;
import io.redisarrow.core.StringValues;
import io.redisarrow.core.TypeFilter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link RedisArrow#scanStrings(StringScan)} reads: which keys (SCAN MATCH and COUNT, strings
 * only: type {@code string}), the one column their values become and its Arrow type (the schema),
 * how the read is batched and parallelised, and which extra columns each batch carries.
 * Immutable; build it with {@link #builder()}. The options shared with {@link HashScan} have the
 * same defaults ({@link HashScan#DEFAULT_BATCH_SIZE} and the others), except the type filter
 * ({@link #DEFAULT_TYPE_FILTER}).
 *
 * <p>The schema has exactly one field, the value column (by default {@link #DEFAULT_SCHEMA}:
 * {@code value}, Utf8). Its type says how each string is decoded: a scalar type by the parse rules
 * of {@link RedisArrow#scanHashes(HashScan)}, as a hash field's value is (an empty string is a
 * value: {@code ""} in a Utf8 or Binary column, a value that does not parse in any other); Binary
 * takes the bytes as they are; a Struct, List or Map field decodes the string as JSON text, as a
 * hash field named in {@link HashScan.Builder#json(String...)} is.
 *
 * <p>Each batch is read with one {@code MGET key...}, plus {@code TTL key} per key in the same
 * round trip when asked. A key that MGET answers nil for (it was deleted or expired after SCAN
 * found it, or it holds another type) yields no row; no further round trip is spent on it.
 *
 * <p>Column order in every batch: row index (if asked), key (unless {@link Builder#noKeyColumn()}),
 * TTL (if asked), then the value column.
 */
public final class StringScan extends KeyScan {

    /** Name of the value column of {@link #DEFAULT_SCHEMA}. */
    public static final String DEFAULT_VALUE_COLUMN = "value";

    /** The schema when none is set: one nullable Utf8 column {@value #DEFAULT_VALUE_COLUMN}. */
    public static final Schema DEFAULT_SCHEMA = new Schema(
            List.of(Field.nullable(DEFAULT_VALUE_COLUMN, ArrowType.Utf8.INSTANCE)));

    /**
     * Default of {@link Builder#typeFilter(TypeFilter)}: SCAN always sends {@code TYPE string}.
     * MGET answers a key of another type with nil, as it answers a key that is gone, so without the
     * filter every key of another type under the pattern is fetched for nothing; with
     * {@link TypeFilter#AUTO} the filter turns on at the first key MGET answers nil for.
     */
    public static final TypeFilter DEFAULT_TYPE_FILTER = TypeFilter.ALWAYS;

    private final boolean json;

    private StringScan(Builder b, ReadRequest read, boolean json) {
        super(b, read);
        this.json = json;
    }

    /** @return a builder with the defaults above; the schema defaults to {@link #DEFAULT_SCHEMA} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the name of the value column, the schema's one field */
    public String valueColumn() {
        return schema().getFields().get(0).getName();
    }

    /** @return whether each value is decoded as JSON text (the value column is a Struct, List or Map) */
    public boolean json() {
        return json;
    }

    /** @return how the raw values become the value column */
    ValueColumns values() {
        return new FieldColumns(dataFields(), json ? Set.of(valueColumn()) : Set.of());
    }

    @Override
    public String toString() {
        return "StringScan{" + commonOptions() + ", valueColumn=" + valueColumn() + ", json=" + json + '}';
    }

    /** Builder of {@link StringScan}; setters validate eagerly, {@link #build()} checks the whole. */
    public static final class Builder extends KeyScanBuilder<Builder> {

        private Builder() {
            this.schema = DEFAULT_SCHEMA;
            read.typeFilter(DEFAULT_TYPE_FILTER);
        }

        /**
         * @param schema exactly one field: the value column, its name and the Arrow type each string
         *        is decoded into (see {@link StringScan}); by default {@link StringScan#DEFAULT_SCHEMA}
         * @return this builder
         * @throws IllegalArgumentException when the schema does not have exactly one field
         */
        @Override
        public Builder schema(Schema schema) {
            Objects.requireNonNull(schema, "schema must not be null");
            int fields = schema.getFields().size();
            if (fields != 1) {
                throw new IllegalArgumentException("a string scan's schema must have exactly one field, the value"
                        + " column; got " + fields + (fields == 0 ? "" : ": " + schema.getFields().stream()
                                .map(Field::getName).toList()));
            }
            return super.schema(schema);
        }

        /**
         * @return the scan
         * @throws IllegalArgumentException when column names collide
         * @throws UnsupportedArrowTypeException when the value column's type cannot be decoded
         */
        public StringScan build() {
            Field field = schema.getFields().get(0);
            boolean json = field.getType().isComplex();
            if (json) {
                JsonTypes.checkSupported(field);
            } else {
                Consumers.checkSupported(field);
            }
            return new StringScan(this, readRequest(StringValues.of()), json);
        }
    }
}
