package io.redisarrow.core.internal.plan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BatchSizerUnitTests {

    @Test
    void aFixedSizeIgnoresLatency() {
        BatchSizer sizer = BatchSizer.fixed(250);
        sizer.latency(5_000_000);
        assertThat(sizer.size()).isEqualTo(250);
    }

    @Test
    void anAdaptiveSizeTakesOneKeyPerMicrosecondOfLatencyWithinItsBounds() {
        BatchSizer sizer = BatchSizer.adaptive(100, 1000);
        assertThat(sizer.size()).as("before a measurement").isEqualTo(1000);
        sizer.latency(60_000);
        assertThat(sizer.size()).as("loopback, 60 us").isEqualTo(100);
        sizer.latency(450_000);
        assertThat(sizer.size()).as("450 us").isEqualTo(450);
        sizer.latency(4_000_000);
        assertThat(sizer.size()).as("4 ms").isEqualTo(1000);
    }

    @Test
    void aCapBelowTheFloorWins() {
        BatchSizer sizer = BatchSizer.adaptive(100, 10);
        sizer.latency(1_000);
        assertThat(sizer.size()).isEqualTo(10);
    }
}
