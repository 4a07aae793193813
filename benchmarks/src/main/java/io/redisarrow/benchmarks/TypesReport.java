package io.redisarrow.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * The types scenario's page, apart from the read report: the machine's facts, the command, the
 * targets per type, the types table and the findings ({@link TypesFindings}). Written as
 * {@value #FILE} and a CSV into a run's results directory and, when asked, as the whole of
 * {@value #DOCS_FILE}.
 */
final class TypesReport {

    /** The results file. */
    static final String FILE = "types.md";

    /** The docs file. */
    static final String DOCS_FILE = "types-performance.md";

    private static final String INTRO = """
            # Read performance of every Redis type

            Every figure and table on this page comes from one run of the benchmark tool on the machine it \
            names; nothing is typed by hand, and the page itself is the tool's output. To reproduce (it starts \
            its own `redis-server` unless `REDIS_URL` is set; this scenario needs no module):

            ```bash
            mvn -q install -DskipTests && mvn -q -pl benchmarks exec:exec -Dexec.args="--only types --docs"
            ```

            [`benchmarks/README.md`](../benchmarks/README.md) says what the scenario does and \
            [`types.md`](types.md) how each type is read; [`performance.md`](performance.md) holds the hash and \
            JSON reads, [`write-performance.md`](write-performance.md) the writes.

            """;

    private TypesReport() {
    }

    /**
     * @param facts the machine, JVM and server
     * @param elements N, the elements of each data set
     * @param command how the run was started
     * @param table the {@link TypesScenario} table
     * @return the page
     */
    static PageReport of(Facts facts, int elements, String command, Table table) {
        TypesFindings findings = new TypesFindings(table);
        return new PageReport(new PageReport.Page("Every Redis type", FILE, DOCS_FILE, INTRO), facts,
                String.format(Locale.ROOT, "- Data: %,d elements per data set (strings, sets, lists, sorted sets,"
                        + " streams; small keys and one big key), each loaded alone before it is read\n", elements),
                command, List.of(table), findings.summary(), findings.advice());
    }
}
