package io.redisarrow.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Rows done so far, shown on standard error as a progress bar (rows, rows/s and, when the total is
 * known, the ETA) only when a person watches: standard error is a terminal and {@code --quiet} was
 * not given. Counts the rows either way, for the summary line.
 */
final class Progress implements AutoCloseable {

    private static final int WIDTH = 79;

    private final AtomicLong rows = new AtomicLong();

    private final long startNanos = System.nanoTime();

    private final ProgressBar bar;

    private final LongConsumer listener;

    private boolean finished;

    private Progress(ProgressBar bar, LongConsumer listener) {
        this.bar = bar;
        this.listener = listener;
    }

    /**
     * @param task the bar's title, such as {@code export}
     * @param total the rows expected, or {@code -1} when unknown (no ETA then)
     * @param streams where to draw, and who else to tell
     * @param shown whether to draw at all
     * @return the progress
     */
    static Progress start(String task, long total, Streams streams, boolean shown) {
        if (!shown) {
            return new Progress(null, streams.onRows());
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total > 0 ? total : -1)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" rows", 1).showSpeed(new java.text.DecimalFormat("#,##0", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))).setSpeedUnit(ChronoUnit.SECONDS)
                .setUpdateIntervalMillis(250).setConsumer(new ConsoleProgressBarConsumer(streams.err(), WIDTH)).build();
        return new Progress(bar, streams.onRows());
    }

    /** @param done rows just done */
    void add(long done) {
        long now = rows.addAndGet(done);
        if (bar != null) {
            bar.stepBy(done);
        }
        listener.accept(now);
    }

    /** @return rows done */
    long rows() {
        return rows.get();
    }

    /** @return seconds since the start */
    double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Stops drawing, leaving the last state on screen; closing again does nothing. */
    void finish() {
        if (bar != null && !finished) {
            finished = true;
            bar.close();
        }
    }

    /** Stops drawing. */
    @Override
    public void close() {
        finish();
    }
}
