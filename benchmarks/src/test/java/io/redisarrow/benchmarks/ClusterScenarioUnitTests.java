package io.redisarrow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClusterScenarioUnitTests {

    static ClusterScenario.Measured measured(double rowsPerSecond, double[] shares, double machine) {
        return measured(rowsPerSecond, shares, machine, 80, 0);
    }

    static ClusterScenario.Measured measured(double rowsPerSecond, double[] shares, double machine,
            double roundTripMillis, long retries) {
        double redis = 30;
        return new ClusterScenario.Measured(new Measurement("x", "4", new double[] { rowsPerSecond * 0.9,
                rowsPerSecond, rowsPerSecond * 1.1 }, Double.NaN),
                new PassCosts.Totals(redis, redis * shares[0] / 100, shares, 2.5, 95, 10, 9.0, machine, 400_000,
                        580_000, shares.length > 1 ? 15_000 : 0, retries, roundTripMillis), 2_900_000);
    }

    /** The default pair's three rows of a network: single node 100k rows/s, at 3 x parallel 150k, cluster {@code cluster}. */
    static Table table(String network, double rttMs, double cluster, Table table) {
        ClusterScenario.rows(table, network, rttMs, 2, measured(100_000, new double[] { 100 }, 60),
                measured(150_000, new double[] { 100 }, 60), measured(cluster, new double[] { 40, 30, 30 }, 60));
        return table;
    }

    /** The latency-bound pair of a network: single node 30k rows/s, round trips of 3.3 ms; cluster {@code cluster}. */
    static Table pair(String network, double rttMs, double cluster, Table table) {
        ClusterScenario.pair(table, network, rttMs, 2, measured(30_000, new double[] { 100 }, 50, 3.3, 0),
                measured(cluster, new double[] { 34, 33, 33 }, 55, 3.4, 4));
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
    void theLatencyBoundPairIsItsOwnBaseWithItsOwnBatchSizeAndParallel() {
        Table t = pair("2 ms RTT", 2, 84_000, table("2 ms RTT", 2, 270_000, ClusterScenario.table(1000)));

        assertThat(t.column("pair")).containsExactly("default", "default", "default", "latency-bound",
                "latency-bound");
        assertThat(t.column("batch_size")).containsExactly(5000L, 5000L, 5000L, 100L, 100L);
        assertThat(t.column("parallel")).containsExactly("4", "12", "4 per master", "1", "1 per master");
        assertThat(t.column("in_flight")).containsExactly(4L, 12L, 12L, 1L, 3L);
        assertThat(t.number(4, "x_single")).isCloseTo(2.8, within(1e-9));
        assertThat(t.number(4, "x_single_same_in_flight")).isNaN();
        assertThat(t.column("round_trip_ms")).containsExactly(80.0, 80.0, 80.0, 3.3, 3.4);
        assertThat(t.column("retries")).containsExactly(0L, 0L, 0L, 0L, 4L);
    }

    @Test
    void theTargetsAreTwoAndAHalfOnTheLatencyBoundPairBehindLatencyAndOneOnTheDefaultPairOnLoopback() {
        Table t = ClusterScenario.table(1000);
        table("2 ms RTT", 2, 270_000, t);
        pair("2 ms RTT", 2, 84_000, t);
        table(ClusterScenario.LOOPBACK, 0, 90_000, t);
        pair(ClusterScenario.LOOPBACK, 0, 40_000, t);

        assertThat(t.column("target")).containsExactly(null, null, null, null, 2.5, null, null, 1.0, null, null);
        assertThat(ClusterScenario.target(ClusterScenario.LATENCY_BOUND, 2)).isEqualTo(2.5);
        assertThat(ClusterScenario.target(ClusterScenario.DEFAULTS, 2)).isNull();
        assertThat(ClusterScenario.target(ClusterScenario.DEFAULTS, 0)).isEqualTo(1.0);
        assertThat(ClusterScenario.target(ClusterScenario.LATENCY_BOUND, 0)).isNull();
    }

    @Test
    void theLatencyBoundPairIsHeldBackByItsRoundTripsWellUnderWhatAClientCoreDecodes() {
        ClusterScenario.Pair p = ClusterScenario.LATENCY_BOUND;
        double single = ClusterFindings.latencyBound(p.parallel(), p.batchSize(), ClusterScenario.RTT_MS);
        double cluster = ClusterFindings.latencyBound((long) ClusterScenario.MASTERS * p.parallel(), p.batchSize(),
                ClusterScenario.RTT_MS);

        assertThat(single).isLessThanOrEqualTo(100_000);
        assertThat(cluster).isLessThanOrEqualTo(300_000);
        assertThat(ClusterFindings.latencyBound(ClusterScenario.PARALLEL, ClusterScenario.BATCH_SIZE,
                ClusterScenario.RTT_MS)).isGreaterThan(1_000_000);
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
    void theNodesWaitRedisDefaultBeforeMarkingEachOtherFailing() {
        assertThat(ClusterScenario.NODE_TIMEOUT.toMillis()).isEqualTo(15_000);
        assertThat(ClusterScenario.note(1000, 3, new long[] { 333, 333, 334 }, "7.0", 2))
                .contains("`cluster-node-timeout` 15,000 ms")
                .contains("**latency-bound** (`batchSize` 100, `parallel` 1)");
    }

    @Test
    void roundTripsAreLabelledInMilliseconds() {
        assertThat(ClusterScenario.rtt(2)).isEqualTo("2 ms");
        assertThat(ClusterScenario.rtt(0.5)).isEqualTo("0.5 ms");
    }
}
