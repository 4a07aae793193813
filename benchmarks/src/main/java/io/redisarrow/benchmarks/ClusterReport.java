package io.redisarrow.benchmarks;

import java.util.List;

import static io.redisarrow.benchmarks.Texts.f;

/**
 * The cluster scenario's page, apart from the read report: the machine's facts, the command, the
 * targets, the cluster table and the findings with the scan of many masters on paper
 * ({@link ClusterFindings}). Written as {@value #FILE} and a CSV into a run's results directory and,
 * when asked, as the whole of {@value #DOCS_FILE}.
 */
final class ClusterReport {

    /** The results file. */
    static final String FILE = "cluster.md";

    /** The docs file. */
    static final String DOCS_FILE = "cluster-performance.md";

    private static final String INTRO = """
            # Redis Cluster performance

            Every figure and table on this page comes from one run of the benchmark tool on the machine it \
            names; nothing is typed by hand, and the page itself is the tool's output. To reproduce (it starts \
            its own standalone `redis-server` and its own clusters of `redis-server --cluster-enabled yes` \
            processes on loopback, whatever `REDIS_URL` says; this scenario needs no module, but `redis-cli`):

            ```bash
            mvn -q install -DskipTests && mvn -q -pl benchmarks exec:exec -Dexec.args="--only cluster --docs"
            ```

            [`benchmarks/README.md`](../benchmarks/README.md) says what the scenario does; \
            [`performance.md`](performance.md) holds the reads of one server.

            """;

    private ClusterReport() {
    }

    /**
     * @param facts the machine, JVM and server
     * @param keys N, the hashes read per pass
     * @param command how the run was started
     * @param table the {@link ClusterScenario} table
     * @return the page
     */
    static PageReport of(Facts facts, int keys, String command, Table table) {
        ClusterFindings findings = new ClusterFindings(table);
        return new PageReport(new PageReport.Page("Redis Cluster", FILE, DOCS_FILE, INTRO), facts,
                f("- Data: %,d hashes x 10 fields (the hash scenario's), in a standalone redis-server and in a"
                        + " %d-master cluster without replicas, every server on this machine; the cluster read runs"
                        + " %d x `parallel` round trips in flight (`parallel` applies per master); two pairs of options"
                        + " per network: default (`batchSize` %,d, `parallel` %d) and latency-bound (`batchSize` %,d,"
                        + " `parallel` %d)\n", keys, ClusterScenario.MASTERS, ClusterScenario.MASTERS,
                        ClusterScenario.DEFAULTS.batchSize(), ClusterScenario.DEFAULTS.parallel(),
                        ClusterScenario.LATENCY_BOUND.batchSize(), ClusterScenario.LATENCY_BOUND.parallel()),
                command, List.of(table), findings.summary(), findings.advice());
    }
}
