package io.redisarrow.benchmarks;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;

import java.util.BitSet;

/**
 * Which of the hashes {@code bench:user:<12-digit i>}, i from 0 to N - 1, a pass read, and how many rows
 * it read again: a scan may hand a key on twice (a read that retries from the last position it handed
 * on, slots read again after the topology changed), and a pass must still read every key. Reads the
 * key column's bytes in place, without a String per row. Not thread-safe: fed from one Flux, in order.
 */
final class KeyTally {

    private static final int DIGITS = 12;

    private final int keys;

    private final BitSet seen;

    private long rows;

    private long foreign;

    /** @param keys N */
    KeyTally(int keys) {
        this.keys = keys;
        this.seen = new BitSet(keys);
    }

    /**
     * Counts a batch's keys.
     *
     * @param column the batch's key column
     */
    void add(BaseVariableWidthVector column) {
        ArrowBuf offsets = column.getOffsetBuffer();
        ArrowBuf data = column.getDataBuffer();
        int count = column.getValueCount();
        for (int i = 0; i < count; i++) {
            int end = offsets.getInt((long) (i + 1) * BaseVariableWidthVector.OFFSET_WIDTH);
            int start = offsets.getInt((long) i * BaseVariableWidthVector.OFFSET_WIDTH);
            long index = column.isNull(i) || end - start < DIGITS ? -1 : index(data, end - DIGITS, end);
            record(index);
        }
    }

    /** @param index the key's number, or -1 for a key not of the data set */
    void record(long index) {
        rows++;
        if (index < 0 || index >= keys) {
            foreign++;
        } else {
            seen.set((int) index);
        }
    }

    private static long index(ArrowBuf data, int from, int to) {
        long value = 0;
        for (int at = from; at < to; at++) {
            int digit = data.getByte(at) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** @return rows counted */
    long rows() {
        return rows;
    }

    /** @return the rows beyond the first of each key: rows read again */
    long again() {
        return rows - foreign - seen.cardinality();
    }

    /**
     * @return why the pass is not a whole read of the N keys, or null when every key was read (some
     *         perhaps twice) and nothing else
     */
    String problem() {
        int missing = keys - seen.cardinality();
        if (missing == 0 && foreign == 0) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "%,d of %,d keys not read, %,d rows of other keys", missing, keys,
                foreign);
    }
}
