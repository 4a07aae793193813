package io.redisarrow.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * The write scenario's page, apart from the read report: the machine's facts, the command, the
 * targets, the write tables and the findings ({@link WriteFindings}). Written as {@value #FILE} and
 * one CSV per table into a run's results directory and, when asked, as the whole of
 * {@value #DOCS_FILE}.
 */
final class WriteReport {

    /** The results file. */
    static final String FILE = "writes.md";

    /** The docs file. */
    static final String DOCS_FILE = "write-performance.md";

    private static final String INTRO = """
            # Write performance

            Every figure and table on this page comes from one run of the benchmark tool on the machine it \
            names; nothing is typed by hand, and the page itself is the tool's output. To reproduce (it starts \
            its own `redis-server` with the JSON module `REDIS_ARROW_MODULES` names, else the one in \
            `../shared/servers/valkey-8.0.1-json-search/modules/`, unless `REDIS_URL` is set):

            ```bash
            mvn -q install -DskipTests && mvn -q -pl benchmarks exec:exec -Dexec.args="--only writes --docs"
            ```

            [`benchmarks/README.md`](../benchmarks/README.md) says what the scenario does; \
            [`performance.md`](performance.md) holds the reads, [`types-performance.md`](types-performance.md) \
            the reads of every Redis type.

            """;

    private WriteReport() {
    }

    /**
     * @param facts the machine, JVM and server
     * @param rows rows written per pass
     * @param command how the run was started
     * @param tables the write tables, in report order
     * @return the page
     */
    static PageReport of(Facts facts, int rows, String command, List<Table> tables) {
        WriteFindings findings = new WriteFindings(tables);
        return new PageReport(new PageReport.Page("Writes", FILE, DOCS_FILE, INTRO), facts,
                String.format(Locale.ROOT, "- Data: %,d rows x 10 fields written per pass, to absent keys\n", rows),
                command, tables, findings.summary(), findings.advice());
    }
}
