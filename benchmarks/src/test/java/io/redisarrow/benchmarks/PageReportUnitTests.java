package io.redisarrow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class PageReportUnitTests {

    private static final Facts FACTS = new Facts(0, 0, "2", "a CPU", "8 GiB", "an OS", "1.0", "a JVM", "-Xmx4g",
            "7.0.15", "none", "redis-benchmark 7.0.15", "Lettuce, Jedis", "2026-12-06 10:00 UTC");

    private static Table types() {
        Table table = TypesScenario.table(20_000);
        table.row("sets", "small keys", "2,000 x 10", 300_000.0, 200_000.0, 50_000.0, 1.5, 6.0, Double.NaN, 0.2, 0.1,
                50.0, 40.0, 20.0);
        return table;
    }

    @Test
    void theTypesPageIsItsIntroductionTheRunTheTargetsTheTableAndTheFindings() {
        String docs = TypesReport.of(FACTS, 20_000, "HashScanBenchmark --only types", types()).docs();

        assertThat(docs).startsWith("# Read performance of every Redis type\n\n")
                .contains("-Dexec.args=\"--only types --docs\"", "[`write-performance.md`](write-performance.md)",
                        "[`performance.md`](performance.md)", "## The run\n\n- Data: 20,000 elements per data set",
                        "- Machine: 2 cores (a CPU)", "- Command: `HashScanBenchmark --only types`",
                        "| sets: redis-arrow at 1.3 x the Jedis pipeline | small keys 1.50 x | yes |",
                        "## Every Redis type: 20,000 elements per data set", "## What the numbers say");
        assertThat(docs.indexOf("## Targets")).isLessThan(docs.indexOf("## Every Redis type:"));
        assertThat(docs.indexOf("## Every Redis type:")).isLessThan(docs.indexOf("## What the numbers say"));
    }

    @Test
    void aRunsResultsGetTheMarkdownFileAndTheCsvAndTheDocsTheWholePage(@TempDir Path directory) throws IOException {
        PageReport report = TypesReport.of(FACTS, 20_000, "cmd", types());

        Path file = report.write(directory.resolve("run"));
        Path docs = report.writeDocs(directory.resolve("docs"));

        assertThat(file.getFileName().toString()).isEqualTo("types.md");
        assertThat(Files.readString(file)).startsWith("# Every Redis type\n\n## The run\n");
        assertThat(Files.readString(directory.resolve("run").resolve("types.csv"))).startsWith("type,shape,keys,");
        assertThat(docs.getFileName().toString()).isEqualTo("types-performance.md");
        assertThat(Files.readString(docs)).isEqualTo(report.docs());
    }

    @Test
    void theWritesPageLinksTheTypesPage() {
        String docs = WriteReport.of(FACTS, 1_000, "cmd", List.of()).docs();

        assertThat(docs).startsWith("# Write performance\n\n").contains("[`types-performance.md`](types-performance.md)",
                "- Data: 1,000 rows x 10 fields written per pass");
    }
}
