package io.redisarrow.arrow.internal.write;

import io.redisarrow.arrow.RecordBatch;
import io.redisarrow.arrow.internal.encode.JsonEncoders;
import io.redisarrow.core.WriteBatch;
import io.redisarrow.core.WriteEncoder;
import io.redisarrow.core.WriteScript;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.jspecify.annotations.Nullable;

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
        ValueEncoders values = new HashFieldValues();
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
