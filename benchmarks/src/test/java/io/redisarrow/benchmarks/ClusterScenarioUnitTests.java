package io.redisarrow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClusterScenarioUnitTests {

    static ClusterScenario.Measured measured(double rowsPerSecond, double[] shares, double machine) {
        double redis = 30;
        return new ClusterScenario.Measured(new Measurement("x", "4", new double[] { rowsPerSecond * 0.9,
                rowsPerSecond, rowsPerSecond * 1.1 }, Double.NaN),
                new PassCosts.Totals(redis, redis * shares[0] / 100, shares, 2.5, 95, 10, 9.0, machine, 400_000,
                        580_000, shares.length > 1 ? 15_000 : 0), 2_900_000);
    }

    /** The three rows of a network: single node 100k rows/s, at 3 x parallel 150k, cluster {@code cluster}. */
    static Table table(String network, double rttMs, double cluster, Table table) {
        ClusterScenario.rows(table, network, rttMs, 2, measured(100_000, new double[] { 100 }, 60),
                measured(150_000, new double[] { 100 }, 60), measured(cluster, new double[] { 40, 30, 30 }, 60));
        return table;
    }

    @Test
    void everyRowIsAgainstTheSingleNodeAtTheSameParallelAndTheClusterAlsoAgainstTheSameInFlight() {
        Table t = table("2 ms RTT", 2, 270_000, ClusterScenario.table(1000));

        assertThat(t.column("x_single")).containsExactly(1.0, 1.5, 2.7);
        assertThat(t.number(2, "x_single_same_in_flight")).isCloseTo(1.8, within(1e-9));
        assertThat(t.number(0, "x_single_same_in_flight")).isNaN();
        assertThat(t.column("in_flight")).containsExactly(4L, 12L, 12L);
        assertThat(t.column("parallel")).containsExactly("4", "12", "4 per master");
        assertThat(t.number(2, "rows_per_s_min")).isCloseTo(243_000, within(1e-6));
    }

    @Test
    void theTargetIsTwoAndAHalfBehindLatencyAndOneOnLoopbackOnTheClusterRowOnly() {
        Table t = table("2 ms RTT", 2, 270_000, ClusterScenario.table(1000));
        table(ClusterScenario.LOOPBACK, 0, 90_000, t);

        assertThat(t.column("target")).containsExactly(null, null, 2.5, null, null, 1.0);
    }

    @Test
    void onlyTheClusterRowSharesItsRedisCpuByMasterAndOnlyProxiedRowsShowTheProxies() {
        Table t = table(ClusterScenario.LOOPBACK, 0, 90_000, ClusterScenario.table(1000));

        assertThat(t.column("master_shares")).containsExactly(null, null, "40 / 30 / 30 %");
        assertThat(t.column("proxy_cpu_pct")).containsOnlyNulls();
        assertThat(t.number(2, "largest_batch_kb")).isCloseTo(580, within(1e-9));
        assertThat(t.number(2, "peak_mb")).isCloseTo(2.9, within(1e-9));
        assertThat(t.column("rows_again")).containsExactly(0L, 0L, 15_000L);
    }

    @Test
    void roundTripsAreLabelledInMilliseconds() {
        assertThat(ClusterScenario.rtt(2)).isEqualTo("2 ms");
        assertThat(ClusterScenario.rtt(0.5)).isEqualTo("0.5 ms");
    }
}
