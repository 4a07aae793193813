package io.redisarrow.benchmarks;

import io.redisarrow.arrow.HashScan;
import io.redisarrow.testing.LocalRedisServer;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static io.redisarrow.benchmarks.Texts.f;

/**
 * The same N hashes read with {@code scanHashes} (the hash scenario's schema, default batch size) from
 * one standalone redis-server and from a Redis Cluster of {@value #MASTERS} masters without replicas, on
 * loopback and behind {@link LatencyProxy} proxies adding {@value #RTT_MS} ms per round trip (one
 * proxy per node, announced by the node, so every connection of the cluster read crosses one). A
 * cluster scan runs {@code parallel} round trips per master, so the single node is read at
 * {@code parallel} and at {@value #MASTERS} x {@code parallel} too: the same round trips in flight. Each
 * row also gives the Redis CPU (INFO cpu) of every node, the client's and the proxies' CPU, how busy
 * the machine's cores were, and the Arrow bytes per batch, for {@link ClusterFindings}.
 */
final class ClusterScenario {

    /** The table's id. */
    static final String ID = "cluster";

    /** Masters of the cluster. */
    static final int MASTERS = 3;

    /** The round-trip time the proxies add: half of it each way. */
    static final double RTT_MS = 2;

    /** {@code parallel} of the single-node row and of the cluster row (per master). */
    static final int PARALLEL = HashScan.DEFAULT_PARALLEL;

    /** {@code batchSize} of every row. */
    static final int BATCH_SIZE = HashScan.DEFAULT_BATCH_SIZE;

    /** The target column of the single node. */
    static final String SINGLE = "single node";

    /** The target column of the cluster. */
    static final String CLUSTER = MASTERS + "-master cluster";

    /** Loopback's network column. */
    static final String LOOPBACK = "loopback";

    private ClusterScenario() {
    }

    /**
     * What one row measured.
     *
     * @param measurement the rates of the measured passes
     * @param totals their costs
     * @param peakBytes the allocator's peak over every pass
     */
    record Measured(Measurement measurement, PassCosts.Totals totals, long peakBytes) {
    }

    /**
     * Starts a standalone redis-server and, for each network, a cluster; loads N hashes into each and
     * measures them. The servers are the scenario's own (no modules), whatever {@code REDIS_URL} says.
     *
     * @param keys N
     * @param repetitions measured passes per row, after a warm-up
     * @return the table
     * @throws Exception when a server does not start or a pass fails
     */
    static Table run(int keys, int repetitions) throws Exception {
        Table table = table(keys);
        int cores = Runtime.getRuntime().availableProcessors();
        try (LocalRedisServer single = LocalRedisServer.builder().noModules().start()) {
            Progress.say("cluster: standalone redis-server %s on %s", single.facts().version(), single.url());
            DataLoader.ensureLoaded(single.url(), keys, false);
            long[] perMaster;
            long start = System.nanoTime();
            try (BenchCluster cluster = BenchCluster.start(MASTERS, Duration.ZERO)) {
                Progress.say("cluster: %d masters on loopback started in %.1f s, seed %s", MASTERS,
                        (System.nanoTime() - start) / 1e9, cluster.url());
                perMaster = ClusterLoader.load(cluster.masters(), keys);
                network(table, LOOPBACK, 0, single.url(), single.url(), cluster, keys, repetitions, cores);
            }
            Duration oneWay = Duration.ofNanos((long) (RTT_MS * 1_000_000 / 2));
            start = System.nanoTime();
            try (LatencyProxy proxy = LatencyProxy.start("127.0.0.1", single.port(), oneWay);
                    BenchCluster cluster = BenchCluster.start(MASTERS, oneWay)) {
                Progress.say("cluster: %d masters behind proxies (%s RTT) started in %.1f s, seed %s", MASTERS,
                        rtt(RTT_MS), (System.nanoTime() - start) / 1e9, cluster.url());
                ClusterLoader.load(cluster.masters(), keys);
                network(table, rtt(RTT_MS) + " RTT", RTT_MS, "redis://127.0.0.1:" + proxy.port(), single.url(),
                        cluster, keys, repetitions, cores);
            }
            table.note(note(keys, repetitions, perMaster, single.facts().version(), cores));
        }
        return table;
    }

    private static void network(Table table, String network, double rttMs, String singleUrl, String singleNode,
            BenchCluster cluster, int keys, int repetitions, int cores) {
        Measured one = measure(f("single node, %s, parallel %d", network, PARALLEL), Integer.toString(PARALLEL),
                singleUrl, List.of(singleNode), PARALLEL, keys, repetitions);
        Measured wide = measure(f("single node, %s, parallel %d", network, MASTERS * PARALLEL),
                Integer.toString(MASTERS * PARALLEL), singleUrl, List.of(singleNode), MASTERS * PARALLEL, keys,
                repetitions);
        Measured spread = measure(f("%s, %s, parallel %d per master", CLUSTER, network, PARALLEL),
                PARALLEL + " per master", cluster.url(), cluster.masterUrls(), PARALLEL, keys, repetitions);
        rows(table, network, rttMs, cores, one, wide, spread);
    }

    /**
     * Adds a network's three rows, their ratios computed against the single node at {@code parallel}.
     *
     * @param table the table
     * @param network its column, such as {@code loopback}
     * @param rttMs the round trip the proxies add, 0 on loopback
     * @param cores the machine's cores
     * @param one the single node at {@value #PARALLEL}
     * @param wide the single node at {@value #MASTERS} x {@value #PARALLEL}
     * @param cluster the cluster at {@value #PARALLEL} per master
     */
    static void rows(Table table, String network, double rttMs, int cores, Measured one, Measured wide,
            Measured cluster) {
        double base = one.measurement().median();
        row(table, network, SINGLE, PARALLEL, PARALLEL, one, base, null, null, rttMs, cores);
        row(table, network, SINGLE, MASTERS * PARALLEL, MASTERS * PARALLEL, wide, base, null, null, rttMs, cores);
        row(table, network, CLUSTER, PARALLEL, MASTERS * PARALLEL, cluster, base,
                cluster.measurement().median() / wide.measurement().median(), target(rttMs), rttMs, cores);
    }

    /** @return the target ratio of the cluster to the single node: 2.5 behind latency, 1.0 on loopback */
    static double target(double rttMs) {
        return rttMs > 0 ? ClusterFindings.LATENCY_TARGET : ClusterFindings.LOOPBACK_TARGET;
    }

    private static void row(Table table, String network, String target, int parallel, int inFlight, Measured m,
            double base, Double sameInFlight, Double goal, double rttMs, int cores) {
        PassCosts.Totals t = m.totals();
        Measurement r = m.measurement();
        String parallelText = CLUSTER.equals(target) ? parallel + " per master" : Integer.toString(parallel);
        table.row(network, target, parallelText, (long) inFlight, r.median(), r.min(), r.max(), r.median() / base,
                sameInFlight, goal, t.redisPercent(), CLUSTER.equals(target) ? shares(t.shares()) : null,
                t.redisMicrosPerRow(), t.clientPercent(), rttMs > 0 ? (Object) t.proxyPercent() : null,
                t.clientMicrosPerRow(), t.machinePercent(), t.bytesPerBatch() / 1e3, t.largestBatchBytes() / 1e3,
                m.peakBytes() / 1e6, t.rowsAgain(), ClusterFindings.limit(t, r.median(), rttMs, inFlight, cores));
    }

    /** @return the shares as {@code 34 / 33 / 33 %} */
    static String shares(double[] shares) {
        return Arrays.stream(shares).mapToObj(s -> f("%.0f", s)).collect(Collectors.joining(" / ")) + " %";
    }

    /** @return the round trip's label, such as {@code 2 ms} */
    static String rtt(double ms) {
        return (ms == Math.rint(ms) ? Long.toString((long) ms) : f("%.1f", ms)) + " ms";
    }

    /** @return the empty table */
    static Table table(int keys) {
        return new Table(ID, f("Hash scan of %,d hashes: one node against a %d-master cluster", keys, MASTERS))
                .text("network", "network").text("read from", "read_from").text("parallel", "parallel")
                .number("round trips in flight", "in_flight", "%d").number("rows/s (median)", "rows_per_s", "%,.0f")
                .number("min", "rows_per_s_min", "%,.0f").number("max", "rows_per_s_max", "%,.0f")
                .number("x single node (parallel " + PARALLEL + ")", "x_single", "%.2f")
                .number("x single node (same in flight)", "x_single_same_in_flight", "%.2f")
                .number("target", "target", "%.1f").number("Redis CPU %", "redis_cpu_pct", "%.0f")
                .text("Redis CPU per master", "master_shares")
                .number("Redis CPU µs/row", "redis_cpu_us_per_row", "%.2f")
                .number("client CPU %", "client_cpu_pct", "%.0f").number("proxy CPU %", "proxy_cpu_pct", "%.0f")
                .number("client CPU µs/row", "client_cpu_us_per_row", "%.2f")
                .number("machine busy %", "machine_busy_pct", "%.0f")
                .number("Arrow kB/batch (mean)", "batch_kb", "%,.0f")
                .number("largest batch kB", "largest_batch_kb", "%,.0f").number("allocator peak MB", "peak_mb", "%.1f")
                .number("rows read again", "rows_again", "%,d").text("limited by", "limited_by");
    }

    private static Measured measure(String name, String parallelText, String url, List<String> nodes, int parallel,
            int keys, int repetitions) {
        HashScan scan = HashScan.builder().pattern(BenchData.PATTERN).schema(BenchData.SCHEMA).batchSize(BATCH_SIZE)
                .parallel(parallel).build();
        PassCosts costs = new PassCosts();
        try (StreamingScan reader = new StreamingScan(url, scan, name, parallelText, keys); NodeCpu cpu = new NodeCpu(nodes)) {
            Measurement m = Measurement.run(name, parallelText, repetitions, () -> {
                double[] before = cpu.seconds();
                CpuClock.Reading from = CpuClock.now();
                long start = System.nanoTime();
                long rows = reader.pass();
                double wall = (System.nanoTime() - start) / 1e9;
                CpuClock.Reading to = CpuClock.now();
                double[] after = cpu.seconds();
                String problem = reader.tally().problem();
                if (problem != null) {
                    throw new IllegalStateException(f("%s read %,d rows: %s", name, rows, problem));
                }
                long again = reader.tally().again();
                double[] node = new double[after.length];
                for (int i = 0; i < node.length; i++) {
                    node[i] = after[i] - before[i];
                }
                double proxy = (to.proxyNanos() - from.proxyNanos()) / 1e9;
                double jvm = (to.jvmNanos() - from.jvmNanos()) / 1e9;
                boolean machine = from.machineTotal() >= 0 && to.machineTotal() >= 0;
                PassCosts.Pass pass = new PassCosts.Pass(wall, rows, again, reader.batches(), reader.batchBytes(),
                        reader.largestBatchBytes(), node,
                        jvm - proxy, proxy, machine ? to.machineBusy() - from.machineBusy() : -1,
                        machine ? to.machineTotal() - from.machineTotal() : -1);
                costs.add(pass);
                PassCosts.Totals one = PassCosts.totals(List.of(pass, pass));
                return new Measurement.Pass(keys / wall, keys, f("%,d rows in %.2f s%s, Redis CPU %.0f %% (%s), client"
                        + " %.0f %%, proxies %.0f %%, machine %.0f %% busy", rows, wall,
                        again == 0 ? "" : f(" (%,d read again)", again), one.redisPercent(),
                        shares(one.shares()), one.clientPercent(), one.proxyPercent(), one.machinePercent()));
            }, cpu.firstNodeCost());
            return new Measured(m, costs.totals(), reader.peakBytes());
        }
    }

    /** @return the note under the table */
    static String note(int keys, int repetitions, long[] perMaster, String version, int cores) {
        return f("""
                %s per row after one warm-up pass; ratios are of medians. Every pass reads all %,d hashes \
                `%s` (the hash scenario's data: 10 fields, loaded through `redis-cli --pipe`) with `scanHashes` \
                (the hash scenario's schema, `batchSize` %,d, SCAN COUNT batchSize x parallel), each batch closed \
                on arrival, and is checked to read every one of the N keys and no other (a bit per key, from the key \
                column's bytes); rows/s counts each key once, and rows a pass read twice (a read that retried from \
                the last position it handed on, or slots read again) are counted apart, summed over the measured \
                passes. **Single node**: a standalone redis-server %s \
                (no modules, no persistence) read at `parallel` %d and at %d, the round trips a %d-master read has \
                in flight. **Cluster**: %d masters without replicas (`LocalRedisCluster`, same binary and \
                arguments plus cluster mode), keys per master %s; a cluster scan runs its own SCAN, fetch \
                connection and `parallel` round trips per master, so it has %d x parallel = %d round trips in \
                flight. A fresh cluster per network, loaded with the same hashes. **%s RTT**: every connection \
                crosses a `LatencyProxy` (Netty, one thread each, in the benchmark's JVM) that delays each chunk \
                by %s each way: one in front of the single node, one per cluster node, which the node announces \
                (`cluster-announce-port`), so the client reaches every master through its proxy. Redis CPU: every \
                node's INFO cpu (used_cpu_user + used_cpu_sys) over the measured passes' wall time (100 %% = one \
                core), with each master's share of it; client CPU: the benchmark JVM's CPU time without the \
                proxies' threads; machine busy: /proc/stat, every process on the machine's %d cores (100 %% = all \
                of them busy: other work on the machine counts too). Arrow kB/batch: the buffers of the batches \
                read (`bufferSize`), their mean and the largest; a cluster's batches are smaller on average, since \
                each master's SCAN pages end short of a batch more often. Limited by: the cores when the machine was at least %.0f %% busy, else a Redis \
                server's thread when one node used at least %.0f %% of a core, else, behind latency, the round \
                trips when the rate reached %.1f of what they allow (round trips in flight x batchSize / RTT).""",
                repetitions == 1 ? "1 measured pass" : repetitions + " measured passes", keys, BenchData.PATTERN,
                BATCH_SIZE, version, PARALLEL, MASTERS * PARALLEL, MASTERS, MASTERS,
                Arrays.stream(perMaster).mapToObj(n -> f("%,d", n)).collect(Collectors.joining(" / ")), MASTERS,
                MASTERS * PARALLEL, rtt(RTT_MS), rtt(RTT_MS / 2), cores, ClusterFindings.BUSY_MACHINE,
                ClusterFindings.BUSY_NODE, ClusterFindings.LATENCY_SHARE);
    }
}
