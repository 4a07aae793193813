package io.redisarrow.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Renders a run as a Markdown table (also printed) and a CSV of rows per second with ratios against
 * the server ceiling and the Jedis and Lettuce baselines of the same run, and writes both to the
 * results directory.
 *
 * @param facts the machine and server
 * @param command how the run was started
 * @param repetitions measured passes per scenario
 * @param rows every scenario, in report order
 * @param ceiling the best server ceiling scenario
 * @param jedis the Jedis baseline
 * @param lettuce the Lettuce baseline
 */
record Report(Facts facts, String command, int repetitions, List<Measurement> rows, Measurement ceiling,
        Measurement jedis, Measurement lettuce) {

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "## Hash scan: %,d hashes x 10 fields into Arrow batches held in memory%n%n",
                facts.keys()));
        out.append(facts.markdown());
        out.append("- Command: `").append(command).append("`\n\n");
        out.append("| scenario | parallel | rows/s (median) | min | max | x ceiling | x Jedis | x Lettuce | server µs/row |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Measurement m : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | %,.0f | %,.0f | %.2f | %.2f | %.2f | %s |%n",
                    m.scenario(), m.parallel(), m.median(), m.min(), m.max(), ratio(m, ceiling), ratio(m, jedis),
                    ratio(m, lettuce), micros(m, "%.2f")));
        }
        out.append(String.format(Locale.ROOT, """

                %s per scenario after one warm-up pass; ratios are of medians. The ceiling is \
                the best `redis-benchmark` row: one HMGET of the ten fields per row, %d commands pipelined, \
                random existing keys (no misses, checked). redis-arrow rows hold every batch until the pass \
                ends; batches of %,d keys, SCAN COUNT the library's default (batchSize x parallel); the \
                Jedis and Lettuce baselines use SCAN COUNT %,d. Server µs/row: Redis' own command time (INFO \
                commandstats, SCAN included) per row over the measured passes; it leaves out socket I/O.
                """, repetitions == 1 ? "1 measured pass" : repetitions + " measured passes", ServerCeiling.PIPELINE,
                RedisArrowReader.BATCH_SIZE, RedisArrowReader.BATCH_SIZE));
        return out.toString();
    }

    String csv() {
        StringBuilder out = new StringBuilder(
                "scenario,parallel,rows_per_s_median,rows_per_s_min,rows_per_s_max,x_ceiling,x_jedis,x_lettuce,"
                + "server_us_per_row,keys,date\n");
        for (Measurement m : rows) {
            out.append(String.format(Locale.ROOT, "\"%s\",%s,%.0f,%.0f,%.0f,%.4f,%.4f,%.4f,%s,%d,\"%s\"%n", m.scenario(),
                    m.parallel(), m.median(), m.min(), m.max(), ratio(m, ceiling), ratio(m, jedis), ratio(m, lettuce),
                    micros(m, "%.3f"), facts.keys(), facts.date()));
        }
        return out.toString();
    }

    /**
     * Writes {@code hash-scan-<time>.md} and {@code .csv}.
     *
     * @param directory where
     * @return the Markdown file
     * @throws IOException when writing fails
     */
    Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        Path md = directory.resolve("hash-scan-" + stamp + ".md");
        Files.writeString(md, markdown(), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("hash-scan-" + stamp + ".csv"), csv(), StandardCharsets.UTF_8);
        return md;
    }

    private static String micros(Measurement m, String format) {
        return Double.isNaN(m.serverMicrosPerRow()) ? "?" : String.format(Locale.ROOT, format, m.serverMicrosPerRow());
    }

    private static double ratio(Measurement m, Measurement base) {
        return m.median() / base.median();
    }
}
