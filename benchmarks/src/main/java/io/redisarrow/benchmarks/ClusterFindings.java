package io.redisarrow.benchmarks;

import java.util.ArrayList;
import java.util.List;

import static io.redisarrow.benchmarks.Texts.f;
import static io.redisarrow.benchmarks.Texts.yes;

/**
 * What the cluster table shows, in words built from its numbers: the targets (the cluster against the
 * single node at the same {@code parallel}: {@value #LATENCY_TARGET} x behind latency,
 * {@value #LOOPBACK_TARGET} x on loopback), what limited each row, each master's share of the Redis
 * CPU, and the scan of {@value #PAPER_MASTERS} masters on paper, from this run's measured inputs.
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

    /** The share of the round trips' bound from which a row behind latency is limited by it. */
    static final double LATENCY_SHARE = 0.5;

    /** The masters of the scan on paper. */
    static final int PAPER_MASTERS = 30;

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
     * @param cores the machine's cores
     * @return what limited the row: the cores when the machine was at least {@value #BUSY_MACHINE} %
     *         busy (or, where unknown, when the measured processes used that much of every core), else a
     *         server's thread when one node used at least {@value #BUSY_NODE} % of a core, else, behind
     *         latency, the round trips when the rate reached {@value #LATENCY_SHARE} of what they allow
     *         ({@link #latencyBound}); else none of them
     */
    static String limit(PassCosts.Totals t, double rowsPerSecond, double rttMs, int inFlight, int cores) {
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
            double bound = latencyBound(inFlight, ClusterScenario.BATCH_SIZE, rttMs);
            if (rowsPerSecond >= LATENCY_SHARE * bound) {
                return f("latency: %d round trips of %s in flight (they allow %,.0f rows/s)", inFlight,
                        ClusterScenario.rtt(rttMs), bound);
            }
            return f("none saturated: cores %.0f %% busy, busiest node %.0f %% of a core, round trips allow %,.0f"
                    + " rows/s", t.machinePercent(), t.busiestPercent(), bound);
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

    /** @return a Markdown table: each target, what this run measured, and whether it was reached */
    String summary() {
        Table targets = new Table("cluster-targets", "Targets against this run")
                .text("target", "target").text("measured in this run", "measured").text("reached", "reached");
        for (String network : networks()) {
            int cluster = row(network, ClusterScenario.CLUSTER);
            int single = row(network, ClusterScenario.SINGLE);
            if (cluster < 0 || single < 0) {
                continue;
            }
            double goal = table.number(cluster, "target");
            double ratio = table.number(cluster, "x_single");
            targets.row(f("%s: the %s at >= %.1f x the single node (both `parallel` %d)", network,
                    ClusterScenario.CLUSTER, goal, ClusterScenario.PARALLEL),
                    f("%.2f x (%,.0f against %,.0f rows/s)", ratio, table.number(cluster, "rows_per_s"),
                            table.number(single, "rows_per_s")), yes(ratio >= goal));
        }
        targets.note("Each line is computed from the table below; a target not reached stays with its measurement.");
        return targets.markdown(2);
    }

    /** @return the Markdown of what the table shows, then the scan of {@value #PAPER_MASTERS} masters on paper */
    String advice() {
        List<String> points = new ArrayList<>();
        for (String network : networks()) {
            int one = row(network, ClusterScenario.SINGLE);
            int wide = wideRow(network);
            int cluster = row(network, ClusterScenario.CLUSTER);
            if (one < 0 || wide < 0 || cluster < 0) {
                continue;
            }
            points.add(network(network, one, wide, cluster));
        }
        int loop = row(ClusterScenario.LOOPBACK, ClusterScenario.CLUSTER);
        if (loop >= 0) {
            int latency = -1;
            for (String network : networks()) {
                if (!network.equals(ClusterScenario.LOOPBACK)) {
                    latency = row(network, ClusterScenario.CLUSTER);
                }
            }
            points.add(cores(loop, row(ClusterScenario.LOOPBACK, ClusterScenario.SINGLE), latency));
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
                                + " ratios measure the CPU the rows get, not the round trips."
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
        return f("**%s.** The %s read %,.0f rows/s with `parallel` %d per master (%d round trips in flight):"
                + " %.2f x the single node at `parallel` %d (%,.0f rows/s; target %.1f x: %s) and %.2f x the single"
                + " node at `parallel` %d (%,.0f rows/s), the same %d round trips in flight; so at the same in-flight"
                + " total the masters themselves give %.2f x. Each master's share of the Redis CPU during the cluster"
                + " scan: %s (%.0f %% of a core for all %d together, against %.0f %% for the single node). Limited by:"
                + " single node at `parallel` %d, %s; at `parallel` %d, %s; cluster, %s.",
                network, ClusterScenario.CLUSTER, table.number(cluster, "rows_per_s"), ClusterScenario.PARALLEL,
                inFlight, ratio, ClusterScenario.PARALLEL, table.number(one, "rows_per_s"), goal,
                ratio >= goal ? "reached" : "not reached", table.number(cluster, "x_single_same_in_flight"),
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
            out.append(f(" Behind latency a master's round trips wait on the network, not on the cores, so masters"
                    + " read in parallel multiply the round trips in flight; the single node with as many in flight"
                    + " (`parallel` %d) %s (the cluster %.2f x it).", ClusterScenario.MASTERS * ClusterScenario.PARALLEL,
                    same < 1.2 ? "gets most of that gain: the in-flight total is what counts"
                            : "gets less of it: the masters add more than their round trips",
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

    /** @return the row of a network and target at {@code parallel} (per master), or -1 */
    private int row(String network, String target) {
        return find(network, target, target.equals(ClusterScenario.CLUSTER)
                ? ClusterScenario.MASTERS * ClusterScenario.PARALLEL : ClusterScenario.PARALLEL);
    }

    /** @return the single-node row of a network with the cluster's round trips in flight, or -1 */
    private int wideRow(String network) {
        return find(network, ClusterScenario.SINGLE, ClusterScenario.MASTERS * ClusterScenario.PARALLEL);
    }

    private int find(String network, String target, long inFlight) {
        for (int i = 0; i < table.rows().size(); i++) {
            if (table.cell(i, "network").equals(network) && table.cell(i, "read_from").equals(target)
                    && (long) table.number(i, "in_flight") == inFlight) {
                return i;
            }
        }
        return -1;
    }
}
