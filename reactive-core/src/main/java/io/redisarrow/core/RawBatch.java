package io.redisarrow.core;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;

/**
 * The raw values of one fetched batch, as Redis sent them: the service-provider boundary between
 * the Redis side ({@code reactive-core}) and a decoder (such as {@code reactive-arrow}).
 *
 * <p>A batch is a table of {@link #rowCount()} rows by {@link #columnCount()} columns of byte
 * strings, plus the key of each row and, when asked for, its time to live. Every byte string
 * lives in one shared array, {@link #data()}, addressed by offset and length, so a batch costs a
 * handful of allocations however many values it carries. A value whose length is {@code -1} is
 * missing (the field does not exist in that key).
 *
 * <p>Instances are built by the fetch stages on the I/O thread and handed to exactly one
 * consumer; they are not thread-safe and are never reused. They hold only heap memory.
 */
public final class RawBatch {

    /** Length reported by {@link #valueLength(int, int)} for a missing value. */
    public static final int MISSING = -1;

    /** The most bytes of raw values one batch holds: the largest Java array. */
    public static final int MAX_DATA_BYTES = Integer.MAX_VALUE - 8;

    private final int columnCount;

    private byte[] data;

    private int dataSize;

    private int rowCount;

    private int[] keyOffsets;

    private int[] keyLengths;

    private int[] valueOffsets;

    private int[] valueLengths;

    private long[] ttls;

    private final boolean withTtl;

    private long firstRowIndex;

    private final int maxDataBytes;

    private long keysRead = -1;

    private ScanCheckpoint.@Nullable Node node;

    private int part;

    private @Nullable ScanCheckpoint checkpoint;

    /**
     * Creates an empty batch.
     *
     * @param columnCount number of value columns per row, {@code >= 0}
     * @param expectedRows rows to size the arrays for; the batch grows past it when needed
     * @param withTtl whether each row carries a TTL
     */
    public RawBatch(int columnCount, int expectedRows, boolean withTtl) {
        this(columnCount, expectedRows, Math.min(1 << 20, expectedRows * 16L), withTtl, MAX_DATA_BYTES);
    }

    /**
     * Creates an empty batch sized for its expected bytes too, so that it does not grow on the way.
     *
     * @param columnCount number of value columns per row, {@code >= 0}
     * @param expectedRows rows to size the arrays for; the batch grows past it when needed
     * @param expectedBytes bytes of keys and values to size the data for (at most 16 MiB are
     *        reserved up front); the batch grows past it when needed
     * @param withTtl whether each row carries a TTL
     */
    public RawBatch(int columnCount, int expectedRows, long expectedBytes, boolean withTtl) {
        this(columnCount, expectedRows, expectedBytes, withTtl, MAX_DATA_BYTES);
    }

    /** As {@link #RawBatch(int, int, boolean)}, with a lower bound on the raw bytes (for tests). */
    RawBatch(int columnCount, int expectedRows, boolean withTtl, int maxDataBytes) {
        this(columnCount, expectedRows, Math.min(1 << 20, expectedRows * 16L), withTtl, maxDataBytes);
    }

    private RawBatch(int columnCount, int expectedRows, long expectedBytes, boolean withTtl, int maxDataBytes) {
        this.maxDataBytes = maxDataBytes;
        if (columnCount < 0) {
            throw new IllegalArgumentException("columnCount must be >= 0");
        }
        int rows = Math.max(1, expectedRows);
        this.columnCount = columnCount;
        this.withTtl = withTtl;
        this.data = new byte[(int) Math.min(Math.min(maxDataBytes, 16 << 20), Math.max(64L, expectedBytes))];
        this.keyOffsets = new int[rows];
        this.keyLengths = new int[rows];
        int slots = slots(rows, columnCount);
        this.valueOffsets = new int[slots];
        this.valueLengths = new int[slots];
        this.ttls = withTtl ? new long[rows] : new long[0];
    }

    /** @return number of complete rows */
    public int rowCount() {
        return rowCount;
    }

    /** @return number of value columns per row */
    public int columnCount() {
        return columnCount;
    }

    /** @return whether {@link #ttl(int)} is meaningful */
    public boolean hasTtl() {
        return withTtl;
    }

    /**
     * The shared byte array holding every key and value of this batch. Read it only through the
     * offsets and lengths this batch reports; bytes past them are undefined.
     *
     * @return the backing array (not a copy)
     */
    public byte[] data() {
        return data;
    }

    /** @return bytes used in {@link #data()} */
    public int dataSize() {
        return dataSize;
    }

    /**
     * @param row row index
     * @return offset of the row's key in {@link #data()}
     */
    public int keyOffset(int row) {
        return keyOffsets[row];
    }

    /**
     * @param row row index
     * @return length of the row's key in bytes
     */
    public int keyLength(int row) {
        return keyLengths[row];
    }

    /**
     * @param row row index
     * @return whether the row's key is the previous row's (the rows of one collection key follow
     *         each other): one run of rows of a key ends where this is false
     */
    public boolean sameKeyAsPrevious(int row) {
        if (row == 0) {
            return false;
        }
        int previous = keyOffsets[row - 1];
        int current = keyOffsets[row];
        int length = keyLengths[row];
        return keyLengths[row - 1] == length && (previous == current
                || Arrays.equals(data, previous, previous + length, data, current, current + length));
    }

    /**
     * @param row row index
     * @return a copy of the row's key
     */
    public byte[] key(int row) {
        return Arrays.copyOfRange(data, keyOffsets[row], keyOffsets[row] + keyLengths[row]);
    }

    /**
     * @param row row index
     * @param column column index
     * @return offset of the value in {@link #data()}; undefined when the value is missing
     */
    public int valueOffset(int row, int column) {
        return valueOffsets[row * columnCount + column];
    }

    /**
     * @param row row index
     * @param column column index
     * @return length of the value in bytes, or {@link #MISSING}
     */
    public int valueLength(int row, int column) {
        return valueLengths[row * columnCount + column];
    }

    /**
     * @param row row index
     * @return the TTL in seconds as Redis reports it ({@code -1}: no expiry)
     * @throws IllegalStateException when the batch was fetched without TTLs
     */
    public long ttl(int row) {
        if (!withTtl) {
            throw new IllegalStateException("this batch was fetched without TTLs");
        }
        return ttls[row];
    }

    /**
     * @return the 0-based index, across the whole read, of this batch's first row
     */
    public long firstRowIndex() {
        return firstRowIndex;
    }

    /**
     * @param index the 0-based index, across the whole read, of this batch's first row
     */
    public void firstRowIndex(long index) {
        this.firstRowIndex = index;
    }

    /**
     * @return the keys of the read's key source whose rows are all in this batch or an earlier one,
     *         or -1 when the read does not track it (set by the read path)
     */
    public long keysRead() {
        return keysRead;
    }

    /** @param keys see {@link #keysRead()} */
    public void keysRead(long keys) {
        this.keysRead = keys;
    }

    /**
     * @return where the scan of the node this batch came from stood once it was handed on, or null
     *         when the read does not track it (set by the read path)
     */
    public ScanCheckpoint.@Nullable Node node() {
        return node;
    }

    /** @return which part of the read (which node's scan) {@link #node()} belongs to */
    public int part() {
        return part;
    }

    /**
     * @param part which part of the read (which node's scan, 0 for a standalone read)
     * @param node see {@link #node()}; null when the batch does not move its node's position (the
     *        row limit cut it, so not all its keys are handed on)
     */
    public void node(int part, ScanCheckpoint.@Nullable Node node) {
        this.part = part;
        this.node = node;
    }

    /**
     * @return where the whole scan stood once this batch was handed on: save it, and a scan started
     *         from it reads what came after (see {@link ScanCheckpoint}); null for reads that cannot
     *         resume (search, aggregation)
     */
    public @Nullable ScanCheckpoint checkpoint() {
        return checkpoint;
    }

    /** @param checkpoint see {@link #checkpoint()} */
    public void checkpoint(ScanCheckpoint checkpoint) {
        this.checkpoint = checkpoint;
    }

    /**
     * Keeps only the first {@code rows} rows.
     *
     * @param rows rows to keep, {@code 0 <= rows <= rowCount()}
     */
    public void truncate(int rows) {
        if (rows < 0 || rows > rowCount) {
            throw new IllegalArgumentException("rows must be between 0 and " + rowCount);
        }
        rowCount = rows;
    }

    // ---- building (used by fetch stages) ----

    /**
     * Starts a new row whose values are all missing until set.
     *
     * @param key the key bytes (copied)
     * @return the new row's index
     */
    public int startRow(byte[] key) {
        return startRow(key, 0, key.length);
    }

    /**
     * Starts a new row whose values are all missing until set.
     *
     * @param key array holding the key
     * @param offset offset of the key
     * @param length length of the key
     * @return the new row's index
     */
    public int startRow(byte[] key, int offset, int length) {
        int row = rowCount;
        ensureRows(row + 1);
        ensureData(length, key, offset, length);
        keyOffsets[row] = append(key, offset, length);
        keyLengths[row] = length;
        int base = row * columnCount;
        Arrays.fill(valueLengths, base, base + columnCount, MISSING);
        rowCount = row + 1;
        return row;
    }

    /**
     * Starts a new row whose key is the previous row's, without copying it again (the rows of one
     * collection key share its bytes).
     *
     * @return the new row's index
     * @throws IllegalStateException when the batch has no row yet
     */
    public int startRowWithPreviousKey() {
        if (rowCount == 0) {
            throw new IllegalStateException("no previous row");
        }
        int row = rowCount;
        ensureRows(row + 1);
        keyOffsets[row] = keyOffsets[row - 1];
        keyLengths[row] = keyLengths[row - 1];
        int base = row * columnCount;
        Arrays.fill(valueLengths, base, base + columnCount, MISSING);
        rowCount = row + 1;
        return row;
    }

    /**
     * Copies a value of a row into the batch.
     *
     * @param row row index
     * @param column column index
     * @param source the array holding the value
     * @param offset where the value starts
     * @param length value length in bytes
     * @throws BatchTooLargeException when the batch's raw bytes would pass its limit (names the key)
     */
    public void copyValue(int row, int column, byte[] source, int offset, int length) {
        ensureData(length, data, keyOffsets[row], keyLengths[row]);
        int slot = row * columnCount + column;
        System.arraycopy(source, offset, data, dataSize, length);
        valueOffsets[slot] = dataSize;
        valueLengths[slot] = length;
        dataSize += length;
    }

    /**
     * Sets the TTL of a row.
     *
     * @param row row index
     * @param ttlSeconds TTL in seconds
     */
    public void setTtl(int row, long ttlSeconds) {
        ttls[row] = ttlSeconds;
    }


    /**
     * Keeps only the rows for which {@code keep[row]} is true, preserving order.
     *
     * @param keep one flag per row
     */
    public void retainRows(boolean[] keep) {
        int out = 0;
        for (int row = 0; row < rowCount; row++) {
            if (!keep[row]) {
                continue;
            }
            if (out != row) {
                keyOffsets[out] = keyOffsets[row];
                keyLengths[out] = keyLengths[row];
                System.arraycopy(valueOffsets, row * columnCount, valueOffsets, out * columnCount, columnCount);
                System.arraycopy(valueLengths, row * columnCount, valueLengths, out * columnCount, columnCount);
                if (withTtl) {
                    ttls[out] = ttls[row];
                }
            }
            out++;
        }
        rowCount = out;
    }

    private int append(byte[] bytes, int offset, int length) {
        System.arraycopy(bytes, offset, data, dataSize, length);
        int at = dataSize;
        dataSize += length;
        return at;
    }

    /** Makes room for {@code extra} more bytes; the key is named if they do not fit. */
    private void ensureData(int extra, byte[] keyData, int keyOffset, int keyLength) {
        long needed = (long) dataSize + extra;
        if (needed > data.length) {
            if (needed > maxDataBytes) {
                throw new BatchTooLargeException("the raw values of one batch exceed " + maxDataBytes
                        + " bytes (the largest Java array) at key '" + printable(keyData, keyOffset, keyLength)
                        + "'; lower batchSize or project fewer fields");
            }
            data = Arrays.copyOf(data, (int) Math.min(maxDataBytes, Math.max(needed, data.length * 2L)));
        }
    }

    private void ensureRows(int rows) {
        if (rows <= keyOffsets.length) {
            return;
        }
        int capacity = (int) Math.min(Math.max(rows, keyOffsets.length * 2L), MAX_DATA_BYTES);
        keyOffsets = Arrays.copyOf(keyOffsets, capacity);
        keyLengths = Arrays.copyOf(keyLengths, capacity);
        int slots = slots(capacity, columnCount);
        valueOffsets = Arrays.copyOf(valueOffsets, slots);
        valueLengths = Arrays.copyOf(valueLengths, slots);
        if (withTtl) {
            ttls = Arrays.copyOf(ttls, capacity);
        }
    }

    /** @return value slots for {@code rows x columns}, or a clear error when they do not fit one array */
    private static int slots(int rows, int columns) {
        long slots = (long) rows * Math.max(1, columns);
        if (slots > MAX_DATA_BYTES) {
            throw new BatchTooLargeException("a batch of " + rows + " rows x " + columns + " columns has more than "
                    + MAX_DATA_BYTES + " values (one Java array); lower batchSize or project fewer fields");
        }
        return (int) slots;
    }

    /** @return the key of a row for messages: UTF-8 where valid, bytes escaped otherwise, capped */
    private static String printable(byte[] keyData, int keyOffset, int keyLength) {
        int length = Math.min(keyLength, 200);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int b = keyData[keyOffset + i] & 0xff;
            if (b >= 0x20 && b < 0x7f) {
                text.append((char) b);
            } else {
                text.append(String.format("\\x%02x", b));
            }
        }
        return keyLength > length ? text + "... (" + keyLength + " bytes)" : text.toString();
    }
}
