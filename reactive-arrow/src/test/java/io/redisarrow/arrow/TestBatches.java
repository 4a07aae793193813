package io.redisarrow.arrow;

import io.redisarrow.arrow.internal.encode.TestVectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.List;

/**
 * Builds record batches from plain rows for write tests: each row holds one Java value per column,
 * in schema order, as {@link TestVectors#set} takes them (null, Number, Boolean, BigDecimal,
 * String, byte[]).
 */
final class TestBatches {

    private TestBatches() {
    }

    static RecordBatch of(BufferAllocator allocator, Schema schema, List<Object[]> rows) {
        VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
        try {
            root.allocateNew();
            for (int row = 0; row < rows.size(); row++) {
                Object[] values = rows.get(row);
                for (int column = 0; column < values.length; column++) {
                    FieldVector vector = root.getVector(column);
                    TestVectors.set(vector, row, values[column]);
                }
            }
            root.setRowCount(rows.size());
            return RecordBatch.of(root);
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
    }

    static RecordBatch of(BufferAllocator allocator, Schema schema, Object[]... rows) {
        return of(allocator, schema, List.of(rows));
    }
}
