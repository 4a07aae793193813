package io.redisarrow.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/**
 * One scenario's repeated passes after a warm-up: rows per second of each pass, with median, min
 * and max.
 */
record Measurement(String scenario, String parallel, double[] rowsPerSecond) {

    /** One timed pass of a scenario. */
    @FunctionalInterface
    interface Trial {

        /** @return the pass's rate and a note for its progress line */
        Pass run();
    }

    /** A pass's rate in rows per second and a note for its progress line (may be empty). */
    record Pass(double rowsPerSecond, String note) {
    }

    /**
     * Runs one warm-up pass and {@code repetitions} measured passes, a progress line each.
     *
     * @param scenario the name in the report
     * @param parallel the parallel column
     * @param repetitions measured passes
     * @param trial one pass
     * @return the rates
     */
    static Measurement run(String scenario, String parallel, int repetitions, Trial trial) {
        String label = scenario + ("-".equals(parallel) ? "" : " (parallel " + parallel + ")");
        Pass warm = trial.run();
        Progress.say("%s: warm-up: %,.0f rows/s%s", label, warm.rowsPerSecond(), suffix(warm));
        double[] rates = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            Pass pass = trial.run();
            rates[i] = pass.rowsPerSecond();
            Progress.say("%s: pass %d/%d: %,.0f rows/s%s", label, i + 1, repetitions, rates[i], suffix(pass));
        }
        return new Measurement(scenario, parallel, rates);
    }

    /**
     * Measures a reader, checking that every pass read exactly {@code expectedRows}.
     *
     * @param reader the scenario
     * @param expectedRows N
     * @param repetitions measured passes
     * @return the rates
     */
    static Measurement of(Reader reader, long expectedRows, int repetitions) {
        return run(reader.name(), reader.parallel(), repetitions, () -> {
            long start = System.nanoTime();
            long rows = reader.pass();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (rows != expectedRows) {
                throw new IllegalStateException(String.format(Locale.ROOT, "%s read %,d rows, expected %,d",
                        reader.name(), rows, expectedRows));
            }
            String detail = reader.detail();
            return new Pass(rows / seconds, String.format(Locale.ROOT, "%,d rows in %.2f s%s", rows, seconds,
                    detail.isEmpty() ? "" : ", " + detail));
        });
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
