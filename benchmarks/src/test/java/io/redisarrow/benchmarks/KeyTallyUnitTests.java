package io.redisarrow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

class KeyTallyUnitTests {

    private static void add(KeyTally tally, String... keys) {
        try (BufferAllocator allocator = new RootAllocator(); VarCharVector column = new VarCharVector("_key", allocator)) {
            column.allocateNew(keys.length);
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != null) {
                    column.setSafe(i, keys[i].getBytes(StandardCharsets.UTF_8));
                }
            }
            column.setValueCount(keys.length);
            tally.add(column);
        }
    }

    @Test
    void everyKeyReadOnceIsAWholePass() {
        KeyTally tally = new KeyTally(3);

        add(tally, BenchData.key(2), BenchData.key(0));
        add(tally, BenchData.key(1));

        assertThat(tally.problem()).isNull();
        assertThat(tally.rows()).isEqualTo(3);
        assertThat(tally.again()).isZero();
    }

    @Test
    void keysReadTwiceAreCountedAndStillMakeAWholePass() {
        KeyTally tally = new KeyTally(3);

        add(tally, BenchData.key(0), BenchData.key(1), BenchData.key(2));
        add(tally, BenchData.key(1), BenchData.key(2));

        assertThat(tally.problem()).isNull();
        assertThat(tally.again()).isEqualTo(2);
    }

    @Test
    void aMissingKeyOrAnotherKeyIsAProblem() {
        KeyTally tally = new KeyTally(4);

        add(tally, BenchData.key(0), BenchData.key(1), BenchData.key(4), "bench:loaded", null);

        assertThat(tally.problem()).isEqualTo("2 of 4 keys not read, 3 rows of other keys");
        assertThat(tally.again()).isZero();
    }
}
