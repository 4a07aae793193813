package io.redisarrow.benchmarks;

import io.redisarrow.arrow.HashScan;
import io.redisarrow.testing.LocalRedisServer;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static io.redisarrow.benchmarks.Texts.f;

/**
 * The same N hashes read with {@code scanHashes} (the hash scenario's schema) from one standalone
 * redis-server and from a Redis Cluster of {@value #MASTERS} masters without replicas, on loopback and
 * behind {@link LatencyProxy} proxies adding {@value #RTT_MS} ms per round trip (one proxy per node,
 * announced by the node, so every connection of the cluster read crosses one). Two pairs of reads per
 * network: the {@linkplain #DEFAULTS default} options, where each batch's CPU work outlasts a round trip
 * of {@value #RTT_MS} ms, and a {@linkplain #LATENCY_BOUND latency-bound} pair, small batches and few
 * round trips in flight, where the single node waits on its round trips. A cluster scan runs
 * {@code parallel} round trips per master, so the default single node is read at {@code parallel} and at
 * {@value #MASTERS} x {@code parallel} too: the same round trips in flight. Each row also gives the Redis
 * CPU (INFO cpu) of every node, the client's and the proxies' CPU, how busy the machine's cores were, the
 * library's retries and mean round trip (its meters), and the Arrow bytes per batch, for
 * {@link ClusterFindings}.
 */
final class ClusterScenario {

    /** The table's id. */
    static final String ID = "cluster";

    /** Masters of the cluster. */
    static final int MASTERS = 3;

    /** The round-trip time the proxies add: half of it each way. */
    static final double RTT_MS = 2;

    /**
     * The options of a pair of reads (the single node, the cluster) of one network.
     *
     * @param name the pair's column, such as {@code default}
     * @param batchSize {@code batchSize} of both reads
     * @param parallel {@code parallel} of both (per master in the cluster)
     */
    record Pair(String name, int batchSize, int parallel) {
    }

    /** The library's default options: behind {@value #RTT_MS} ms, the CPU work of a batch outlasts its round trip. */
    static final Pair DEFAULTS = new Pair("default", HashScan.DEFAULT_BATCH_SIZE, HashScan.DEFAULT_PARALLEL);

    /**
     * Small batches, one round trip in flight per node: behind {@value #RTT_MS} ms the round trips allow
     * a single node {@code parallel x batchSize / RTT} = 50,000 rows/s, and {@value #MASTERS} masters
     * 150,000, both well under what this machine's client core decodes, so the single node waits on its
     * round trips.
     */
    static final Pair LATENCY_BOUND = new Pair("latency-bound", 100, 1);

    /** {@code parallel} of the default pair (per master in the cluster). */
    static final int PARALLEL = DEFAULTS.parallel();

    /** {@code batchSize} of the default pair. */
    static final int BATCH_SIZE = DEFAULTS.batchSize();

    /** The target column of the single node. */
    static final String SINGLE = "single node";

    /** The target column of the cluster. */
    static final String CLUSTER = MASTERS + "-master cluster";

    /** Loopback's network column. */
    static final String LOOPBACK = "loopback";

    /** How long cluster nodes wait for each other before one is failing: Redis' default. */
    static final Duration NODE_TIMEOUT = Duration.ofSeconds(15);

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
            try (BenchCluster cluster = BenchCluster.start(MASTERS, Duration.ZERO, NODE_TIMEOUT)) {
                Progress.say("cluster: %d masters on loopback started in %.1f s, seed %s", MASTERS,
                        (System.nanoTime() - start) / 1e9, cluster.url());
                perMaster = ClusterLoader.load(cluster.masters(), keys);
                network(table, LOOPBACK, 0, single.url(), single.url(), cluster, keys, repetitions, cores);
            }
            Duration oneWay = Duration.ofNanos((long) (RTT_MS * 1_000_000 / 2));
            start = System.nanoTime();
            try (LatencyProxy proxy = LatencyProxy.start("127.0.0.1", single.port(), oneWay);
                    BenchCluster cluster = BenchCluster.start(MASTERS, oneWay, NODE_TIMEOUT)) {
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
        Measured one = single(DEFAULTS, PARALLEL, network, singleUrl, singleNode, keys, repetitions);
        Measured wide = single(DEFAULTS, MASTERS * PARALLEL, network, singleUrl, singleNode, keys, repetitions);
        Measured spread = cluster(DEFAULTS, network, cluster, keys, repetitions);
        rows(table, network, rttMs, cores, one, wide, spread);
        Measured bound = single(LATENCY_BOUND, LATENCY_BOUND.parallel(), network, singleUrl, singleNode, keys,
                repetitions);
        Measured bounds = cluster(LATENCY_BOUND, network, cluster, keys, repetitions);
        pair(table, network, rttMs, cores, bound, bounds);
    }

    private static Measured single(Pair pair, int parallel, String network, String url, String node, int keys,
            int repetitions) {
        return measure(f("single node, %s, batchSize %,d, parallel %d", network, pair.batchSize(), parallel),
                Integer.toString(parallel), url, List.of(node), pair.batchSize(), parallel, keys, repetitions);
    }

    private static Measured cluster(Pair pair, String network, BenchCluster cluster, int keys, int repetitions) {
        return measure(f("%s, %s, batchSize %,d, parallel %d per master", CLUSTER, network, pair.batchSize(),
                pair.parallel()), pair.parallel() + " per master", cluster.url(), cluster.masterUrls(),
                pair.batchSize(), pair.parallel(), keys, repetitions);
    }

    /**
     * Adds a network's three rows of the {@linkplain #DEFAULTS default} pair, their ratios computed
     * against the single node at {@code parallel}.
     *
     * @param table the table
     * @param network its column, such as {@code loopback}
     * @param rttMs the round trip the proxies add, 0 on loopback
     * @param cores the machine's cores
     * @param one the single node at {@code parallel}
     * @param wide the single node at {@value #MASTERS} x {@code parallel}
     * @param cluster the cluster at {@code parallel} per master
     */
    static void rows(Table table, String network, double rttMs, int cores, Measured one, Measured wide,
            Measured cluster) {
        double base = one.measurement().median();
        row(table, network, DEFAULTS, SINGLE, PARALLEL, one, base, null, rttMs, cores);
        row(table, network, DEFAULTS, SINGLE, MASTERS * PARALLEL, wide, base, null, rttMs, cores);
        row(table, network, DEFAULTS, CLUSTER, PARALLEL, cluster, base,
                cluster.measurement().median() / wide.measurement().median(), rttMs, cores);
    }

    /**
     * Adds a network's two rows of the {@linkplain #LATENCY_BOUND latency-bound} pair, the cluster's
     * ratio computed against the single node.
     *
     * @param table the table
     * @param network its column
     * @param rttMs the round trip the proxies add, 0 on loopback
     * @param cores the machine's cores
     * @param one the single node
     * @param cluster the cluster, the same {@code parallel} per master
     */
    static void pair(Table table, String network, double rttMs, int cores, Measured one, Measured cluster) {
        double base = one.measurement().median();
        row(table, network, LATENCY_BOUND, SINGLE, LATENCY_BOUND.parallel(), one, base, null, rttMs, cores);
        row(table, network, LATENCY_BOUND, CLUSTER, LATENCY_BOUND.parallel(), cluster, base, null, rttMs, cores);
    }

    /**
     * @param pair the pair of the cluster row
     * @param rttMs the round trip added, 0 on loopback
     * @return the target ratio of the cluster to the single node, or null where the pair does not test
     *         one: {@value ClusterFindings#LATENCY_TARGET} behind latency on the latency-bound pair (the
     *         default pair's single node is not limited by its round trips there),
     *         {@value ClusterFindings#LOOPBACK_TARGET} on loopback on the default pair
     */
    static Double target(Pair pair, double rttMs) {
        if (rttMs > 0) {
            return pair.equals(LATENCY_BOUND) ? ClusterFindings.LATENCY_TARGET : null;
        }
        return pair.equals(DEFAULTS) ? ClusterFindings.LOOPBACK_TARGET : null;
    }

    private static void row(Table table, String network, Pair pair, String target, int parallel, Measured m,
            double base, Double sameInFlight, double rttMs, int cores) {
        PassCosts.Totals t = m.totals();
        Measurement r = m.measurement();
        boolean cluster = CLUSTER.equals(target);
        int inFlight = cluster ? MASTERS * parallel : parallel;
        table.row(network, pair.name(), target, (long) pair.batchSize(),
                cluster ? parallel + " per master" : Integer.toString(parallel), (long) inFlight, r.median(),
                r.min(), r.max(), r.median() / base, sameInFlight, cluster ? target(pair, rttMs) : null,
                t.redisPercent(), cluster ? shares(t.shares()) : null, t.redisMicrosPerRow(), t.clientPercent(),
                rttMs > 0 ? (Object) t.proxyPercent() : null, t.clientMicrosPerRow(), t.machinePercent(),
                t.roundTripMillis(), t.bytesPerBatch() / 1e3, t.largestBatchBytes() / 1e3, m.peakBytes() / 1e6,
                t.rowsAgain(), t.retries(),
                ClusterFindings.limit(t, r.median(), rttMs, inFlight, pair.batchSize(), cores));
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
                .text("network", "network").text("pair", "pair").text("read from", "read_from")
                .number("batchSize", "batch_size", "%,d").text("parallel", "parallel")
                .number("round trips in flight", "in_flight", "%d").number("rows/s (median)", "rows_per_s", "%,.0f")
                .number("min", "rows_per_s_min", "%,.0f").number("max", "rows_per_s_max", "%,.0f")
                .number("x single node (same pair and parallel)", "x_single", "%.2f")
                .number("x single node (same in flight)", "x_single_same_in_flight", "%.2f")
                .number("target", "target", "%.1f").number("Redis CPU %", "redis_cpu_pct", "%.0f")
                .text("Redis CPU per master", "master_shares")
                .number("Redis CPU µs/row", "redis_cpu_us_per_row", "%.2f")
                .number("client CPU %", "client_cpu_pct", "%.0f").number("proxy CPU %", "proxy_cpu_pct", "%.0f")
                .number("client CPU µs/row", "client_cpu_us_per_row", "%.2f")
                .number("machine busy %", "machine_busy_pct", "%.0f")
                .number("round trip ms (mean)", "round_trip_ms", "%.2f")
                .number("Arrow kB/batch (mean)", "batch_kb", "%,.0f")
                .number("largest batch kB", "largest_batch_kb", "%,.0f").number("allocator peak MB", "peak_mb", "%.1f")
                .number("rows read again", "rows_again", "%,d").number("retries", "retries", "%,d")
                .text("limited by", "limited_by");
    }

    private static Measured measure(String name, String parallelText, String url, List<String> nodes, int batchSize,
            int parallel, int keys, int repetitions) {
        HashScan scan = HashScan.builder().pattern(BenchData.PATTERN).schema(BenchData.SCHEMA).batchSize(batchSize)
                .parallel(parallel).build();
        PassCosts costs = new PassCosts();
        try (StreamingScan reader = new StreamingScan(url, scan, name, parallelText, keys); NodeCpu cpu = new NodeCpu(nodes)) {
            Measurement m = Measurement.run(name, parallelText, repetitions, () -> {
                double[] before = cpu.seconds();
                ReadMeters.Reading metersBefore = reader.meters();
                CpuClock.Reading from = CpuClock.now();
                long start = System.nanoTime();
                long rows = reader.pass();
                double wall = (System.nanoTime() - start) / 1e9;
                CpuClock.Reading to = CpuClock.now();
                ReadMeters.Reading meters = reader.meters().since(metersBefore);
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
                        machine ? to.machineTotal() - from.machineTotal() : -1, meters);
                costs.add(pass);
                PassCosts.Totals one = PassCosts.totals(List.of(pass, pass));
                return new Measurement.Pass(keys / wall, keys, f("%,d rows in %.2f s%s, %,d retries, %,d round trips"
                        + " of %.2f ms (mean), Redis CPU %.0f %% (%s), client %.0f %%, proxies %.0f %%, machine %.0f %%"
                        + " busy", rows, wall, again == 0 ? "" : f(" (%,d read again)", again), meters.retries(),
                        meters.roundTrips(), one.roundTripMillis(), one.redisPercent(), shares(one.shares()),
                        one.clientPercent(), one.proxyPercent(), one.machinePercent()));
            }, cpu.firstNodeCost());
            return new Measured(m, costs.totals(), reader.peakBytes());
        }
    }

    /** @return the note under the table */
    static String note(int keys, int repetitions, long[] perMaster, String version, int cores) {
        return f("""
                %s per row after one warm-up pass; ratios are of medians. Every pass reads all %,d hashes \
                `%s` (the hash scenario's data: 10 fields, loaded through `redis-cli --pipe`) with `scanHashes` \
                (the hash scenario's schema, SCAN COUNT batchSize x parallel), each batch closed on arrival, and is \
                checked to read every one of the N keys and no other (a bit per key, from the key column's bytes); \
                rows/s counts each key once, and rows a pass read twice (a read that retried from the last position \
                it handed on, or slots read again) are counted apart, summed over the measured passes. Two pairs per \
                network: **default** (`batchSize` %,d, `parallel` %d, the library's defaults) and **latency-bound** \
                (`batchSize` %,d, `parallel` %d), whose single node is held back by its round trips behind %s. \
                **Single node**: a standalone redis-server %s (no modules, no persistence), the default pair also \
                read at `parallel` %d, the round trips a %d-master read has in flight. **Cluster**: %d masters \
                without replicas (`LocalRedisCluster`, same binary and arguments plus cluster mode, \
                `cluster-node-timeout` %,d ms), keys per master %s; a cluster scan runs its own SCAN, fetch \
                connection and `parallel` round trips per master, so it has %d x parallel round trips in flight. A \
                fresh cluster per network, loaded with the same hashes. **%s RTT**: every connection crosses a \
                `LatencyProxy` (Netty, one thread each, in the benchmark's JVM) that delays each chunk by %s each \
                way: one in front of the single node, one per cluster node, which the node announces \
                (`cluster-announce-port`), so the client reaches every master through its proxy. Redis CPU: every \
                node's INFO cpu (used_cpu_user + used_cpu_sys) over the measured passes' wall time (100 %% = one \
                core), with each master's share of it; client CPU: the benchmark JVM's CPU time without the \
                proxies' threads; machine busy: /proc/stat, every process on the machine's %d cores (100 %% = all \
                of them busy: other work on the machine counts too). Round trip and retries: the library's own \
                meters (`redisarrow.round.trips`, the mean latency of a round trip on a read's fetch connection, \
                server time included; `redisarrow.retries`, transient failures retried) in a Micrometer \
                `SimpleMeterRegistry` per row, summed over the measured passes. Arrow kB/batch: the buffers of the \
                batches read (`bufferSize`), their mean and the largest; a cluster's batches are smaller on \
                average, since each master's SCAN pages end short of a batch more often. Limited by: behind latency, \
                the round trips when the delay the proxies add is at least %.0f %% of the mean round trip (the rest \
                is the servers' and the client's work); else the cores when the machine was at least %.0f %% busy; \
                else a Redis server's thread when one node used at least %.0f %% of a core. The round trips allow at \
                most round trips in flight x batchSize / RTT rows/s.""",
                repetitions == 1 ? "1 measured pass" : repetitions + " measured passes", keys, BenchData.PATTERN,
                DEFAULTS.batchSize(), DEFAULTS.parallel(), LATENCY_BOUND.batchSize(), LATENCY_BOUND.parallel(),
                rtt(RTT_MS), version, MASTERS * PARALLEL, MASTERS, MASTERS, NODE_TIMEOUT.toMillis(),
                Arrays.stream(perMaster).mapToObj(n -> f("%,d", n)).collect(Collectors.joining(" / ")), MASTERS,
                rtt(RTT_MS), rtt(RTT_MS / 2), cores, 100 * ClusterFindings.LATENCY_SHARE,
                ClusterFindings.BUSY_MACHINE, ClusterFindings.BUSY_NODE);
    }
}
