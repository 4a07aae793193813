package io.redisarrow.benchmarks;

import java.util.Arrays;

/**
 * Rates of repeated passes of one scenario (median, min and max rows per second) and the server's
 * command time per row over those passes.
 */
record Measurement(String scenario, int parallel, double[] rowsPerSecond, double serverMicrosPerRow) {

    static Measurement of(Reader reader, int expectedRows, int warmups, int repetitions, ServerCost cost) {
        for (int i = 0; i < warmups; i++) {
            check(reader, reader.pass(), expectedRows);
        }
        cost.reset();
        double[] rates = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            long rows = reader.pass();
            double seconds = (System.nanoTime() - start) / 1e9;
            check(reader, rows, expectedRows);
            rates[i] = rows / seconds;
            Progress.say("%s%s: pass %d: %,.0f rows/s", reader.name(),
                    reader.parallel() > 0 ? " (parallel " + reader.parallel() + ")" : "", i + 1, rates[i]);
        }
        double micros = cost.commandMicros() / (double) ((long) expectedRows * repetitions);
        return new Measurement(reader.name(), reader.parallel(), rates, micros);
    }

    private static void check(Reader reader, long rows, int expected) {
        if (rows != expected) {
            throw new IllegalStateException(reader.name() + " read " + rows + " rows, expected " + expected);
        }
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
