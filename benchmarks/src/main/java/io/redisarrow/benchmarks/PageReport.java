package io.redisarrow.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The output of a scenario with a page of its own, apart from the read report: the machine's facts,
 * the command, the targets, the scenario's tables and the findings. Written as a Markdown file and
 * one CSV per table into a run's results directory and, when asked, as the whole of a docs page,
 * after that page's introduction. {@link WriteReport} and {@link TypesReport} make them.
 */
final class PageReport {

    /**
     * What differs between pages.
     *
     * @param heading the results file's title, such as {@code Writes}
     * @param file the results file, such as {@code writes.md}
     * @param docsFile the docs file, such as {@code write-performance.md}
     * @param docsIntro the docs page's title line and introduction, Markdown ending in a blank line
     */
    record Page(String heading, String file, String docsFile, String docsIntro) {
    }

    private final Page page;

    private final Facts facts;

    private final String data;

    private final String command;

    private final List<Table> tables;

    private final String summary;

    private final String advice;

    /**
     * @param page the page's names and introduction
     * @param facts the machine, JVM and server
     * @param data the Markdown list line of the data set, ending in a newline
     * @param command how the run was started
     * @param tables the scenario's tables, in report order
     * @param summary the Markdown of the targets against the measurements
     * @param advice the Markdown of what the tables show
     */
    PageReport(Page page, Facts facts, String data, String command, List<Table> tables, String summary,
            String advice) {
        this.page = page;
        this.facts = facts;
        this.data = data;
        this.command = command;
        this.tables = List.copyOf(tables);
        this.summary = summary;
        this.advice = advice;
    }

    /**
     * Writes the results file and a CSV per table.
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
        Path file = directory.resolve(page.file());
        Files.writeString(file, "# " + page.heading() + "\n\n" + markdown(), StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Writes the docs file, the whole file.
     *
     * @param docs the repository's docs directory
     * @return the file written
     * @throws IOException when writing fails
     */
    Path writeDocs(Path docs) throws IOException {
        Files.createDirectories(docs);
        Path file = docs.resolve(page.docsFile());
        Files.writeString(file, docs(), StandardCharsets.UTF_8);
        return file;
    }

    /** @return the docs page: its introduction, then {@link #markdown()} */
    String docs() {
        return page.docsIntro() + markdown();
    }

    /** @return the run, the targets, the tables and the findings */
    String markdown() {
        StringBuilder out = new StringBuilder("## The run\n\n");
        out.append(data);
        out.append(facts.machineMarkdown());
        out.append("- Command: `").append(command).append("`\n\n");
        out.append(summary).append('\n');
        for (Table table : tables) {
            out.append(table.markdown(2)).append('\n');
        }
        out.append(advice);
        return out.toString();
    }
}
