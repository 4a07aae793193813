package io.redisarrow.arrow.internal.write;

import io.redisarrow.arrow.RecordBatch;
import io.redisarrow.arrow.internal.encode.Encoders;
import io.redisarrow.arrow.internal.encode.JsonEncoders;
import io.redisarrow.core.WriteBatch;
import io.redisarrow.core.WriteEncoder;
import io.redisarrow.core.WriteScript;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.jspecify.annotations.Nullable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The encoder of a write of record batches: resolves each schema's {@link WriteLayout} (once per
 * distinct schema, checking it before anything of the batch is written), has the data type's
 * {@link RowsEncoder} encode the rows, and closes each batch. Batches may be encoded on several
 * threads at once: the layout is immutable, and the per-batch encoders are made per batch.
 */
public final class BatchEncoder implements WriteEncoder<RecordBatch> {

    private final WriteSpec spec;

    private final RowsEncoder rows;

    private final Function<Schema, WriteLayout> layouts;

    private volatile @Nullable WriteLayout last;

    private BatchEncoder(WriteSpec spec, RowsEncoder rows, Function<Schema, WriteLayout> layouts) {
        this.spec = spec;
        this.rows = rows;
        this.layouts = layouts;
    }

    /**
     * @param spec the write's options
     * @return the encoder of hash writes: one hash per row, a field per value column
     */
    public static BatchEncoder hashes(WriteSpec spec) {
        ValueEncoders values = new ValueTexts();
        return new BatchEncoder(spec, new HashRows(spec.mode(), values),
                schema -> WriteLayout.fields(schema, spec, values::check, "field"));
    }

    /**
     * @param spec the write's options
     * @return the encoder of JSON writes: one document per row, a member per value column
     */
    public static BatchEncoder json(WriteSpec spec) {
        return new BatchEncoder(spec, new JsonRows(spec.mode()), schema -> {
            WriteLayout layout = WriteLayout.fields(schema, spec, JsonEncoders::checkSupported, "member");
            JsonRows.checkMemberNames(layout, spec.mode());
            return layout;
        });
    }

    /**
     * @param spec the write's options
     * @param valueColumn the column of each row's value
     * @return the encoder of string writes: one string per row
     */
    public static BatchEncoder strings(WriteSpec spec, String valueColumn) {
        ValueEncoders values = new ValueTexts();
        return new BatchEncoder(spec, new StringRows(spec.mode(), values),
                schema -> WriteLayout.named(schema, spec, Map.of(valueColumn, "valueColumn"), role -> values::check));
    }

    /**
     * @param spec the write's options
     * @param memberColumn the column of each row's member
     * @return the encoder of set writes: each row adds a member to its key's set
     */
    public static BatchEncoder sets(WriteSpec spec, String memberColumn) {
        return collection(spec, Commands.SADD, memberColumn, "memberColumn");
    }

    /**
     * @param spec the write's options
     * @param elementColumn the column of each row's element
     * @return the encoder of list writes: each row appends an element to its key's list
     */
    public static BatchEncoder lists(WriteSpec spec, String elementColumn) {
        return collection(spec, Commands.RPUSH, elementColumn, "elementColumn");
    }

    private static BatchEncoder collection(WriteSpec spec, byte[] command, String column, String role) {
        ValueEncoders values = new ScalarValues();
        return new BatchEncoder(spec,
                new CollectionRows(spec.mode(), command,
                        (root, layout) -> new ColumnMembers(values.create(layout.valueVector(root, 0)))),
                schema -> WriteLayout.named(schema, spec, Map.of(column, role), r -> values::check));
    }

    /**
     * @param spec the write's options
     * @param memberColumn the column of each row's member
     * @param scoreColumn the numeric column of each row's score
     * @return the encoder of sorted-set writes: each row adds a scored member to its key's sorted set
     */
    public static BatchEncoder sortedSets(WriteSpec spec, String memberColumn, String scoreColumn) {
        ValueEncoders values = new ScalarValues();
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put(memberColumn, "memberColumn");
        columns.put(scoreColumn, "scoreColumn");
        return new BatchEncoder(spec,
                new CollectionRows(spec.mode(), Commands.ZADD,
                        (root, layout) -> new ScoredMembers(values.create(layout.valueVector(root, 0)),
                                values.create(layout.valueVector(root, 1)), scoreColumn)),
                schema -> WriteLayout.named(schema, spec, columns,
                        role -> role.equals("scoreColumn") ? BatchEncoder::checkScore : values::check));
    }

    private static void checkScore(Field field) {
        ArrowType type = field.getType();
        boolean numeric = switch (type.getTypeID()) {
            case Int, Decimal -> true;
            case FloatingPoint -> ((ArrowType.FloatingPoint) type).getPrecision() != FloatingPointPrecision.HALF;
            default -> false;
        };
        if (!numeric) {
            throw new IllegalArgumentException("scoreColumn '" + field.getName() + "' is " + type
                    + "; a score column must be an integer, floating-point (single or double) or decimal type");
        }
        Encoders.checkSupported(field);
    }

    /** @return the scripts this write's commands call */
    public Set<WriteScript> scripts() {
        return rows.scripts(spec.ttl() != null || spec.ttlColumn() != null);
    }

    @Override
    public WriteBatch encode(RecordBatch batch) {
        VectorSchemaRoot root = batch.root();
        return rows.encode(root, layout(root.getSchema()));
    }

    private WriteLayout layout(Schema schema) {
        WriteLayout layout = last;
        if (layout == null || !layout.schema().equals(schema)) {
            layout = layouts.apply(schema);
            last = layout;
        }
        return layout;
    }

    @Override
    public void close(RecordBatch batch) {
        batch.close();
    }

    @Override
    public Class<RecordBatch> type() {
        return RecordBatch.class;
    }
}
