package io.redisarrow.arrow.internal.write;

import org.apache.arrow.vector.BaseIntVector;
import org.jspecify.annotations.Nullable;

import java.time.Duration;

/**
 * The TTL each row's key gets: none set by the write, the write's fixed TTL, or a column's seconds.
 */
final class RowTtls {

    /** The write sets no TTL: REPLACE and SKIP_EXISTING leave none, MERGE keeps the key's. */
    static final long UNSET = Long.MIN_VALUE;

    /** The row asks for no expiry: an existing TTL is removed. */
    static final long PERSIST = -1;

    private static final RowTtls NONE = new RowTtls(UNSET, null);

    private final long fixedMillis;

    private final @Nullable BaseIntVector column;

    private RowTtls(long fixedMillis, @Nullable BaseIntVector column) {
        this.fixedMillis = fixedMillis;
        this.column = column;
    }

    static RowTtls none() {
        return NONE;
    }

    static RowTtls fixed(Duration ttl) {
        return new RowTtls(ttl.toMillis(), null);
    }

    static RowTtls column(BaseIntVector column) {
        return new RowTtls(UNSET, column);
    }

    /** @return whether the write sets TTLs at all */
    boolean set() {
        return column != null || fixedMillis != UNSET;
    }

    /**
     * @param row the row
     * @return milliseconds ({@code > 0}), {@link #PERSIST} or {@link #UNSET}
     * @throws IllegalArgumentException when the column holds a TTL that is neither positive nor -1
     */
    long millis(int row) {
        if (column == null) {
            return fixedMillis;
        }
        if (column.isNull(row)) {
            return PERSIST;
        }
        long seconds = column.getValueAsLong(row);
        if (seconds == -1) {
            return PERSIST;
        }
        if (seconds < 1 || seconds > Long.MAX_VALUE / 1000) {
            throw new IllegalArgumentException("row " + row + " has TTL " + seconds + " in column '"
                    + column.getField().getName() + "'; a TTL is a positive number of seconds, or null or -1 for"
                    + " no expiry (the batch was not written)");
        }
        return seconds * 1000;
    }
}
