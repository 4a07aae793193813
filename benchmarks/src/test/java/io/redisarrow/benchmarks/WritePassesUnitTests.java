package io.redisarrow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.List;

class WritePassesUnitTests {

    @Test
    void cpuPerRowLeavesOutTheWarmUp() {
        List<double[]> passes = List.of(new double[] { 9, 1_000 }, new double[] { 0.5, 1_000_000 },
                new double[] { 1.5, 1_000_000 });

        assertThat(WritePasses.cpuMicrosPerRow(passes)).isEqualTo(1.0);
        assertThat(WritePasses.cpuMicrosPerRow(List.of(new double[] { 1, 1 }))).isNaN();
    }

    @Test
    void exactlyRefusesAPassThatAddedAnotherCount() {
        WritePasses.KeyCheck.exactly(10).check(10);

        assertThatThrownBy(() -> WritePasses.KeyCheck.exactly(10).check(9)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the pass added 9 keys, expected 10");
    }

    @Test
    void randomWritesMustAddAtLeastHalfAndAtMostAllKeys() {
        WritePasses.KeyCheck.randomOf(1_000).check(632);

        assertThatThrownBy(() -> WritePasses.KeyCheck.randomOf(1_000).check(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> WritePasses.KeyCheck.randomOf(1_000).check(1_001)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theWritesDatabaseIsTwoAfterTheRunsWithCredentialsAndOptionsKept() {
        assertThat(WritesDatabase.url("redis://u:p@h:1/3?timeout=5s")).isEqualTo("redis://u:p@h:1/5?timeout=5s");
        assertThat(WritesDatabase.url("redis://h:1")).isEqualTo("redis://h:1/2");
    }

    @Test
    void serverCpuIsUserPlusSystemTime() {
        String info = "# CPU\r\nused_cpu_sys:0.392536\r\nused_cpu_user:0.350328\r\nused_cpu_sys_children:0.000000\r\n";

        assertThat(WritesDatabase.cpuSeconds(info)).isCloseTo(0.742864, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(WritesDatabase.cpuSeconds("# CPU\r\n")).isNaN();
    }
}
