package io.redisarrow.core.internal.search;

import io.redisarrow.core.RawBatch;
import io.redisarrow.core.internal.reply.FieldIndex;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A cursor page of an aggregation read into a {@link RawBatch}: one row per result row, each value
 * in the column of its name ({@link FieldIndex}), names the read does not ask for skipped. A list
 * value (a TOLIST reducer) becomes its JSON array text, strings escaped, so that a List column is
 * decoded by the JSON decoder. Rows carry no key.
 */
final class CursorRows extends CursorReply<CursorRows> {

    private static final byte[] NO_KEY = {};

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final RawBatch batch;

    private final FieldIndex columns;

    private int row = -1;

    private int column = FieldIndex.UNKNOWN;

    private int hint;

    private byte[] scratch = new byte[256];

    private int scratchSize;

    private boolean firstItem;

    /**
     * @param columns the names of the columns, in order
     * @param columnCount how many
     * @param expectedRows rows expected, to size the batch
     */
    CursorRows(FieldIndex columns, int columnCount, int expectedRows) {
        this.columns = columns;
        this.batch = new RawBatch(columnCount, expectedRows, false);
    }

    /** @return the rows read */
    RawBatch batch() {
        return batch;
    }

    @Override
    void beginRow() {
        row = batch.startRow(NO_KEY);
        hint = 0;
    }

    @Override
    void name(ByteBuffer bytes) {
        column = FieldIndex.UNKNOWN;
        if (bytes == null) {
            return;
        }
        int length = bytes.remaining();
        if (bytes.hasArray()) {
            column = columns.find(bytes.array(), bytes.arrayOffset() + bytes.position(), length, hint);
        } else {
            byte[] name = new byte[length];
            bytes.duplicate().get(name);
            column = columns.find(name, 0, length, hint);
        }
        if (column != FieldIndex.UNKNOWN) {
            hint = column + 1;
        }
    }

    @Override
    void value(ByteBuffer bytes) {
        if (column == FieldIndex.UNKNOWN || bytes == null) {
            return;
        }
        int length = bytes.remaining();
        if (bytes.hasArray()) {
            batch.copyValue(row, column, bytes.array(), bytes.arrayOffset() + bytes.position(), length);
        } else {
            ensure(length);
            bytes.duplicate().get(scratch, 0, length);
            batch.copyValue(row, column, scratch, 0, length);
        }
    }

    @Override
    void beginList(int count) {
        scratchSize = 0;
        firstItem = true;
        append((byte) '[');
    }

    @Override
    void listItem(ByteBuffer bytes) {
        if (!firstItem) {
            append((byte) ',');
        }
        firstItem = false;
        if (bytes == null) {
            append((byte) 'n');
            append((byte) 'u');
            append((byte) 'l');
            append((byte) 'l');
            return;
        }
        append((byte) '"');
        ByteBuffer item = bytes.duplicate();
        while (item.hasRemaining()) {
            byte b = item.get();
            if (b == '"' || b == '\\') {
                append((byte) '\\');
                append(b);
            } else if (b >= 0 && b < 0x20) {
                append((byte) '\\');
                append((byte) 'u');
                append((byte) '0');
                append((byte) '0');
                append(HEX[b >> 4]);
                append(HEX[b & 0xf]);
            } else {
                append(b);
            }
        }
        append((byte) '"');
    }

    @Override
    void endList() {
        append((byte) ']');
        if (column != FieldIndex.UNKNOWN) {
            batch.copyValue(row, column, scratch, 0, scratchSize);
        }
    }

    @Override
    void endRow() {
        column = FieldIndex.UNKNOWN;
    }

    private void append(byte b) {
        ensure(scratchSize + 1);
        scratch[scratchSize++] = b;
    }

    private void ensure(int size) {
        if (size > scratch.length) {
            scratch = Arrays.copyOf(scratch, Math.max(size, scratch.length * 2));
        }
    }
}
