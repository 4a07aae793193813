package io.redisarrow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClusterFindingsUnitTests {

    private static Table run(double latencyCluster, double loopbackCluster) {
        return run(latencyCluster, loopbackCluster, 84_000);
    }

    /** Both networks, each with its default rows then its latency-bound pair (single node 30k rows/s). */
    private static Table run(double latencyCluster, double loopbackCluster, double boundCluster) {
        Table t = ClusterScenarioUnitTests.table(ClusterScenario.LOOPBACK, 0, loopbackCluster,
                ClusterScenario.table(1000));
        ClusterScenarioUnitTests.pair(ClusterScenario.LOOPBACK, 0, 40_000, t);
        ClusterScenarioUnitTests.table("2 ms RTT", 2, latencyCluster, t);
        return ClusterScenarioUnitTests.pair("2 ms RTT", 2, boundCluster, t);
    }

    private static PassCosts.Totals totals(double redis, double busiest, double client, double proxy, double machine) {
        return totals(redis, busiest, client, proxy, machine, Double.NaN);
    }

    private static PassCosts.Totals totals(double redis, double busiest, double client, double proxy, double machine,
            double roundTripMillis) {
        return new PassCosts.Totals(redis, busiest, new double[] { 100 }, 1, client, proxy, 1, machine, 1, 1, 0, 0,
                roundTripMillis);
    }

    @Test
    void theTargetsAreEvaluatedOnTheirPairsAndTheOtherPairsAreShownWithTheirRatio() {
        String summary = new ClusterFindings(run(270_000, 90_000, 84_000)).summary();

        assertThat(summary).contains("| 2 ms RTT, latency-bound pair (`batchSize` 100, `parallel` 1): the 3-master"
                + " cluster at >= 2.5 x the single node | 2.80 x (84,000 against 30,000 rows/s) | yes |");
        assertThat(summary).contains("| loopback, default pair (`batchSize` 5,000, `parallel` 4): the 3-master cluster"
                + " at >= 1.0 x the single node | 0.90 x (90,000 against 100,000 rows/s) | **no** |");
        assertThat(summary).contains("| 2 ms RTT, default pair (`batchSize` 5,000, `parallel` 4): the 3-master cluster"
                + " against the single node, shown beside the target: each batch's CPU work outlasts the round trip,"
                + " so latency is not its limit | 2.70 x (270,000 against 100,000 rows/s) | not a target's test |");
        assertThat(summary).contains("| loopback, latency-bound pair (`batchSize` 100, `parallel` 1): the 3-master"
                + " cluster against the single node, shown beside the target: on loopback the target is the default"
                + " pair's | 1.33 x (40,000 against 30,000 rows/s) | not a target's test |");
    }

    @Test
    void theLatencyTargetIsMissedWhenTheLatencyBoundClusterFallsShort() {
        String summary = new ClusterFindings(run(270_000, 90_000, 60_000)).summary();

        assertThat(summary).contains("the 3-master cluster at >= 2.5 x the single node | 2.00 x (60,000 against 30,000"
                + " rows/s) | **no** |");
    }

    @Test
    void aBusyMachineLimitsByItsCoresCountingOtherProcesses() {
        assertThat(ClusterFindings.limit(totals(30, 30, 100, 20, 95, 80), 100_000, 2, 12, 5000, 2))
                .isEqualTo("CPU: the 2 cores, 95 % busy (client 100 %, Redis 30 %, proxies 20 %, other processes 40 %)");
    }

    @Test
    void withoutTheMachinesClockOurOwnProcessesDecideWhetherTheCoresAreFull() {
        assertThat(ClusterFindings.limit(totals(80, 80, 100, 0, Double.NaN), 100_000, 0, 4, 5000, 2))
                .isEqualTo("CPU: the 2 cores (client 100 %, Redis 80 %)");
    }

    @Test
    void behindLatencyTheRoundTripsLimitWhenTheDelayAddedIsMostOfEachRoundTripEvenOnABusyMachine() {
        assertThat(ClusterFindings.limit(totals(20, 20, 30, 10, 98, 3.3), 30_000, 2, 1, 100, 2))
                .isEqualTo("latency: 1 round trip of 100 rows in flight, each 3.30 ms on average, 61 % of it the 2 ms"
                        + " added (round trips allow 50,000 rows/s at 2 ms)");
        assertThat(ClusterFindings.limit(totals(20, 20, 30, 10, 98, 4.2), 30_000, 2, 3, 100, 2))
                .startsWith("CPU: the 2 cores, 98 % busy");
        assertThat(ClusterFindings.limit(totals(20, 20, 30, 10, 50, 3.3), 30_000, 0, 1, 100, 2))
                .startsWith("round trips: ");
    }

    @Test
    void aSaturatedServerThreadComesBeforeTheRoundTrips() {
        assertThat(ClusterFindings.limit(totals(90, 88, 50, 5, 80, 80), 100_000, 2, 12, 5000, 2))
                .isEqualTo("Redis: a server's thread (busiest node 88 % of a core)");
    }

    @Test
    void idleCoresOnLoopbackLeaveTheRoundTrips() {
        assertThat(ClusterFindings.limit(totals(40, 40, 60, 0, 55), 100_000, 0, 4, 5000, 2))
                .isEqualTo("round trips: cores 55 % busy, busiest node 40 % of a core");
    }

    @Test
    void behindLatencyARateFarBelowWhatTheRoundTripsAllowIsNotLimitedByThem() {
        assertThat(ClusterFindings.limit(totals(40, 40, 60, 5, 55, 80), 100_000, 2, 4, 5000, 2))
                .isEqualTo("none saturated: cores 55 % busy, busiest node 40 % of a core, round trips of 80.00 ms"
                        + " (2 ms added) allow 10,000,000 rows/s");
        assertThat(ClusterFindings.latencyBound(12, 100, 2)).isEqualTo(600_000.0);
    }

    @Test
    void theAdviceSaysWhatTheRoundTripsAllowAndWhichRowsWereReadTwice() {
        String advice = new ClusterFindings(run(270_000, 90_000)).advice();

        assertThat(advice).contains("Behind 2 ms, 4 round trips of 5,000 rows in flight allow one node 10,000,000"
                + " rows/s, 100 x what it read: each batch's work outlasts the round trip");
        assertThat(advice).contains("(the latency-bound pair does)");
        assertThat(advice).contains("Rows read twice (the read retried from the last position it handed on, or read"
                + " slots again): 15,000 by the 3-master cluster at `parallel` 4 per master, over the measured passes;"
                + " every key was read.");
    }

    @Test
    void theAdviceComparesTheClusterWithTheSingleNodeAtTheSameRoundTripsInFlight() {
        String advice = new ClusterFindings(run(270_000, 90_000)).advice();

        assertThat(advice).contains("**2 ms RTT, default pair** (`batchSize` 5,000). The 3-master cluster read 270,000"
                + " rows/s with `parallel` 4 per master (12 round trips in flight): 2.70 x the single node at `parallel`"
                + " 4 (100,000 rows/s; no target: the latency-bound pair holds it) and 1.80 x the single node at"
                + " `parallel` 12 (150,000 rows/s)");
        assertThat(advice).contains("**loopback, default pair** (`batchSize` 5,000). The 3-master cluster read 90,000"
                + " rows/s with `parallel` 4 per master (12 round trips in flight): 0.90 x the single node at `parallel`"
                + " 4 (100,000 rows/s; target 1.0 x: not reached)");
        assertThat(advice).contains("Each master's share of the Redis CPU during the cluster scan: 40 / 30 / 30 %");
        assertThat(advice).contains("the single node with as many round trips in flight as the cluster (`parallel` 12)"
                + " reads slower: the masters' own server threads add CPU the single node lacks (the cluster 1.80 x"
                + " it)");
    }

    @Test
    void theAdviceSaysWhyThereAreTwoPairsWithWhatTheirRoundTripsAndTheClientAllow() {
        String advice = new ClusterFindings(run(270_000, 90_000)).advice();

        assertThat(advice).contains("**Why two pairs.** With the library's defaults (`batchSize` 5,000, `parallel` 4)"
                + " behind 2 ms, 4 round trips of 5,000 rows in flight allow one node 10,000,000 rows/s, 100 x what it"
                + " read (100,000 rows/s)");
        assertThat(advice).contains("The latency-bound pair (`batchSize` 100, `parallel` 1) allows one node 1 x 100"
                + " rows per 2 ms = 50,000 rows/s and 3 masters 150,000 rows/s; with these options the client spent"
                + " 9.00 µs of CPU per row (the latency-bound cluster, 2 ms RTT), so one client core decodes about"
                + " 111,111 rows/s, more than the single node's bound but less than the cluster's");
    }

    @Test
    void theAdviceGivesEachLatencyBoundPairItsRoundTripsAndTarget() {
        String advice = new ClusterFindings(run(270_000, 90_000)).advice();

        assertThat(advice).contains("**2 ms RTT, latency-bound pair** (`batchSize` 100, `parallel` 1: 1 round trip in"
                + " flight for the single node, 3 for the cluster). The single node read 30,000 rows/s, 60 % of the"
                + " 50,000 rows/s its round trips allow, a round trip taking 3.30 ms on average; the 3-master cluster"
                + " read 84,000 rows/s (56 % of the 150,000 rows/s 3 round trips allow), 2.80 x the single node (target"
                + " 2.5 x: reached), its round trips 3.40 ms.");
        assertThat(advice).contains("**loopback, latency-bound pair** (`batchSize` 100, `parallel` 1: 1 round trip in"
                + " flight for the single node, 3 for the cluster). The single node read 30,000 rows/s, a round trip"
                + " taking 3.30 ms on average; the 3-master cluster read 40,000 rows/s, 1.33 x the single node (no"
                + " target on loopback)");
    }

    @Test
    void theAdviceCountsTheRetriesOfEveryRowOrSaysThereWereNone() {
        String advice = new ClusterFindings(run(270_000, 90_000)).advice();

        assertThat(advice).contains("**Retries** (the library's `redisarrow.retries` meter; cluster nodes at"
                + " `cluster-node-timeout` 15 s, Redis' default, so a loaded machine does not make them mark each other"
                + " failing): 8 in the measured passes: 4 by the 3-master cluster, loopback, latency-bound pair at"
                + " `parallel` 1 per master; 4 by the 3-master cluster, 2 ms RTT, latency-bound pair at `parallel` 1"
                + " per master.");
        Table none = ClusterScenarioUnitTests.table(ClusterScenario.LOOPBACK, 0, 90_000, ClusterScenario.table(1000));
        assertThat(new ClusterFindings(none).retries()).endsWith(": none in any measured pass.");
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
