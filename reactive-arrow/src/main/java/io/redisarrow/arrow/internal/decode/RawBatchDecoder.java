package io.redisarrow.arrow.internal.decode;

import io.redisarrow.arrow.internal.consumer.ColumnConsumer;
import io.redisarrow.arrow.internal.consumer.Consumers;
import io.redisarrow.arrow.ParseErrorPolicy;
import io.redisarrow.arrow.ValueConversionException;
import io.redisarrow.core.RawBatch;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.List;
import java.util.Set;

/**
 * Decodes a {@link RawBatch} into a fresh {@link VectorSchemaRoot} laid out by a
 * {@link BatchLayout}: row index, key and TTL columns as asked, then the data columns, filled by
 * the data type's {@link ValueColumns}. An Arrow row is one raw row, or the run of raw rows the
 * values group into one ({@link ValueColumns#rows}); the row index counts Arrow rows, and the key
 * and TTL are those of the row's first raw row. On any failure the root is closed before the
 * exception leaves.
 */
public final class RawBatchDecoder {

    private final BatchLayout layout;

    private final ValueColumns values;

    private final int firstDataColumn;

    /**
     * A decoder of one byte string per row and data field, as hashes give.
     *
     * @param layout the columns to produce
     */
    public RawBatchDecoder(BatchLayout layout) {
        this(layout, new FieldColumns(layout.dataFields(), Set.of()));
    }

    /**
     * @param layout the columns to produce
     * @param values how the raw values become the data columns
     */
    public RawBatchDecoder(BatchLayout layout, ValueColumns values) {
        this.layout = layout;
        this.values = values;
        this.firstDataColumn = layout.metaColumns();
    }

    /** @return the schema of every batch this decoder produces */
    public Schema schema() {
        return layout.schema();
    }

    /**
     * @param raw the raw values
     * @param allocator where the vectors' memory comes from
     * @return the decoded batch; the caller owns it
     * @throws ValueConversionException when a value does not parse under {@link ParseErrorPolicy#FAIL}
     */
    public Decoded decode(RawBatch raw, BufferAllocator allocator) {
        VectorSchemaRoot root = VectorSchemaRoot.create(layout.schema(), allocator);
        try {
            KeyRuns runs = values.rows(raw);
            int rows = runs.count();
            List<FieldVector> vectors = root.getFieldVectors();
            int column = 0;
            if (layout.rowIndexColumn() != null) {
                BigIntVector index = (BigIntVector) vectors.get(column++);
                index.allocateNew(rows);
                long first = raw.firstRowIndex();
                for (int row = 0; row < rows; row++) {
                    index.set(row, first + row);
                }
                index.setValueCount(rows);
            }
            if (layout.keyColumn() != null) {
                decodeKeys(raw, runs, vectors.get(column++));
            }
            if (layout.ttlColumn() != null) {
                BigIntVector ttl = (BigIntVector) vectors.get(column++);
                ttl.allocateNew(rows);
                for (int row = 0; row < rows; row++) {
                    long value = raw.ttl(runs.start(row));
                    if (value >= -1) {
                        ttl.set(row, value);
                    } else {
                        ttl.setNull(row);
                    }
                }
                ttl.setValueCount(rows);
            }
            long nulled = values.decode(raw, runs, vectors.subList(firstDataColumn, vectors.size()),
                    layout.parseErrorPolicy());
            root.setRowCount(rows);
            return new Decoded(root, nulled);
        } catch (Throwable e) {
            root.close();
            throw e;
        }
    }

    private void decodeKeys(RawBatch raw, KeyRuns runs, FieldVector vector) {
        int rows = runs.count();
        ((BaseVariableWidthVector) vector).allocateNew(Math.max(1, totalKeyBytes(raw, runs)), rows);
        ColumnConsumer consumer = Consumers.create(vector);
        byte[] data = raw.data();
        for (int row = 0; row < rows; row++) {
            int first = runs.start(row);
            if (!consumer.consume(row, data, raw.keyOffset(first), raw.keyLength(first))) {
                throw new ValueConversionException(raw.key(first), layout.keyColumn(), raw.key(first), "Utf8",
                        "the key is not valid UTF-8; use binaryKeys()");
            }
        }
        vector.setValueCount(rows);
    }

    private static long totalKeyBytes(RawBatch raw, KeyRuns runs) {
        long total = 0;
        for (int row = 0; row < runs.count(); row++) {
            total += raw.keyLength(runs.start(row));
        }
        return total;
    }
}
