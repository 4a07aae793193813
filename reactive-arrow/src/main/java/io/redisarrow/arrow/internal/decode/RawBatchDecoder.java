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
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.Arrays;
import java.util.List;

/**
 * Decodes a {@link RawBatch} into a fresh {@link VectorSchemaRoot} laid out by a
 * {@link BatchLayout}: row index, key and TTL columns as asked, then one consumer per data field
 * writing straight from the raw bytes. Variable-width vectors are sized from the raw lengths up
 * front, so nothing is reallocated. On any failure the root is closed before the exception
 * leaves. Serves every data type whose fetch stage yields one byte string per row and column.
 */
public final class RawBatchDecoder {

    private final BatchLayout layout;

    private final List<Field> dataFields;

    private final int firstDataColumn;

    /** @param layout the columns to produce */
    public RawBatchDecoder(BatchLayout layout) {
        this.layout = layout;
        this.dataFields = layout.dataFields();
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
            int rows = raw.rowCount();
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
                decodeKeys(raw, vectors.get(column++), rows);
            }
            if (layout.ttlColumn() != null) {
                BigIntVector ttl = (BigIntVector) vectors.get(column++);
                ttl.allocateNew(rows);
                for (int row = 0; row < rows; row++) {
                    long value = raw.ttl(row);
                    if (value >= -1) {
                        ttl.set(row, value);
                    } else {
                        ttl.setNull(row);
                    }
                }
                ttl.setValueCount(rows);
            }
            long nulled = 0;
            for (int field = 0; field < dataFields.size(); field++) {
                nulled += decodeField(raw, field, vectors.get(firstDataColumn + field), rows);
            }
            root.setRowCount(rows);
            return new Decoded(root, nulled);
        } catch (Throwable e) {
            root.close();
            throw e;
        }
    }

    private void decodeKeys(RawBatch raw, FieldVector vector, int rows) {
        ((BaseVariableWidthVector) vector).allocateNew(Math.max(1, totalKeyBytes(raw, rows)), rows);
        ColumnConsumer consumer = Consumers.create(vector);
        byte[] data = raw.data();
        for (int row = 0; row < rows; row++) {
            if (!consumer.consume(row, data, raw.keyOffset(row), raw.keyLength(row))) {
                throw new ValueConversionException(raw.key(row), layout.keyColumn(), raw.key(row), "Utf8",
                        "the key is not valid UTF-8; use binaryKeys()");
            }
        }
        vector.setValueCount(rows);
    }

    private long decodeField(RawBatch raw, int field, FieldVector vector, int rows) {
        allocate(vector, raw, field, rows);
        ColumnConsumer consumer = Consumers.create(vector);
        Field declared = dataFields.get(field);
        byte[] data = raw.data();
        long nulled = 0;
        for (int row = 0; row < rows; row++) {
            int length = raw.valueLength(row, field);
            if (length == RawBatch.MISSING) {
                if (!declared.isNullable()) {
                    throw new ValueConversionException(raw.key(row), declared.getName(), new byte[0],
                            Consumers.describe(declared.getType()), "the field is missing but declared not nullable");
                }
                consumer.consumeNull(row);
                continue;
            }
            int offset = raw.valueOffset(row, field);
            if (consumer.consume(row, data, offset, length)) {
                continue;
            }
            if (layout.parseErrorPolicy() == ParseErrorPolicy.NULL && declared.isNullable()) {
                consumer.consumeNull(row);
                nulled++;
            } else {
                throw new ValueConversionException(raw.key(row), declared.getName(),
                        Arrays.copyOfRange(data, offset, offset + length), Consumers.describe(declared.getType()),
                        declared.isNullable() ? null : "the field is declared not nullable, so it cannot be nulled");
            }
        }
        vector.setValueCount(rows);
        return nulled;
    }

    private static void allocate(FieldVector vector, RawBatch raw, int field, int rows) {
        if (vector instanceof BaseVariableWidthVector variable) {
            variable.allocateNew(Math.max(1, totalValueBytes(raw, field, rows)), rows);
        } else {
            vector.setInitialCapacity(rows);
            vector.allocateNew();
        }
    }

    private static long totalKeyBytes(RawBatch raw, int rows) {
        long total = 0;
        for (int row = 0; row < rows; row++) {
            total += raw.keyLength(row);
        }
        return total;
    }

    private static long totalValueBytes(RawBatch raw, int field, int rows) {
        long total = 0;
        for (int row = 0; row < rows; row++) {
            total += Math.max(0, raw.valueLength(row, field));
        }
        return total;
    }
}
