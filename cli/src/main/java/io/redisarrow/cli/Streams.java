package io.redisarrow.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.LongConsumer;

/**
 * Where a run writes and whether a person watches: the binary standard output (exports to
 * {@code -}), standard error (progress, summaries, errors), whether standard error is a terminal,
 * and the run's {@link Interruption}.
 *
 * @param out the standard output, written as bytes
 * @param err the standard error
 * @param terminal whether {@code err} is a terminal a person watches (progress is shown only then)
 * @param interruption what cancels the running work
 * @param onRows told the rows done so far after each batch of an export or import (the tests
 *        interrupt a run mid-way with it)
 */
record Streams(OutputStream out, PrintStream err, boolean terminal, Interruption interruption, LongConsumer onRows) {

    /** @return the process's own streams, a terminal when {@link System#console()} says so, Ctrl-C cancelling */
    static Streams system() {
        return new Streams(System.out, System.err, System.console() != null, Interruption.onSigint(), rows -> { });
    }
}
