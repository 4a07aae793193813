package io.redisarrow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.List;

class CpuSampledUnitTests {

    @Test
    void theShareLeavesOutTheWarmUpAndWeighsPassesByTheirTime() {
        List<double[]> passes = List.of(new double[] { 9, 10 }, new double[] { 1, 2 }, new double[] { 3, 6 });

        assertThat(CpuSampled.percent(passes)).isEqualTo(50.0);
    }

    @Test
    void withoutAMeasuredPassTheShareIsUnknown() {
        assertThat(CpuSampled.percent(List.of())).isNaN();
        assertThat(CpuSampled.percent(List.<double[]>of(new double[] { 1, 1 }))).isNaN();
    }

    @Test
    void eachPassReadsTheServersCpuBeforeAndAfter() {
        double[] cpu = { 0 };
        Reader slow = new Reader() {
            @Override
            public String name() {
                return "slow";
            }

            @Override
            public long pass() {
                cpu[0] += 1000;
                return 7;
            }
        };
        try (CpuSampled sampled = new CpuSampled(slow, () -> cpu[0])) {
            assertThat(sampled.pass()).isEqualTo(7);
            assertThat(sampled.pass()).isEqualTo(7);

            assertThat(sampled.name()).isEqualTo("slow");
            assertThat(sampled.percent()).as("1000 s of CPU in a pass of far less than 1000 s").isGreaterThan(1e5);
            assertThat(sampled.detail()).startsWith("Redis CPU ");
        }
    }
}
