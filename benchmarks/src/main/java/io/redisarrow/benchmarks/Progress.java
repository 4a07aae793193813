package io.redisarrow.benchmarks;

/**
 * Progress lines on standard error while the benchmark runs, so standard output holds the report only.
 */
final class Progress {

    private Progress() {
    }

    static void say(String format, Object... args) {
        System.err.printf("[bench] " + format + "%n", args);
    }
}
