package io.redisarrow.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run's output: the machine's facts, the command, every table with its charts, and the findings
 * derived from them. Written to a results directory of its own ({@code report.md}, one CSV per
 * table, PNG charts) and, when asked, as {@code docs/performance.md} with its charts beside it.
 */
final class Report {

    private final Facts facts;

    private final String command;

    private final List<Table> tables;

    private final String summary;

    private final String advice;

    private final Map<String, List<String>> charts = new LinkedHashMap<>();

    /**
     * @param facts the machine, JVM and server
     * @param command how the run was started
     * @param tables every table, in report order
     * @param summary the Markdown of the targets against the measurements ({@link Findings#summary()})
     * @param advice the Markdown of what the tables show ({@link Findings#advice()})
     */
    Report(Facts facts, String command, List<Table> tables, String summary, String advice) {
        this.facts = facts;
        this.command = command;
        this.tables = List.copyOf(tables);
        this.summary = summary;
        this.advice = advice;
    }

    /**
     * Writes {@code report.md}, a CSV per table and the charts into a new directory under {@code out}.
     *
     * @param out the results directory
     * @return the new directory
     * @throws IOException when writing fails
     */
    Path write(Path out) throws IOException {
        Path directory = newDirectory(out);
        for (Table table : tables) {
            Files.writeString(directory.resolve(table.id() + ".csv"), table.csv(), StandardCharsets.UTF_8);
            charts.put(table.id(), Figures.draw(table, directory));
        }
        Files.writeString(directory.resolve("report.md"), markdown(""), StandardCharsets.UTF_8);
        return directory;
    }

    /**
     * @param out the results directory
     * @return a new directory under it, named by the date and time
     * @throws IOException when it cannot be created
     */
    static Path newDirectory(Path out) throws IOException {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        Path directory = out.resolve(stamp);
        Files.createDirectories(directory);
        return directory;
    }

    /**
     * Writes {@code performance.md} into {@code docs} and the charts into {@code docs/performance/};
     * call after {@link #write(Path)}.
     *
     * @param results the directory {@link #write(Path)} returned
     * @param docs the repository's docs directory
     * @throws IOException when writing fails
     */
    void writeDocs(Path results, Path docs) throws IOException {
        Path images = docs.resolve("performance");
        Files.createDirectories(images);
        for (List<String> files : charts.values()) {
            for (String file : files) {
                Files.copy(results.resolve(file), images.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        String intro = """
                # Performance

                Every figure, table and chart on this page comes from one run of the benchmark tool on the machine it \
                names; nothing is typed by hand, and the page itself is the tool's output. To reproduce (it starts \
                its own `redis-server` with the JSON and RediSearch 2.x modules `REDIS_ARROW_MODULES` names, else \
                those in `../shared/servers/valkey-8.0.1-json-search/modules/`, unless `REDIS_URL` is set):

                ```bash
                mvn -q install -DskipTests && mvn -q -pl benchmarks exec:exec -Dexec.args="--docs"
                ```

                [`benchmarks/README.md`](../benchmarks/README.md) says what each scenario does; \
                [`decoders.md`](decoders.md) holds the JMH microbenchmarks of the per-type decoders \
                and of the JSON document decoder.

                """;
        Files.writeString(docs.resolve("performance.md"), intro + markdown("performance/"), StandardCharsets.UTF_8);
    }

    private String markdown(String chartPrefix) {
        StringBuilder out = new StringBuilder("## The run\n\n");
        out.append(facts.markdown());
        out.append("- Command: `").append(command).append("`\n\n");
        out.append(summary).append('\n');
        for (Table table : tables) {
            out.append(table.markdown(2)).append('\n');
            for (String chart : charts.getOrDefault(table.id(), new ArrayList<>())) {
                out.append("![").append(table.title()).append("](").append(chartPrefix).append(chart).append(")\n\n");
            }
        }
        out.append("## Writes\n\nThe `writes` scenario measures them on a page of their own: [`write-performance.md`]"
                + "(write-performance.md) (in a run's results: `writes.md`).\n\n");
        out.append("## Every Redis type\n\nThe `types` scenario reads strings, sets, lists, sorted sets and streams,"
                + " small keys and one big key, beside a Jedis pipeline and naive Lettuce, on a page of their own:"
                + " [`types-performance.md`](types-performance.md) (in a run's results: `types.md`).\n\n");
        out.append("## Redis Cluster\n\nThe `cluster` scenario reads the same hashes from one node and from a 3-master"
                + " cluster, on loopback and behind 2 ms of round trip, with the Redis CPU of each master and a scan of"
                + " 30 masters on paper, on a page of its own: [`cluster-performance.md`](cluster-performance.md) (in a"
                + " run's results: `cluster.md`).\n\n");
        out.append(advice);
        return out.toString();
    }
}
