package io.redisarrow.cli;

import io.redisarrow.core.ScanCheckpoint;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.jspecify.annotations.Nullable;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Rows done so far, shown on standard error as a progress bar ({@link ProgressLine}: rows, rows/s
 * and, when the total is known, the percent and the ETA) only when a person watches: standard
 * error is a terminal and {@code --quiet} was not given. Counts the rows either way, for the
 * summary line.
 *
 * <p>A scan is measured in keys: each batch's {@link ScanCheckpoint} says how many keys the scan
 * has delivered, set against the database's key count ({@code keyCount()}, an upper bound). An
 * import, a search or a limited export is measured in rows.
 */
final class Progress implements AutoCloseable {

    private static final int WIDTH = 79;

    private final AtomicLong rows = new AtomicLong();

    private final AtomicLong keys;

    private final long startNanos = System.nanoTime();

    private final String task;

    private final long total;

    private final long rowsBefore;

    private final long keysBefore;

    private final LongConsumer listener;

    private @Nullable ProgressBar bar;

    private volatile boolean finished;

    private volatile long endNanos;

    private Progress(String task, long total, long rowsBefore, long keysBefore, boolean byKeys, LongConsumer listener) {
        this.task = task;
        this.total = total;
        this.rowsBefore = rowsBefore;
        this.keysBefore = keysBefore;
        this.keys = new AtomicLong(byKeys ? keysBefore : -1);
        this.listener = listener;
    }

    /**
     * Progress counted in rows.
     *
     * @param task the bar's title, such as {@code export}
     * @param total the rows expected, or {@code -1} when unknown (no percent and no ETA then)
     * @param streams where to draw, and who else to tell
     * @param shown whether to draw at all
     * @return the progress
     */
    static Progress start(String task, long total, Streams streams, boolean shown) {
        return start(task, total, 0, streams, shown);
    }

    /**
     * Progress counted in rows, some done before (a resumed export's).
     *
     * @param task the bar's title, such as {@code export}
     * @param total the rows expected in all, or {@code -1} when unknown (no percent and no ETA then)
     * @param rowsBefore the rows done before this run
     * @param streams where to draw, and who else to tell
     * @param shown whether to draw at all
     * @return the progress
     */
    static Progress start(String task, long total, long rowsBefore, Streams streams, boolean shown) {
        return new Progress(task, total, rowsBefore, 0, false, streams.onRows()).draw(shown, streams);
    }

    /**
     * Progress of a scan, counted in the keys it has delivered.
     *
     * @param task the bar's title, such as {@code export}
     * @param keyCount the keys in the database (an upper bound), or {@code -1} when unknown
     * @param resumed the checkpoint a resumed scan starts from (its keys and rows count as done), or
     *        {@code null}
     * @param streams where to draw, and who else to tell
     * @param shown whether to draw at all
     * @return the progress
     */
    static Progress keys(String task, long keyCount, @Nullable ScanCheckpoint resumed, Streams streams, boolean shown) {
        return new Progress(task, keyCount, resumed == null ? 0 : resumed.rows(),
                resumed == null ? 0 : resumed.keysDelivered(), true, streams.onRows()).draw(shown, streams);
    }

    private Progress draw(boolean shown, Streams streams) {
        if (shown) {
            bar = new ProgressBarBuilder().setTaskName(task).setUpdateIntervalMillis(250)
                    .setRenderer((state, width) -> line().render(width))
                    .setConsumer(new ConsoleProgressBarConsumer(streams.err(), WIDTH)).build();
        }
        return this;
    }

    /** @param done rows just done */
    void add(long done) {
        long now = rows.addAndGet(done);
        if (bar != null) {
            bar.stepBy(done);
        }
        listener.accept(now);
    }

    /**
     * @param done rows just done
     * @param at the checkpoint of the batch that held them: the keys the scan has delivered
     */
    void add(long done, @Nullable ScanCheckpoint at) {
        if (at != null && keys.get() >= 0) {
            keys.set(at.keysDelivered());
        }
        add(done);
    }

    /** @return rows done in this run */
    long rows() {
        return rows.get();
    }

    /** @return seconds since the start, or from the start to {@link #finish()} */
    double seconds() {
        return ((finished ? endNanos : System.nanoTime()) - startNanos) / 1e9;
    }

    /** @return the frame to draw now */
    ProgressLine line() {
        double seconds = seconds();
        long done = rows.get();
        long keysNow = keys.get();
        double rate = done / Math.max(seconds, 1e-9);
        double eta = -1;
        if (total >= 0) {
            long progressed = keysNow >= 0 ? keysNow - keysBefore : done;
            long left = total - (keysNow >= 0 ? keysNow : rowsBefore + done);
            eta = progressed <= 0 ? -1 : Math.max(0, left) * seconds / progressed;
        }
        return new ProgressLine(task, keysNow, total, rowsBefore + done, total, seconds, rate, eta, finished);
    }

    /** Stops drawing, leaving the last state, finished, on screen; closing again does nothing. */
    synchronized void finish() {
        if (!finished) {
            endNanos = System.nanoTime();
            finished = true;
        }
        close();
    }

    /** Stops drawing, leaving the last state on screen; closing again does nothing. */
    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
