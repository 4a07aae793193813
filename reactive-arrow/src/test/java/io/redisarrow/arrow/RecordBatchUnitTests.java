package io.redisarrow.arrow;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A batch wrapping a caller's root: it owns the root from then on. */
class RecordBatchUnitTests {

    @Test
    void aWrappedRootIsClosedWithItsBatchOnce() {
        try (BufferAllocator allocator = new RootAllocator()) {
            Schema schema = new Schema(List.of(new Field("n", FieldType.nullable(new ArrowType.Int(64, true)), null)));
            VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
            BigIntVector n = (BigIntVector) root.getVector("n");
            n.allocateNew(3);
            n.set(0, 1);
            n.setNull(1);
            n.set(2, 3);
            root.setRowCount(3);
            RecordBatch batch = RecordBatch.of(root);
            assertThat(batch.rowCount()).isEqualTo(3);
            assertThat(batch.root()).isSameAs(root);
            assertThat(batch.nulledValues()).isZero();
            assertThat(batch.bufferSize()).isPositive();
            batch.close();
            batch.close();
            assertThat(batch.isClosed()).isTrue();
            assertThat(allocator.getAllocatedMemory()).isZero();
            assertThatThrownBy(batch::root).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> RecordBatch.of(null)).isInstanceOf(NullPointerException.class);
        }
    }
}
