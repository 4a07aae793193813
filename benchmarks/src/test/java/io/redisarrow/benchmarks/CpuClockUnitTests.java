package io.redisarrow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CpuClockUnitTests {

    @Test
    void idleAndIowaitAreTheOnlyTicksNotBusy() {
        long[] ticks = CpuClock.busyAndTotal("cpu  100 2 30 500 40 5 6 7 11 0");

        assertThat(ticks).containsExactly(100 + 2 + 30 + 5 + 6 + 7, 100 + 2 + 30 + 500 + 40 + 5 + 6 + 7);
    }

    @Test
    void aShortLineIsRefused() {
        assertThatThrownBy(() -> CpuClock.busyAndTotal("cpu 1 2 3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("line must be /proc/stat's cpu line");
    }

    @Test
    void theClocksOfThisProcessRunForward() {
        CpuClock.Reading before = CpuClock.now();
        long spin = 0;
        for (int i = 0; i < 50_000_000; i++) {
            spin += i ^ spin;
        }
        CpuClock.Reading after = CpuClock.now();

        assertThat(spin).isNotZero();
        assertThat(after.jvmNanos()).isGreaterThan(before.jvmNanos());
        assertThat(after.machineTotal()).isGreaterThanOrEqualTo(before.machineTotal());
    }
}
