package io.redisarrow.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures a write the way the write tables need: before every pass (warm-up included, none of it
 * timed) the scenario's keys are deleted and the input is prepared (fresh Arrow batches, or RESP
 * generated); the pass is timed; afterwards the keys the pass added are checked (DBSIZE). Redis'
 * cost is its process CPU time (INFO cpu) over the measured passes per row: INFO commandstats
 * counts a command run by EXEC or a script both on its own and inside EXEC's or EVALSHA's time, so
 * its sum over-counts exactly the atomic forms compared here.
 */
final class WritePasses {

    /** A prepared pass, to be timed. */
    @FunctionalInterface
    interface Timed {

        /** @return what the pass wrote */
        Done run();
    }

    /** Prepares a pass: everything a pass needs that is not timed. */
    @FunctionalInterface
    interface Preparer {

        /** @return the pass, ready to run */
        Timed prepare();
    }

    /**
     * What a pass did.
     *
     * @param rows the rows written
     * @param rowsPerSecond the rate a tool reported itself (redis-benchmark), or NaN to take rows over the pass's time
     */
    record Done(long rows, double rowsPerSecond) {

        static Done rows(long rows) {
            return new Done(rows, Double.NaN);
        }
    }

    /** Checks the keys a pass added. */
    @FunctionalInterface
    interface KeyCheck {

        /**
         * @param added DBSIZE after the pass less DBSIZE before
         * @throws IllegalStateException when the pass did not write what it should
         */
        void check(long added);

        /** @return a check that exactly {@code n} keys were added */
        static KeyCheck exactly(long n) {
            return added -> {
                if (added != n) {
                    throw new IllegalStateException(String.format(Locale.ROOT, "the pass added %,d keys, expected %,d",
                            added, n));
                }
            };
        }

        /**
         * @return a check for {@code n} writes to keys drawn at random from {@code n}: about 63 % of
         *         them distinct, at least half asked for, never more than {@code n}
         */
        static KeyCheck randomOf(long n) {
            return added -> {
                if (added < n / 2 || added > n) {
                    throw new IllegalStateException(String.format(Locale.ROOT, "the pass added %,d keys; %,d writes to"
                            + " random keys of %,d add between %,d and %,d", added, n, n, n / 2, n));
                }
            };
        }
    }

    private WritePasses() {
    }

    /**
     * One warm-up pass and {@code repetitions} measured passes, each prepared, timed and checked.
     *
     * @param scenario the row's name
     * @param parallel the parallel column
     * @param repetitions measured passes
     * @param db the writes' database
     * @param pattern the keys the scenario writes, deleted before each pass
     * @param keys the check of the keys each pass adds
     * @param preparer prepares each pass
     * @param cost the run's server-cost probe (reset after the warm-up, as every table's)
     * @return the rates, with Redis' CPU µs per row over the measured passes
     */
    static Measurement measure(String scenario, String parallel, int repetitions, WritesDatabase db, String pattern,
            KeyCheck keys, Preparer preparer, ServerCost cost) {
        List<double[]> cpu = new ArrayList<>();
        Measurement m = Measurement.run(scenario, parallel, repetitions, () -> {
            db.clear(pattern);
            long before = db.dbsize();
            Timed timed = preparer.prepare();
            double cpuBefore = db.cpuSeconds();
            long start = System.nanoTime();
            Done done = timed.run();
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = db.cpuSeconds() - cpuBefore;
            long added = db.dbsize() - before;
            keys.check(added);
            cpu.add(new double[] { cpuSeconds, done.rows() });
            double rate = Double.isNaN(done.rowsPerSecond()) ? done.rows() / seconds : done.rowsPerSecond();
            return new Measurement.Pass(rate, done.rows(), String.format(Locale.ROOT,
                    "%,d rows in %.2f s, %,d keys added, server CPU %.2f s", done.rows(), seconds, added, cpuSeconds));
        }, cost);
        return new Measurement(m.scenario(), m.parallel(), m.rowsPerSecond(), cpuMicrosPerRow(cpu));
    }

    /** @return CPU µs per row over every pass but the first (the warm-up), NaN when unknown */
    static double cpuMicrosPerRow(List<double[]> passes) {
        double seconds = 0;
        double rows = 0;
        for (double[] pass : passes.subList(Math.min(1, passes.size()), passes.size())) {
            seconds += pass[0];
            rows += pass[1];
        }
        return rows == 0 ? Double.NaN : seconds * 1e6 / rows;
    }
}
