package io.redisarrow.arrow.internal.decode;

import io.redisarrow.core.RawBatch;

/**
 * Which raw rows make each Arrow row of a batch: one raw row each ({@link #perRow(int)}), or each
 * run of consecutive raw rows of one key ({@link #of(RawBatch)}), as a read grouped by key
 * decodes them. Runs cover the raw rows in order, without gaps.
 */
public final class KeyRuns {

    private final int count;

    /** {@code count + 1} boundaries, run {@code r} being {@code [starts[r], starts[r + 1])}; null: one row each. */
    private final int[] starts;

    private KeyRuns(int count, int[] starts) {
        this.count = count;
        this.starts = starts;
    }

    /**
     * @param rows the raw rows
     * @return one Arrow row per raw row
     */
    public static KeyRuns perRow(int rows) {
        return new KeyRuns(rows, null);
    }

    /**
     * @param raw a raw batch
     * @return one Arrow row per run of consecutive rows with equal keys
     */
    public static KeyRuns of(RawBatch raw) {
        int rows = raw.rowCount();
        int[] starts = new int[rows + 1];
        int count = 0;
        for (int row = 0; row < rows; row++) {
            if (!raw.sameKeyAsPrevious(row)) {
                starts[count++] = row;
            }
        }
        starts[count] = rows;
        return new KeyRuns(count, starts);
    }

    /** @return the number of Arrow rows */
    public int count() {
        return count;
    }

    /**
     * @param run an Arrow row
     * @return its first raw row
     */
    public int start(int run) {
        return starts == null ? run : starts[run];
    }

    /**
     * @param run an Arrow row
     * @return the raw row after its last
     */
    public int end(int run) {
        return starts == null ? run + 1 : starts[run + 1];
    }
}
