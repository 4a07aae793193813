package io.redisarrow.benchmarks;

import java.util.ArrayList;
import java.util.List;

import static io.redisarrow.benchmarks.Texts.f;
import static io.redisarrow.benchmarks.Texts.yes;

/**
 * What the cluster table shows, in words built from its numbers: the targets (the cluster against the
 * single node of the same pair: {@value #LATENCY_TARGET} x behind latency on the latency-bound pair,
 * {@value #LOOPBACK_TARGET} x on loopback on the default pair), why there are two pairs, what limited
 * each row, each master's share of the Redis CPU, the retries, and the scan of {@value #PAPER_MASTERS}
 * masters on paper, from this run's measured inputs.
 */
final class ClusterFindings {

    /** The cluster against the single node behind latency. */
    static final double LATENCY_TARGET = 2.5;

    /** The cluster against the single node on loopback. */
    static final double LOOPBACK_TARGET = 1.0;

    /** Machine busy %, every core, from which a row is limited by the cores. */
    static final double BUSY_MACHINE = 90;

    /** A node's CPU, in % of one core, from which a row is limited by that server. */
    static final double BUSY_NODE = 85;

    /** The share of the mean round trip the added delay makes, from which a row is limited by its round trips. */
    static final double LATENCY_SHARE = 0.5;

    /** The masters of the scan on paper. */
    static final int PAPER_MASTERS = 30;

    /** The pairs of each network, in table order. */
    private static final List<ClusterScenario.Pair> PAIRS = List.of(ClusterScenario.DEFAULTS,
            ClusterScenario.LATENCY_BOUND);

    private final Table table;

    /** @param table the {@link ClusterScenario} table */
    ClusterFindings(Table table) {
        this.table = table;
    }

    /**
     * @param t a row's costs
     * @param rowsPerSecond the row's rate
     * @param rttMs the round trip added, 0 on loopback
     * @param inFlight the row's round trips in flight
     * @param batchSize the row's {@code batchSize}
     * @param cores the machine's cores
     * @return what limited the row: behind latency, the round trips when the delay added is at least
     *         {@value #LATENCY_SHARE} of the mean round trip measured (the rest being the servers' and the
     *         client's work); else the cores when the machine was at least {@value #BUSY_MACHINE} % busy
     *         (or, where unknown, when the measured processes used that much of every core); else a
     *         server's thread when one node used at least {@value #BUSY_NODE} % of a core; else none of
     *         them (behind latency) or the round trips (on loopback)
     */
    static String limit(PassCosts.Totals t, double rowsPerSecond, double rttMs, int inFlight, int batchSize,
            int cores) {
        if (rttMs > 0 && t.roundTripMillis() > 0 && rttMs / t.roundTripMillis() >= LATENCY_SHARE) {
            return f("latency: %d round trip%s of %,d rows in flight, each %.2f ms on average, %.0f %% of it the %s"
                    + " added (round trips allow %,.0f rows/s at %s)", inFlight, inFlight == 1 ? "" : "s", batchSize,
                    t.roundTripMillis(), 100 * rttMs / t.roundTripMillis(), ClusterScenario.rtt(rttMs),
                    latencyBound(inFlight, batchSize, rttMs), ClusterScenario.rtt(rttMs));
        }
        double ours = t.redisPercent() + t.clientPercent() + t.proxyPercent();
        boolean saturated = Double.isNaN(t.machinePercent()) ? ours >= BUSY_MACHINE * cores
                : t.machinePercent() >= BUSY_MACHINE;
        if (saturated) {
            String proxies = t.proxyPercent() > 0.5 ? f(", proxies %.0f %%", t.proxyPercent()) : "";
            if (Double.isNaN(t.machinePercent())) {
                return f("CPU: the %d cores (client %.0f %%, Redis %.0f %%%s)", cores, t.clientPercent(),
                        t.redisPercent(), proxies);
            }
            return f("CPU: the %d cores, %.0f %% busy (client %.0f %%, Redis %.0f %%%s, other processes %.0f %%)",
                    cores, t.machinePercent(), t.clientPercent(), t.redisPercent(), proxies,
                    Math.max(0, t.machinePercent() * cores - ours));
        }
        if (t.busiestPercent() >= BUSY_NODE) {
            return f("Redis: a server's thread (busiest node %.0f %% of a core)", t.busiestPercent());
        }
        if (rttMs > 0) {
            return f("none saturated: cores %.0f %% busy, busiest node %.0f %% of a core, round trips of %.2f ms"
                    + " (%s added) allow %,.0f rows/s", t.machinePercent(), t.busiestPercent(), t.roundTripMillis(),
                    ClusterScenario.rtt(rttMs), latencyBound(inFlight, batchSize, rttMs));
        }
        return f("round trips: cores %.0f %% busy, busiest node %.0f %% of a core", t.machinePercent(),
                t.busiestPercent());
    }

    /**
     * @return the rows per second the round trips allow at most: {@code inFlight} round trips of
     *         {@code batchSize} rows each per round trip of {@code rttMs}
     */
    static double latencyBound(long inFlight, int batchSize, double rttMs) {
        return inFlight * (double) batchSize / (rttMs / 1000);
    }

    /**
     * @return a Markdown table: each target, what this run measured, and whether it was reached; the
     *         cluster rows of a pair that tests no target are shown with their ratio and why not
     */
    String summary() {
        Table targets = new Table("cluster-targets", "Targets against this run")
                .text("target", "target").text("measured in this run", "measured").text("reached", "reached");
        for (String network : networks()) {
            for (ClusterScenario.Pair pair : PAIRS) {
                int cluster = row(network, pair, ClusterScenario.CLUSTER);
                int single = row(network, pair, ClusterScenario.SINGLE);
                if (cluster < 0 || single < 0) {
                    continue;
                }
                double goal = table.number(cluster, "target");
                double ratio = table.number(cluster, "x_single");
                String options = f("%s, %s pair (`batchSize` %,d, `parallel` %d)", network, pair.name(),
                        pair.batchSize(), pair.parallel());
                String measured = f("%.2f x (%,.0f against %,.0f rows/s)", ratio, table.number(cluster, "rows_per_s"),
                        table.number(single, "rows_per_s"));
                if (Double.isNaN(goal)) {
                    targets.row(f("%s: the %s against the single node, shown beside the target: %s", options,
                            ClusterScenario.CLUSTER, untested(network, pair)), measured, "not a target's test");
                } else {
                    targets.row(f("%s: the %s at >= %.1f x the single node", options, ClusterScenario.CLUSTER, goal),
                            measured, yes(ratio >= goal));
                }
            }
        }
        targets.note("Each line is computed from the table below; a target not reached stays with its measurement."
                + " Both reads of a line use the same `batchSize` and `parallel` (per master in the cluster).");
        return targets.markdown(2);
    }

    /** @return why a pair tests no target on a network */
    private static String untested(String network, ClusterScenario.Pair pair) {
        if (network.equals(ClusterScenario.LOOPBACK)) {
            return "on loopback the target is the default pair's";
        }
        return pair.equals(ClusterScenario.DEFAULTS)
                ? "each batch's CPU work outlasts the round trip, so latency is not its limit"
                : "the target is the latency-bound pair's";
    }

    /** @return the Markdown of what the table shows, then the scan of {@value #PAPER_MASTERS} masters on paper */
    String advice() {
        List<String> points = new ArrayList<>();
        String pairs = pairs();
        if (!pairs.isEmpty()) {
            points.add(pairs);
        }
        for (String network : networks()) {
            int one = row(network, ClusterScenario.DEFAULTS, ClusterScenario.SINGLE);
            int wide = wideRow(network);
            int cluster = row(network, ClusterScenario.DEFAULTS, ClusterScenario.CLUSTER);
            if (one >= 0 && wide >= 0 && cluster >= 0) {
                points.add(network(network, one, wide, cluster));
            }
            int boundOne = row(network, ClusterScenario.LATENCY_BOUND, ClusterScenario.SINGLE);
            int boundCluster = row(network, ClusterScenario.LATENCY_BOUND, ClusterScenario.CLUSTER);
            if (boundOne >= 0 && boundCluster >= 0) {
                points.add(latencyPair(network, boundOne, boundCluster));
            }
        }
        int loop = row(ClusterScenario.LOOPBACK, ClusterScenario.DEFAULTS, ClusterScenario.CLUSTER);
        if (loop >= 0) {
            int latency = -1;
            for (String network : networks()) {
                if (!network.equals(ClusterScenario.LOOPBACK)) {
                    latency = row(network, ClusterScenario.DEFAULTS, ClusterScenario.CLUSTER);
                }
            }
            points.add(cores(loop, row(ClusterScenario.LOOPBACK, ClusterScenario.DEFAULTS, ClusterScenario.SINGLE),
                    latency));
        }
        if (!table.rows().isEmpty()) {
            points.add(retries());
        }
        StringBuilder out = new StringBuilder("## What the numbers say\n\n");
        out.append("Read ratios within this run: the machine is shared, so absolute rates move between runs while"
                + " rows measured beside each other stay comparable.\n\n");
        for (String point : points) {
            out.append("- ").append(point).append('\n');
        }
        if (loop >= 0) {
            out.append('\n').append(onPaper(loop));
        }
        return out.toString();
    }

    /**
     * @return the paragraph on why each network has two pairs, with what the round trips allow each and
     *         what a client core decodes with the latency-bound options (from the latency-bound cluster row
     *         behind latency); empty when no network behind latency was measured
     */
    String pairs() {
        String latency = null;
        for (String network : networks()) {
            if (!network.equals(ClusterScenario.LOOPBACK)) {
                latency = network;
            }
        }
        if (latency == null) {
            return "";
        }
        ClusterScenario.Pair d = ClusterScenario.DEFAULTS;
        ClusterScenario.Pair b = ClusterScenario.LATENCY_BOUND;
        double rtt = ClusterScenario.RTT_MS;
        int defaultOne = row(latency, d, ClusterScenario.SINGLE);
        int boundCluster = row(latency, b, ClusterScenario.CLUSTER);
        double client = boundCluster < 0 ? Double.NaN : table.number(boundCluster, "client_cpu_us_per_row");
        double single = latencyBound(b.parallel(), b.batchSize(), rtt);
        double masters = latencyBound((long) ClusterScenario.MASTERS * b.parallel(), b.batchSize(), rtt);
        String cpu;
        if (Double.isNaN(client)) {
            cpu = "";
        } else {
            double core = 1e6 / client;
            cpu = f("; with these options the client spent %.2f µs of CPU per row (the latency-bound cluster, %s),"
                    + " so one client core decodes about %,.0f rows/s, %s", client, latency, core,
                    core >= masters ? "more than both bounds"
                            : core >= single ? "more than the single node's bound but less than the cluster's: the"
                                    + " cluster may meet the cores first"
                                    : "less than both bounds: the cores, not the round trips, limit both");
        }
        return f("**Why two pairs.** With the library's defaults (`batchSize` %,d, `parallel` %d) behind %s, %d round"
                + " trips of %,d rows in flight allow one node %,.0f rows/s%s: each batch's CPU work (the server"
                + " building %,d replies, the client decoding them into Arrow) outlasts its round trip, so the latency"
                + " hides behind it and the default pair measures the CPU the rows get, not what a cluster does about"
                + " latency. It stays, as the options a reader gets without setting any, and holds the %.1f x target"
                + " on loopback. The latency-bound pair (`batchSize` %,d, `parallel` %d) allows one node %d x %,d rows"
                + " per %s = %,.0f rows/s and %d masters %,.0f rows/s%s. Its single node waits on its round trips, and"
                + " the %s has %d masters' round trips in flight at once, so this pair tests the %.1f x target.",
                d.batchSize(), d.parallel(), ClusterScenario.rtt(rtt), d.parallel(), d.batchSize(),
                latencyBound(d.parallel(), d.batchSize(), rtt),
                defaultOne < 0 ? "" : f(", %.0f x what it read (%,.0f rows/s)",
                        latencyBound(d.parallel(), d.batchSize(), rtt) / table.number(defaultOne, "rows_per_s"),
                        table.number(defaultOne, "rows_per_s")),
                d.batchSize(), LOOPBACK_TARGET, b.batchSize(), b.parallel(), b.parallel(), b.batchSize(),
                ClusterScenario.rtt(rtt), single, ClusterScenario.MASTERS, masters, cpu, ClusterScenario.CLUSTER,
                ClusterScenario.MASTERS, LATENCY_TARGET);
    }

    /** @return the paragraph on one network's latency-bound pair */
    String latencyPair(String network, int one, int cluster) {
        ClusterScenario.Pair b = ClusterScenario.LATENCY_BOUND;
        double rtt = rttOf(one);
        double rate = table.number(one, "rows_per_s");
        double ratio = table.number(cluster, "x_single");
        double goal = table.number(cluster, "target");
        String allowed = rtt > 0 ? f(", %.0f %% of the %,.0f rows/s its round trips allow", 100 * rate
                / latencyBound(b.parallel(), b.batchSize(), rtt), latencyBound(b.parallel(), b.batchSize(), rtt)) : "";
        String clusterAllowed = rtt > 0 ? f(" (%.0f %% of the %,.0f rows/s %d round trips allow)",
                100 * table.number(cluster, "rows_per_s") / latencyBound((long) table.number(cluster, "in_flight"),
                        b.batchSize(), rtt), latencyBound((long) table.number(cluster, "in_flight"), b.batchSize(), rtt),
                (long) table.number(cluster, "in_flight")) : "";
        return f("**%s, latency-bound pair** (`batchSize` %,d, `parallel` %d: %d round trip%s in flight for the single"
                + " node, %d for the cluster). The single node read %,.0f rows/s%s, a round trip taking %.2f ms on"
                + " average; the %s read %,.0f rows/s%s, %.2f x the single node (%s), its round trips %.2f ms."
                + " Each master's share of the Redis CPU: %s. Limited by: single node, %s; cluster, %s.%s",
                network, b.batchSize(), b.parallel(), (long) table.number(one, "in_flight"),
                (long) table.number(one, "in_flight") == 1 ? "" : "s", (long) table.number(cluster, "in_flight"), rate,
                allowed, table.number(one, "round_trip_ms"), ClusterScenario.CLUSTER,
                table.number(cluster, "rows_per_s"), clusterAllowed, ratio,
                Double.isNaN(goal) ? "no target on " + network : f("target %.1f x: %s", goal,
                        ratio >= goal ? "reached" : "not reached"),
                table.number(cluster, "round_trip_ms"), table.cell(cluster, "master_shares"),
                table.cell(one, "limited_by"), table.cell(cluster, "limited_by"), again(one, cluster));
    }

    /** @return the paragraph on the library's retries over every row */
    String retries() {
        StringBuilder rows = new StringBuilder();
        long total = 0;
        for (int i = 0; i < table.rows().size(); i++) {
            double n = table.number(i, "retries");
            if (n > 0) {
                total += (long) n;
                rows.append(rows.length() == 0 ? "" : "; ").append(f("%,.0f by the %s, %s, %s pair at `parallel` %s",
                        n, table.cell(i, "read_from"), table.cell(i, "network"), table.cell(i, "pair"),
                        table.cell(i, "parallel")));
            }
        }
        String head = "**Retries** (the library's `redisarrow.retries` meter; cluster nodes at `cluster-node-timeout`"
                + " 15 s, Redis' default, so a loaded machine does not make them mark each other failing):";
        return total == 0 ? head + " none in any measured pass."
                : f("%s %,d in the measured passes: %s. A retried read goes on from the last SCAN position it handed"
                        + " on, so keys may come twice (rows read again); every key was read.", head, total, rows);
    }

    /** @return the paragraph on one network's three rows */
    String network(String network, int one, int wide, int cluster) {
        return rows(network, one, wide, cluster) + bound(one) + again(one, wide, cluster);
    }

    /** @return a sentence on what the round trips allow the single node at {@code parallel}, behind latency */
    private String bound(int one) {
        double rtt = rttOf(one);
        if (!(rtt > 0)) {
            return "";
        }
        double bound = latencyBound(ClusterScenario.PARALLEL, ClusterScenario.BATCH_SIZE, rtt);
        double rate = table.number(one, "rows_per_s");
        return f(" Behind %s, %d round trips of %,d rows in flight allow one node %,.0f rows/s, %.0f x what it read:"
                + " %s", ClusterScenario.rtt(rtt), ClusterScenario.PARALLEL, ClusterScenario.BATCH_SIZE, bound,
                bound / rate, bound >= 2 * rate
                        ? "each batch's work outlasts the round trip, so the latency hides behind it and the"
                                + " ratios measure the CPU the rows get, not the round trips (the latency-bound pair"
                                + " does)."
                        : "the round trips are close to the limit.");
    }

    /** @return a sentence on rows read twice, when any pass read some */
    private String again(int... rows) {
        StringBuilder out = new StringBuilder();
        for (int row : rows) {
            double again = table.number(row, "rows_again");
            if (again > 0) {
                out.append(out.length() == 0 ? " Rows read twice (the read retried from the last position it"
                        + " handed on, or read slots again): " : "; ");
                out.append(f("%,.0f by the %s at `parallel` %s", again, table.cell(row, "read_from"),
                        table.cell(row, "parallel")));
            }
        }
        return out.length() == 0 ? "" : out.append(", over the measured passes; every key was read.").toString();
    }

    /** @return the round trip a row's network adds: none on loopback, else the proxies' */
    private double rttOf(int row) {
        return table.cell(row, "network").equals(ClusterScenario.LOOPBACK) ? 0 : ClusterScenario.RTT_MS;
    }

    private String rows(String network, int one, int wide, int cluster) {
        double ratio = table.number(cluster, "x_single");
        double goal = table.number(cluster, "target");
        long inFlight = (long) table.number(cluster, "in_flight");
        return f("**%s, default pair** (`batchSize` %,d). The %s read %,.0f rows/s with `parallel` %d per master"
                + " (%d round trips in flight): %.2f x the single node at `parallel` %d (%,.0f rows/s; %s) and %.2f x the single"
                + " node at `parallel` %d (%,.0f rows/s), the same %d round trips in flight; so at the same in-flight"
                + " total the masters themselves give %.2f x. Each master's share of the Redis CPU during the cluster"
                + " scan: %s (%.0f %% of a core for all %d together, against %.0f %% for the single node). Limited by:"
                + " single node at `parallel` %d, %s; at `parallel` %d, %s; cluster, %s.",
                network, ClusterScenario.BATCH_SIZE, ClusterScenario.CLUSTER, table.number(cluster, "rows_per_s"),
                ClusterScenario.PARALLEL, inFlight, ratio, ClusterScenario.PARALLEL, table.number(one, "rows_per_s"),
                Double.isNaN(goal) ? "no target: the latency-bound pair holds it"
                        : f("target %.1f x: %s", goal, ratio >= goal ? "reached" : "not reached"),
                table.number(cluster, "x_single_same_in_flight"),
                inFlight, table.number(wide, "rows_per_s"), inFlight, table.number(cluster, "x_single_same_in_flight"),
                table.cell(cluster, "master_shares"), table.number(cluster, "redis_cpu_pct"), ClusterScenario.MASTERS,
                table.number(one, "redis_cpu_pct"), ClusterScenario.PARALLEL, table.cell(one, "limited_by"), inFlight,
                table.cell(wide, "limited_by"), table.cell(cluster, "limited_by"));
    }

    /**
     * @param cluster the loopback cluster row
     * @param single the loopback single-node row at {@code parallel}, or -1
     * @param latency the cluster row behind latency, or -1
     * @return the paragraph on the shared cores, from the loopback rows' CPU per row
     */
    String cores(int cluster, int single, int latency) {
        StringBuilder out = new StringBuilder(f("**One machine for everything.** The servers, the client and the"
                + " proxies share the machine's cores, so on loopback a cluster adds no CPU: it spent %.2f µs of Redis"
                + " CPU per row over its %d masters (the single node %.2f) and the client %.2f µs per row (against"
                + " %.2f); what it can win there is only the work of one server spread over more processes.",
                table.number(cluster, "redis_cpu_us_per_row"), ClusterScenario.MASTERS,
                single < 0 ? Double.NaN : table.number(single, "redis_cpu_us_per_row"),
                table.number(cluster, "client_cpu_us_per_row"),
                single < 0 ? Double.NaN : table.number(single, "client_cpu_us_per_row")));
        if (latency >= 0) {
            double same = table.number(latency, "x_single_same_in_flight");
            out.append(f(" With the default pair behind latency the rows' CPU decides, not the round trips: the"
                    + " single node with as many round trips in flight as the cluster (`parallel` %d) %s (the cluster"
                    + " %.2f x it).", ClusterScenario.MASTERS * ClusterScenario.PARALLEL,
                    same < 1.2 ? "reads about as fast: the in-flight total is what counts"
                            : "reads slower: the masters' own server threads add CPU the single node lacks",
                    same));
        }
        return out.toString();
    }

    /**
     * @param cluster the loopback cluster row, whose measured inputs the estimates use
     * @return the subsection on a scan of {@value #PAPER_MASTERS} masters
     */
    String onPaper(int cluster) {
        int masters = PAPER_MASTERS;
        int parallel = ClusterScenario.PARALLEL;
        int batch = ClusterScenario.BATCH_SIZE;
        double bytes = largestBatchBytes();
        double bound = ClusterScenario.MASTERS * (parallel + 1) * bytes;
        double paperBound = memoryBound(masters, parallel, bytes);
        double client = table.number(cluster, "client_cpu_us_per_row");
        double redis = table.number(cluster, "redis_cpu_us_per_row");
        double perCore = 1e6 / client;
        double servers = masters * 1e6 / redis;
        double latency = masters * parallel * batch / (ClusterScenario.RTT_MS / 1000);
        return f("""
                ## On paper: %d masters

                A scan of a %d-master cluster with the options measured here (`parallel` %d, `batchSize` %,d), \
                from the formulas of the cluster read and this run's loopback %s row (the largest batch: of any row):

                - **Connections per scan**: per master one SCAN connection, shared by the session, and one fetch \
                connection per scan: masters x (1 + scans) = %d x (1 + 1) = %d for one scan, %d more for each \
                further scan the session runs at once.
                - **Round trips in flight**: masters x parallel = %d x %d = %d.
                - **Memory bound**: masters x (parallel + 1) x bytes per batch = %d x %d x %s = %s of Arrow \
                buffers at most in the client, with %s the largest batch of %,d rows measured here (here: %d x \
                %d x %s = %s bound, allocator peak %.1f MB).
                - **What limits it**: not the servers: each master serves its own keys on its own CPU (%.2f µs of \
                Redis CPU per row here), so %d masters with a core each could serve about %s rows/s; not the \
                latency either: %d round trips of %,d rows per %s round trip allow %s rows/s. The client does: \
                decoding into Arrow took %.2f µs of client CPU per row here, so one client core decodes about %s \
                rows/s, and every master's batches pass through one merge into one subscriber, which must keep \
                up. A %d-master scan therefore reads about as fast as the client's cores decode (cores x %s \
                rows/s)%s: beyond that, more client cores help, more masters do not.
                """, masters, masters, parallel, batch, ClusterScenario.CLUSTER, masters, connections(masters, 1),
                masters, masters, parallel, masters * parallel, masters, parallel + 1, bytesText(bytes),
                bytesText(paperBound), bytesText(bytes), batch, ClusterScenario.MASTERS, parallel + 1, bytesText(bytes),
                bytesText(bound), table.number(cluster, "peak_mb"), redis, masters, millions(servers),
                masters * parallel, batch, ClusterScenario.rtt(ClusterScenario.RTT_MS), millions(latency), client,
                millions(perCore), masters, millions(perCore),
                servers > 4 * perCore ? ", well below what the masters could serve" : "");
    }

    /** @return the connections of {@code scans} scans at once on one session: masters x (1 + scans) */
    static int connections(int masters, int scans) {
        return masters * (1 + scans);
    }

    /** @return the Arrow bytes a scan holds at most: masters x (parallel + 1) x bytes per batch */
    static double memoryBound(int masters, int parallel, double bytesPerBatch) {
        return masters * (parallel + 1) * bytesPerBatch;
    }

    /** @return bytes as {@code 1.9 MB} or {@code 812 kB} */
    static String bytesText(double bytes) {
        return bytes >= 1e6 ? f("%.1f MB", bytes / 1e6) : f("%.0f kB", bytes / 1e3);
    }

    /** @return a rate as {@code 1.2 M} or {@code 850 k} */
    static String millions(double rate) {
        return rate >= 1e6 ? f("%.1f M", rate / 1e6) : f("%,.0f k", rate / 1e3);
    }

    /** @return the largest batch of any row, in bytes: a full batch of the options measured */
    double largestBatchBytes() {
        double largest = Double.NaN;
        for (int i = 0; i < table.rows().size(); i++) {
            double kb = table.number(i, "largest_batch_kb");
            if (!Double.isNaN(kb) && !(kb * 1e3 <= largest)) {
                largest = kb * 1e3;
            }
        }
        return largest;
    }

    private List<String> networks() {
        List<String> networks = new ArrayList<>();
        for (Object network : table.column("network")) {
            if (!networks.contains(network.toString())) {
                networks.add(network.toString());
            }
        }
        return networks;
    }

    /**
     * @return the row of a network, pair and target at the pair's {@code parallel} (per master), or -1
     */
    private int row(String network, ClusterScenario.Pair pair, String target) {
        return find(network, pair, target, target.equals(ClusterScenario.CLUSTER)
                ? (long) ClusterScenario.MASTERS * pair.parallel() : pair.parallel());
    }

    /** @return the default single-node row of a network with the cluster's round trips in flight, or -1 */
    private int wideRow(String network) {
        return find(network, ClusterScenario.DEFAULTS, ClusterScenario.SINGLE,
                (long) ClusterScenario.MASTERS * ClusterScenario.PARALLEL);
    }

    private int find(String network, ClusterScenario.Pair pair, String target, long inFlight) {
        for (int i = 0; i < table.rows().size(); i++) {
            if (table.cell(i, "network").equals(network) && table.cell(i, "pair").equals(pair.name())
                    && table.cell(i, "read_from").equals(target) && (long) table.number(i, "in_flight") == inFlight) {
                return i;
            }
        }
        return -1;
    }
}
