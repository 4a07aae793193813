package io.redisarrow.arrow;

import io.redisarrow.arrow.internal.consumer.Consumers;
import io.redisarrow.core.CollectionValues;
import io.redisarrow.core.ReadRequest;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The setters every scan of a collection type shares: the element column's schema and
 * {@link #oneRowPerKey()}, on top of those every scan of keys shares ({@link KeyScanBuilder}).
 *
 * @param <B> the concrete builder, returned by every setter
 */
abstract class CollectionScanBuilder<B extends CollectionScanBuilder<B>> extends KeyScanBuilder<B> {

    private final String element;

    private final String defaultColumn;

    boolean oneRowPerKey;

    /**
     * @param element what one element is called in messages: {@code member} or {@code element}
     * @param defaultColumn the element column's name when no schema is given
     */
    CollectionScanBuilder(String element, String defaultColumn) {
        this.element = element;
        this.defaultColumn = defaultColumn;
    }

    /**
     * The element column: a schema of exactly one field, whose name and Arrow type every element
     * (member) is read as, by the parse rules of {@link RedisArrow#scanHashes(HashScan)}: Utf8,
     * Binary, Int8 to Int64, Float32, Float64, Bool, Date, Timestamp or Decimal. Optional: a
     * nullable Utf8 field named after the element by default.
     *
     * @param schema one field of a scalar type
     * @return this builder
     * @throws IllegalArgumentException when the schema has no field or several, or its field is of
     *         a nested type; {@link UnsupportedArrowTypeException} (an IllegalArgumentException) when
     *         no consumer decodes its type
     */
    @Override
    public B schema(Schema schema) {
        Objects.requireNonNull(schema, "schema must not be null");
        List<Field> fields = schema.getFields();
        if (fields.size() != 1) {
            List<String> names = new ArrayList<>();
            fields.forEach(field -> names.add(field.getName()));
            throw new IllegalArgumentException("schema must have exactly one field, naming and typing each " + element
                    + "; it has " + (fields.isEmpty() ? "none" : fields.size() + ": " + names));
        }
        Field field = fields.get(0);
        if (field.getType().isComplex()) {
            throw new IllegalArgumentException("schema field '" + field.getName() + "' is " + Consumers.describe(field)
                    + ", a nested type: each " + element + " is read as one scalar value ("
                    + UnsupportedArrowTypeException.SUPPORTED + "); oneRowPerKey() gives one List of them per key");
        }
        Consumers.checkSupported(field);
        return super.schema(schema);
    }

    /**
     * @param batchSize the most element rows per batch (with {@link #oneRowPerKey()}, the most
     *        elements in a batch's lists together), also the most keys per round trip that asks
     *        their sizes, between 1 and {@link ReadRequest#MAX_BATCH_SIZE}; see
     *        {@link HashScan#DEFAULT_BATCH_SIZE}. A key with more elements is read in windows of at
     *        most this many, over several batches.
     * @return this builder
     */
    @Override
    public B batchSize(int batchSize) {
        return super.batchSize(batchSize);
    }

    /**
     * Stops after this many rows: elements, or with {@link #oneRowPerKey()} rows of a key (a key
     * larger than {@link #batchSize(int)} counts once for each of its rows); no SCAN or fetch is
     * sent once they are read.
     *
     * @param limit most rows, {@code >= 0}
     * @return this builder
     */
    @Override
    public B limit(long limit) {
        return super.limit(limit);
    }

    /**
     * Makes one row per key instead of one per element: the element column becomes a
     * {@code List<item: element type>} of the key's elements (a sorted set's a List of
     * {@code Struct<member, score>}), in the order a row per element would give them. A key with
     * more elements than {@link #batchSize(int)} comes as several consecutive rows with the same
     * key, each holding the next elements in order, none more than {@code batchSize}. The limit
     * and the row index then count these rows.
     *
     * @return this builder
     */
    public B oneRowPerKey() {
        this.oneRowPerKey = true;
        return self();
    }

    /**
     * Checks the whole and makes the Redis side of the read.
     *
     * @param kind the collection type
     * @param extraColumn the data column beside the element (a position or score), or null
     * @return the read
     * @throws IllegalArgumentException when column names collide
     */
    final ReadRequest collectionRequest(CollectionValues.Kind kind, @Nullable String extraColumn) {
        if (schema == null) {
            schema = new Schema(List.of(new Field(defaultColumn, FieldType.nullable(ArrowType.Utf8.INSTANCE), null)));
        }
        checkColumns(schema, projection, rowIndexColumn, keyColumn, ttlColumn, extraColumn);
        return readRequest(CollectionValues.of(kind, oneRowPerKey));
    }
}
