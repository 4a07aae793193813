package io.redisarrow.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Redraws the PNG charts of a finished run from its CSV files, and copies them to a second
 * directory when one is given (such as {@code ../docs/performance}), so a chart's look can change
 * without measuring again: the numbers are the run's own.
 */
public final class RedrawCharts {

    private RedrawCharts() {
    }

    /**
     * @param args the run's directory, then optionally where to copy the charts
     * @throws IOException when reading or writing fails
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: RedrawCharts <results/run-directory> [directory to copy the charts to]");
            System.exit(2);
        }
        Path run = Path.of(args[0]);
        try (DirectoryStream<Path> csvs = Files.newDirectoryStream(run, "*.csv")) {
            for (Path csv : csvs) {
                String id = csv.getFileName().toString().replace(".csv", "");
                List<String> charts = Figures.draw(Table.fromCsv(id, Files.readString(csv, StandardCharsets.UTF_8)), run);
                for (String chart : charts) {
                    Progress.say("drawn %s", run.resolve(chart));
                    if (args.length == 2) {
                        Files.copy(run.resolve(chart), Path.of(args[1]).resolve(chart), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }
}
