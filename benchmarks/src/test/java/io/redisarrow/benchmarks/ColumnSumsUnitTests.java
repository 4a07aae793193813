package io.redisarrow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

class ColumnSumsUnitTests {

    @Test
    void textLengthsAndNumbersAreSummedAndTheKeyColumnLeftOut() {
        try (BufferAllocator allocator = new RootAllocator();
                VarCharVector key = new VarCharVector("_key", allocator);
                VarCharVector member = new VarCharVector("member", allocator);
                Float8Vector score = new Float8Vector("_score", allocator);
                BigIntVector id = new BigIntVector("_id_ms", allocator)) {
            key.allocateNew(3);
            member.allocateNew(3);
            score.allocateNew(3);
            id.allocateNew(3);
            for (int i = 0; i < 3; i++) {
                key.setSafe(i, ("a-long-key-" + i).getBytes(StandardCharsets.UTF_8));
            }
            member.setSafe(0, "abcd".getBytes(StandardCharsets.UTF_8));
            member.setNull(1);
            member.setSafe(2, "xy".getBytes(StandardCharsets.UTF_8));
            score.set(0, 1.5);
            score.set(1, -0.25);
            score.setNull(2);
            id.set(0, 100);
            id.setNull(1);
            id.set(2, 20);
            VectorSchemaRoot root = new VectorSchemaRoot(List.<FieldVector>of(key, member, score, id));
            root.setRowCount(3);

            assertThat(ColumnSums.of(root, Set.of("_key"))).isEqualTo(4 + 2 + 1.5 - 0.25 + 100 + 20);
            assertThat(ColumnSums.of(root, Set.of())).isEqualTo(4 + 2 + 1.5 - 0.25 + 100 + 20 + 3 * 12);
            assertThat(ColumnSums.of(root, Set.of("_key", "_id_ms"))).isEqualTo(4 + 2 + 1.5 - 0.25);
        }
    }

    @Test
    void aColumnOfAnotherTypeIsRefusedByName() {
        try (BufferAllocator allocator = new RootAllocator(); BitVector flag = new BitVector("flag", allocator)) {
            flag.allocateNew(1);
            flag.set(0, 1);
            VectorSchemaRoot root = new VectorSchemaRoot(List.<FieldVector>of(flag));
            root.setRowCount(1);

            assertThatThrownBy(() -> ColumnSums.of(root, Set.of())).isInstanceOf(IllegalStateException.class)
                    .hasMessage("no sum for column flag of type Bool");
        }
    }
}
