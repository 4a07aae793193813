package io.redisarrow.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Times one way of reading a query's matches: one warm-up pass, then the run's measured passes,
 * each checked against the rows the scan's client-side filter kept, with Redis' bytes sent and
 * command time over the measured passes. A pass that stops early (time cap, RediSearch's TIMEOUT)
 * or reads another number of rows ends the measurement, without repeats; the cell then says why.
 */
final class SearchPasses {

    /** The longest one pass may run before it is stopped and reported as such. */
    static final long CAP_SECONDS = 60;

    /** @return the cap of one pass in nanoseconds */
    static long capNanos() {
        return CAP_SECONDS * 1_000_000_000L;
    }

    /**
     * One pass: rows read and seconds, or why it stopped early.
     *
     * @param rows rows read
     * @param seconds how long it ran
     * @param stopped why it stopped before the end (the text shown instead of seconds), or null
     */
    record Pass(long rows, double seconds, String stopped) {

        /** @return a pass that read every match */
        static Pass complete(long rows, double seconds) {
            return new Pass(rows, seconds, null);
        }

        /** @return a pass stopped because it ran past {@link #CAP_SECONDS} */
        static Pass capped(long rows, double seconds) {
            return new Pass(rows, seconds, "> " + CAP_SECONDS + " s (stopped)");
        }
    }

    /**
     * The measured passes: median seconds, Redis' output bytes and command microseconds over all of
     * them; or why there are none.
     *
     * @param seconds median seconds, NaN when stopped
     * @param bytes bytes Redis sent over the measured passes, -1 when unknown
     * @param micros Redis' command time over the measured passes, -1 when unknown
     * @param passes the measured passes
     * @param stopped why no measurement is complete (the cell's text), or null
     */
    record Timed(double seconds, long bytes, long micros, int passes, String stopped) {

        /** @return whether every measured pass read every match */
        boolean complete() {
            return stopped == null;
        }

        /** @return the table cell: the median seconds, or why there are none */
        String cell() {
            return complete() ? String.format(Locale.ROOT, "%.3f", seconds) : stopped;
        }

        /** @return {@code baseline} seconds over this one's, NaN when incomplete */
        double speedUp(double baseline) {
            return complete() ? baseline / seconds : Double.NaN;
        }

        /** @return matched rows per second, NaN when incomplete or none matched */
        double rowsPerSecond(long matched) {
            return complete() && matched > 0 ? matched / seconds : Double.NaN;
        }

        /** @return Redis' bytes sent per matched row over the measured passes, NaN when unknown */
        double bytesPerMatch(long matched) {
            return perMatch(bytes, matched);
        }

        /** @return Redis' command µs per matched row over the measured passes, NaN when unknown */
        double microsPerMatch(long matched) {
            return perMatch(micros, matched);
        }

        private double perMatch(long total, long matched) {
            return !complete() || total < 0 || matched == 0 ? Double.NaN : total / (double) (matched * passes);
        }
    }

    /**
     * The measured passes of a full scan with a client-side filter: the rows each selectivity kept,
     * median seconds, and Redis' bytes sent and command time over the passes.
     *
     * @param counts rows kept by each of {@link SearchMatch#ALL}, in order
     * @param seconds median seconds
     * @param bytes bytes Redis sent over the measured passes, -1 when unknown
     * @param micros Redis' command time over the measured passes, -1 when unknown
     * @param passes the measured passes
     */
    record Scanned(long[] counts, double seconds, long bytes, long micros, int passes) {

        /** @return rows read per second: every key, which the 100 % filter keeps */
        double rowsPerSecond() {
            return counts[0] / seconds;
        }

        /** @return Redis' bytes sent per row {@code matched} over the measured passes, NaN when unknown */
        double bytesPerMatch(long matched) {
            return bytes < 0 || matched == 0 ? Double.NaN : bytes / (double) (matched * passes);
        }

        /** @return Redis' command µs per row {@code matched} over the measured passes, NaN when unknown */
        double microsPerMatch(long matched) {
            return micros < 0 || matched == 0 ? Double.NaN : micros / (double) (matched * passes);
        }
    }

    private SearchPasses() {
    }

    /**
     * Times a full scan with a client-side filter: one warm-up pass, then the run's measured passes,
     * each of which must keep the rows the first kept, and the 100 % filter every one of {@code keys}.
     *
     * @param bench the run: its measured passes and server cost
     * @param label the progress lines' prefix
     * @param keys the keys the scan must read
     * @param pass one pass: the rows each of {@link SearchMatch#ALL} kept
     * @return the measurement
     * @throws IllegalStateException when a pass reads another number of rows: the data set is not what it should be
     */
    static Scanned timeScan(Bench bench, String label, long keys, Supplier<long[]> pass) {
        long[] warm = pass.get();
        Progress.say("%s: scan + filter warm-up %s", label, Arrays.toString(warm));
        if (warm[0] != keys) {
            throw new IllegalStateException(String.format(Locale.ROOT, "%s: the scan read %,d rows, expected %,d", label,
                    warm[0], keys));
        }
        bench.cost().reset();
        double[] seconds = new double[bench.repetitions()];
        for (int i = 0; i < seconds.length; i++) {
            long start = System.nanoTime();
            long[] counts = pass.get();
            seconds[i] = (System.nanoTime() - start) / 1e9;
            if (!Arrays.equals(counts, warm)) {
                throw new IllegalStateException(String.format(Locale.ROOT, "%s: scan + filter pass %d kept %s, the"
                        + " warm-up %s", label, i + 1, Arrays.toString(counts), Arrays.toString(warm)));
            }
            Progress.say("%s: scan + filter pass %d/%d: %.3f s", label, i + 1, seconds.length, seconds[i]);
        }
        return new Scanned(warm, median(seconds), bench.cost().outputBytes(), bench.cost().commandMicros(),
                seconds.length);
    }

    /**
     * @param bench the run: its measured passes and server cost
     * @param label the progress lines' prefix
     * @param expected the rows the scan's filter kept
     * @param pass one pass
     * @return the measurement
     */
    static Timed time(Bench bench, String label, long expected, Supplier<Pass> pass) {
        Pass warm = pass.get();
        String wrong = problem(warm, expected, label, "warm-up");
        if (wrong != null) {
            return stopped(wrong);
        }
        Progress.say("%s: warm-up %.3f s", label, warm.seconds());
        bench.cost().reset();
        double[] seconds = new double[bench.repetitions()];
        for (int i = 0; i < seconds.length; i++) {
            Pass measured = pass.get();
            wrong = problem(measured, expected, label, "pass " + (i + 1));
            if (wrong != null) {
                return stopped(wrong);
            }
            seconds[i] = measured.seconds();
            Progress.say("%s: pass %d/%d: %.3f s (%,d rows)", label, i + 1, seconds.length, seconds[i], measured.rows());
        }
        return new Timed(median(seconds), bench.cost().outputBytes(), bench.cost().commandMicros(), seconds.length, null);
    }

    /** @return why the pass does not count (and says so), or null when it read exactly the expected rows */
    static String problem(Pass pass, long expected, String label, String when) {
        if (pass.stopped() != null) {
            Progress.say("%s: %s stopped after %.1f s at %,d rows: %s", label, when, pass.seconds(), pass.rows(),
                    pass.stopped());
            return pass.stopped();
        }
        if (pass.rows() != expected) {
            Progress.say("%s: %s read %,d rows; the scan's filter kept %,d", label, when, pass.rows(), expected);
            return String.format(Locale.ROOT, "read %,d rows, not %,d", pass.rows(), expected);
        }
        return null;
    }

    private static Timed stopped(String why) {
        return new Timed(Double.NaN, -1, -1, 0, why);
    }

    /** @return the median of {@code values} */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
