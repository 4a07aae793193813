package io.redisarrow.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/**
 * One scenario's repeated passes after a warm-up: rows per second of each pass, with median, min
 * and max, and the server's command time per row over the measured passes.
 *
 * @param scenario the name in the report
 * @param parallel the parallel column
 * @param rowsPerSecond the rate of each measured pass
 * @param serverMicrosPerRow Redis' command time per row read ({@link ServerCost}), or NaN when unknown
 */
record Measurement(String scenario, String parallel, double[] rowsPerSecond, double serverMicrosPerRow) {

    /** One timed pass of a scenario. */
    @FunctionalInterface
    interface Trial {

        /** @return the pass's rate and a note for its progress line */
        Pass run();
    }

    /** A pass's rate in rows per second, its rows, and a note for its progress line (may be empty). */
    record Pass(double rowsPerSecond, long rows, String note) {
    }

    /**
     * Runs one warm-up pass and {@code repetitions} measured passes, a progress line each.
     *
     * @param scenario the name in the report
     * @param parallel the parallel column
     * @param repetitions measured passes
     * @param trial one pass
     * @param cost the server's command time, reset after the warm-up
     * @return the rates
     */
    static Measurement run(String scenario, String parallel, int repetitions, Trial trial, ServerCost cost) {
        String label = scenario + ("-".equals(parallel) ? "" : " (parallel " + parallel + ")");
        Pass warm = trial.run();
        Progress.say("%s: warm-up: %,.0f rows/s%s", label, warm.rowsPerSecond(), suffix(warm));
        cost.reset();
        double[] rates = new double[repetitions];
        long rows = 0;
        for (int i = 0; i < repetitions; i++) {
            Pass pass = trial.run();
            rates[i] = pass.rowsPerSecond();
            rows += pass.rows();
            Progress.say("%s: pass %d/%d: %,.0f rows/s%s", label, i + 1, repetitions, rates[i], suffix(pass));
        }
        long micros = cost.commandMicros();
        return new Measurement(scenario, parallel, rates, micros < 0 ? Double.NaN : micros / (double) rows);
    }

    /**
     * Measures a reader, checking that every pass read exactly {@code expectedRows}.
     *
     * @param reader the scenario
     * @param expectedRows N
     * @param repetitions measured passes
     * @param cost the server's command time
     * @return the rates
     */
    static Measurement of(Reader reader, long expectedRows, int repetitions, ServerCost cost) {
        return run(reader.name(), reader.parallel(), repetitions, () -> {
            long start = System.nanoTime();
            long rows = reader.pass();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (rows != expectedRows) {
                throw new IllegalStateException(String.format(Locale.ROOT, "%s read %,d rows, expected %,d",
                        reader.name(), rows, expectedRows));
            }
            String detail = reader.detail();
            return new Pass(rows / seconds, rows, String.format(Locale.ROOT, "%,d rows in %.2f s%s", rows, seconds,
                    detail.isEmpty() ? "" : ", " + detail));
        }, cost);
    }

    private static String suffix(Pass pass) {
        return pass.note().isEmpty() ? "" : " (" + pass.note() + ")";
    }

    double median() {
        double[] sorted = rowsPerSecond.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    double min() {
        return Arrays.stream(rowsPerSecond).min().orElse(0);
    }

    double max() {
        return Arrays.stream(rowsPerSecond).max().orElse(0);
    }
}
