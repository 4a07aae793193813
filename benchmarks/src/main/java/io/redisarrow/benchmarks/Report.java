package io.redisarrow.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes the results as a Markdown table (also printed) and a CSV: rates as ratios against the
 * server ceiling and the two hand-written baselines of the same run, with the machine's facts.
 */
final class Report {

    private Report() {
    }

    static String markdown(Facts facts, ServerCeiling.Result ceiling, List<Measurement> rows, Measurement jedis,
            Measurement lettuce, String command) {
        StringBuilder out = new StringBuilder();
        out.append("## Hash scan: ").append(String.format(Locale.ROOT, "%,d", facts.keys()))
                .append(" hashes x 10 fields into Arrow batches held in memory\n\n");
        out.append("Machine: ").append(facts.describe()).append("\n\n");
        out.append("Command: `").append(command).append("`\n\n");
        out.append(String.format(Locale.ROOT, "Server ceiling: %,.0f HMGET/s (`redis-benchmark -P 100 -c %d`, same keys and fields).%n%n",
                ceiling.requestsPerSecond(), ceiling.clients()));
        out.append("| scenario | parallel | rows/s (median) | min | max | x ceiling | x Jedis | x Lettuce | server µs/row |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Measurement m : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | %,.0f | %,.0f | %.2f | %.2f | %.2f | %.2f |%n",
                    m.scenario(), m.parallel() > 0 ? Integer.toString(m.parallel()) : "-", m.median(), m.min(), m.max(),
                    m.median() / ceiling.requestsPerSecond(), m.median() / jedis.median(), m.median() / lettuce.median(),
                    m.serverMicrosPerRow()));
        }
        out.append(String.format(Locale.ROOT, "%nServer µs/row: Redis' own command time (INFO commandstats) per row read;"
                + " the ceiling's HMGET costs %.2f µs per call.%n", ceiling.serverMicrosPerCall()));
        out.append("\nRepetitions per scenario: ").append(rows.get(0).rowsPerSecond().length)
                .append(" after one warm-up pass; ratios use medians.\n");
        return out.toString();
    }

    static String csv(ServerCeiling.Result ceiling, List<Measurement> rows, Measurement jedis, Measurement lettuce) {
        StringBuilder out = new StringBuilder(
                "scenario,parallel,median_rows_per_s,min,max,x_ceiling,x_jedis,x_lettuce,server_us_per_row\n");
        for (Measurement m : rows) {
            out.append(String.format(Locale.ROOT, "\"%s\",%d,%.0f,%.0f,%.0f,%.3f,%.3f,%.3f,%.3f%n", m.scenario(),
                    m.parallel(), m.median(), m.min(), m.max(), m.median() / ceiling.requestsPerSecond(),
                    m.median() / jedis.median(), m.median() / lettuce.median(), m.serverMicrosPerRow()));
        }
        out.append(String.format(Locale.ROOT, "\"server ceiling\",0,%.0f,,,1.000,,,%.3f%n", ceiling.requestsPerSecond(),
                ceiling.serverMicrosPerCall()));
        return out.toString();
    }

    static Path write(Path directory, String markdown, String csv) throws IOException {
        Files.createDirectories(directory);
        String stamp = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path md = directory.resolve("hash-scan-" + stamp + ".md");
        Files.writeString(md, markdown, StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("hash-scan-" + stamp + ".csv"), csv, StandardCharsets.UTF_8);
        return md;
    }
}
