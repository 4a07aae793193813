package io.redisarrow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClusterFindingsUnitTests {

    private static Table run(double latencyCluster, double loopbackCluster) {
        Table t = ClusterScenarioUnitTests.table(ClusterScenario.LOOPBACK, 0, loopbackCluster,
                ClusterScenario.table(1000));
        return ClusterScenarioUnitTests.table("2 ms RTT", 2, latencyCluster, t);
    }

    private static PassCosts.Totals totals(double redis, double busiest, double client, double proxy, double machine) {
        return new PassCosts.Totals(redis, busiest, new double[] { 100 }, 1, client, proxy, 1, machine, 1, 1, 0);
    }

    @Test
    void eachNetworksTargetIsMetOrNotFromTheClusterRowAgainstTheSingleNode() {
        String summary = new ClusterFindings(run(270_000, 90_000)).summary();

        assertThat(summary).contains("| 2 ms RTT: the 3-master cluster at >= 2.5 x the single node (both `parallel` 4)"
                + " | 2.70 x (270,000 against 100,000 rows/s) | yes |");
        assertThat(summary).contains("| loopback: the 3-master cluster at >= 1.0 x the single node (both `parallel` 4)"
                + " | 0.90 x (90,000 against 100,000 rows/s) | **no** |");
    }

    @Test
    void aBusyMachineLimitsByItsCoresCountingOtherProcesses() {
        assertThat(ClusterFindings.limit(totals(30, 30, 100, 20, 95), 100_000, 2, 12, 2))
                .isEqualTo("CPU: the 2 cores, 95 % busy (client 100 %, Redis 30 %, proxies 20 %, other processes 40 %)");
    }

    @Test
    void withoutTheMachinesClockOurOwnProcessesDecideWhetherTheCoresAreFull() {
        assertThat(ClusterFindings.limit(totals(80, 80, 100, 0, Double.NaN), 100_000, 0, 4, 2))
                .isEqualTo("CPU: the 2 cores (client 100 %, Redis 80 %)");
        assertThat(ClusterFindings.limit(totals(20, 20, 100, 0, Double.NaN), 5_000_000, 2, 4, 2))
                .isEqualTo("latency: 4 round trips of 2 ms in flight (they allow 10,000,000 rows/s)");
    }

    @Test
    void aSaturatedServerThreadComesBeforeTheRoundTrips() {
        assertThat(ClusterFindings.limit(totals(90, 88, 50, 5, 80), 100_000, 2, 12, 2))
                .isEqualTo("Redis: a server's thread (busiest node 88 % of a core)");
    }

    @Test
    void idleCoresOnLoopbackLeaveTheRoundTrips() {
        assertThat(ClusterFindings.limit(totals(40, 40, 60, 0, 55), 100_000, 0, 4, 2))
                .isEqualTo("round trips: cores 55 % busy, busiest node 40 % of a core");
    }

    @Test
    void behindLatencyARateFarBelowWhatTheRoundTripsAllowIsNotLimitedByThem() {
        assertThat(ClusterFindings.limit(totals(40, 40, 60, 5, 55), 100_000, 2, 4, 2))
                .isEqualTo("none saturated: cores 55 % busy, busiest node 40 % of a core, round trips allow"
                        + " 10,000,000 rows/s");
        assertThat(ClusterFindings.latencyBound(12, 100, 2)).isEqualTo(600_000.0);
    }

    @Test
    void theAdviceSaysWhatTheRoundTripsAllowAndWhichRowsWereReadTwice() {
        String advice = new ClusterFindings(run(270_000, 90_000)).advice();

        assertThat(advice).contains("Behind 2 ms, 4 round trips of 5,000 rows in flight allow one node 10,000,000"
                + " rows/s, 100 x what it read: each batch's work outlasts the round trip");
        assertThat(advice).contains("Rows read twice (the read retried from the last position it handed on, or read"
                + " slots again): 15,000 by the 3-master cluster at `parallel` 4 per master, over the measured passes;"
                + " every key was read.");
    }

    @Test
    void theAdviceComparesTheClusterWithTheSingleNodeAtTheSameRoundTripsInFlight() {
        String advice = new ClusterFindings(run(270_000, 90_000)).advice();

        assertThat(advice).contains("**2 ms RTT.** The 3-master cluster read 270,000 rows/s with `parallel` 4 per master"
                + " (12 round trips in flight): 2.70 x the single node at `parallel` 4 (100,000 rows/s; target 2.5 x:"
                + " reached) and 1.80 x the single node at `parallel` 12 (150,000 rows/s)");
        assertThat(advice).contains("Each master's share of the Redis CPU during the cluster scan: 40 / 30 / 30 %");
        assertThat(advice).contains("(`parallel` 12) gets less of it: the masters add more than their round trips"
                + " (the cluster 1.80 x it)");
    }

    @Test
    void thirtyMastersOnPaperUseTheFormulasWithTheMeasuredInputs() {
        String paper = new ClusterFindings(run(270_000, 90_000)).advice();

        assertThat(paper).contains("## On paper: 30 masters");
        assertThat(paper).contains("masters x (1 + scans) = 30 x (1 + 1) = 60 for one scan");
        assertThat(paper).contains("masters x parallel = 30 x 4 = 120");
        assertThat(paper).contains("masters x (parallel + 1) x bytes per batch = 30 x 5 x 580 kB = 87.0 MB");
        assertThat(paper).contains("(here: 3 x 5 x 580 kB = 8.7 MB bound, allocator peak 2.9 MB)");
        assertThat(paper).contains("2.50 µs of Redis CPU per row here), so 30 masters with a core each could serve"
                + " about 12.0 M rows/s");
        assertThat(paper).contains("120 round trips of 5,000 rows per 2 ms round trip allow 300.0 M rows/s");
        assertThat(paper).contains("9.00 µs of client CPU per row here, so one client core decodes about 111 k rows/s");
    }

    @Test
    void theFormulasThemselves() {
        assertThat(ClusterFindings.connections(30, 1)).isEqualTo(60);
        assertThat(ClusterFindings.connections(30, 3)).isEqualTo(120);
        assertThat(ClusterFindings.memoryBound(30, 4, 1_000_000)).isEqualTo(150_000_000.0);
        assertThat(ClusterFindings.bytesText(812_000)).isEqualTo("812 kB");
        assertThat(ClusterFindings.millions(1_250_000)).isEqualTo("1.3 M");
    }

    @Test
    void thePageHasItsOwnCommandTheTableAndThePaperScan() {
        Facts facts = new Facts(1000, 1001, "2", "cpu", "1 GiB", "os", "0.1 at start, 0.2 at end", "jvm", "", "7.0",
                "none", "redis-benchmark 7", "libs", "today");
        String page = ClusterReport.of(facts, 1000, "HashScanBenchmark --only cluster", run(270_000, 90_000)).docs();

        assertThat(page).startsWith("# Redis Cluster performance");
        assertThat(page).contains("-Dexec.args=\"--only cluster --docs\"");
        assertThat(page).contains("- Data: 1,000 hashes x 10 fields");
        assertThat(page).contains("## Hash scan of 1,000 hashes: one node against a 3-master cluster");
        assertThat(page.indexOf("## Targets against this run")).isLessThan(page.indexOf("## On paper: 30 masters"));
    }
}
