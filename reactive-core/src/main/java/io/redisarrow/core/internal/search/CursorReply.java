package io.redisarrow.core.internal.search;

import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.CommandOutput;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes one page of a query cursor, as {@code FT.AGGREGATE ... WITHCURSOR} and
 * {@code FT.CURSOR READ} send it in RESP2: {@code [[total, row, row, ...], cursor]}, each row a
 * flat list {@code [name, value, name, value, ...]} whose values are bulk strings, nils, or lists of
 * bulk strings (a TOLIST reducer). Tracks the nesting and hands each row's names and values to a
 * subclass as they arrive, straight from Lettuce's buffers; keeps the cursor id ({@code 0}: the
 * results are exhausted and the server has freed the cursor).
 *
 * @param <T> the subclass, which is its own output
 */
abstract class CursorReply<T extends CursorReply<T>> extends CommandOutput<byte[], byte[], T> {

    /** Depth of a row's elements: the outer pair, the results list, the row. */
    private static final int ROW = 3;

    private int[] remaining = new int[6];

    private int depth;

    private long cursor = -1;

    private boolean expectName = true;

    @SuppressWarnings("unchecked")
    CursorReply() {
        super(ByteArrayCodec.INSTANCE, null);
        this.output = (T) this;
    }

    /** @return the cursor id to read next, {@code 0} when the results are exhausted */
    final long cursor() {
        return cursor;
    }

    /** @return whether the server has freed the cursor */
    final boolean exhausted() {
        return cursor == 0;
    }

    @Override
    public final void multi(int count) {
        if (depth == ROW - 1) {
            beginRow();
            expectName = true;
            if (count <= 0) {
                endRow();
                elementDone();
                return;
            }
        } else if (depth == ROW) {
            beginList(Math.max(0, count));
            if (count <= 0) {
                endList();
                expectName = true;
                elementDone();
                return;
            }
        } else if (count <= 0) {
            elementDone();
            return;
        }
        if (depth == remaining.length) {
            remaining = Arrays.copyOf(remaining, depth * 2);
        }
        remaining[depth++] = count;
    }

    @Override
    public final void set(ByteBuffer bytes) {
        scalar(bytes);
        elementDone();
    }

    @Override
    public final void set(long integer) {
        if (depth == 1) {
            cursor = integer;
        } else if (depth >= ROW) {
            scalar(ByteBuffer.wrap(Long.toString(integer).getBytes(StandardCharsets.US_ASCII)));
        }
        elementDone();
    }

    @Override
    public final void set(double number) {
        scalar(ByteBuffer.wrap(Double.toString(number).getBytes(StandardCharsets.US_ASCII)));
        elementDone();
    }

    private void scalar(ByteBuffer bytes) {
        if (depth == ROW) {
            if (expectName) {
                name(bytes);
            } else {
                value(bytes);
            }
            expectName = !expectName;
        } else if (depth == ROW + 1) {
            listItem(bytes);
        }
    }

    /** One element of the innermost open list is complete: closes the lists that this completes. */
    private void elementDone() {
        while (depth > 0 && --remaining[depth - 1] == 0) {
            int closed = depth--;
            if (closed == ROW + 1) {
                endList();
                expectName = true;
            } else if (closed == ROW) {
                endRow();
            }
        }
    }

    /** A row starts. */
    abstract void beginRow();

    /** @param bytes a name in the row (valid only during the call) */
    abstract void name(ByteBuffer bytes);

    /** @param bytes the value of the last name, or null for a nil (valid only during the call) */
    abstract void value(ByteBuffer bytes);

    /** @param count the items of the list value of the last name */
    void beginList(int count) {
    }

    /** @param bytes an item of the list value, or null for a nil */
    void listItem(ByteBuffer bytes) {
    }

    /** The list value has ended. */
    void endList() {
    }

    /** The row has ended. */
    abstract void endRow();
}
