package io.redisarrow.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The write scenario's output, apart from the read report: the machine's facts, the command, the
 * targets, the write tables and the findings ({@link WriteFindings}). Written as {@code writes.md}
 * and one CSV per table into a run's results directory and, when asked, as the whole of
 * {@code docs/write-performance.md}.
 */
final class WriteReport {

    /** The results file. */
    static final String FILE = "writes.md";

    /** The docs file. */
    static final String DOCS_FILE = "write-performance.md";

    private final Facts facts;

    private final int rows;

    private final String command;

    private final List<Table> tables;

    /**
     * @param facts the machine, JVM and server
     * @param rows rows written per pass
     * @param command how the run was started
     * @param tables the write tables, in report order
     */
    WriteReport(Facts facts, int rows, String command, List<Table> tables) {
        this.facts = facts;
        this.rows = rows;
        this.command = command;
        this.tables = List.copyOf(tables);
    }

    /**
     * Writes {@value #FILE} and a CSV per table.
     *
     * @param directory the run's results directory
     * @return the file written
     * @throws IOException when writing fails
     */
    Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        for (Table table : tables) {
            Files.writeString(directory.resolve(table.id() + ".csv"), table.csv(), StandardCharsets.UTF_8);
        }
        Path file = directory.resolve(FILE);
        Files.writeString(file, "# Writes\n\n" + markdown(), StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Writes {@value #DOCS_FILE}, the whole file.
     *
     * @param docs the repository's docs directory
     * @return the file written
     * @throws IOException when writing fails
     */
    Path writeDocs(Path docs) throws IOException {
        Files.createDirectories(docs);
        Path file = docs.resolve(DOCS_FILE);
        Files.writeString(file, docs(), StandardCharsets.UTF_8);
        return file;
    }

    /** @return the docs page: its introduction, then {@link #markdown()} */
    String docs() {
        return """
                # Write performance

                Every figure and table on this page comes from one run of the benchmark tool on the machine it \
                names; nothing is typed by hand, and the page itself is the tool's output. To reproduce (it starts \
                its own `redis-server` with the JSON module `REDIS_ARROW_MODULES` names, else the one in \
                `../shared/servers/valkey-8.0.1-json-search/modules/`, unless `REDIS_URL` is set):

                ```bash
                mvn -q install -DskipTests && mvn -q -pl benchmarks exec:exec -Dexec.args="--only writes --docs"
                ```

                [`benchmarks/README.md`](../benchmarks/README.md) says what the scenario does; \
                [`performance.md`](performance.md) holds the reads.

                """ + markdown();
    }

    /** @return the run, the targets, the tables and the findings */
    String markdown() {
        StringBuilder out = new StringBuilder("## The run\n\n");
        out.append(String.format(Locale.ROOT, "- Data: %,d rows x 10 fields written per pass, to absent keys\n", rows));
        out.append(facts.machineMarkdown());
        out.append("- Command: `").append(command).append("`\n\n");
        WriteFindings findings = new WriteFindings(tables);
        out.append(findings.summary()).append('\n');
        for (Table table : tables) {
            out.append(table.markdown(2)).append('\n');
        }
        out.append(findings.advice());
        return out.toString();
    }
}
