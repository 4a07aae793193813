package io.redisarrow.core.internal.reply;

import io.redisarrow.core.RawBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the replies of one round trip of collection windows into {@link RawBatch}es, one row per
 * element or stream entry, in window order: a set's member; a list's element and its position; a
 * sorted set's member and score; a stream entry's id (milliseconds and sequence, two columns)
 * followed by the read's fields. Each row carries its key's TTL when the read asks for it. When a
 * batch reaches {@code batchSize} rows the next row starts a new batch, so no batch is larger
 * whatever a reply holds (a set that grew, an SSCAN page larger than its COUNT). A window whose key
 * now holds another type (WRONGTYPE) gives no rows; the first other error is kept. Every method runs
 * on the channel's event loop.
 */
public final class ElementReplies extends PendingReplies {

    private enum Stage { TOP, CURSOR, MEMBERS, ELEMENT, MEMBER, SCORE, ENTRY, ID, FIELDS, NAME, VALUE, DONE }

    private final List<Window> windows;

    private final int columnCount;

    private final int batchSize;

    private final long[] ttls;

    private final FieldIndex fields;

    private final List<RawBatch> batches = new ArrayList<>(1);

    private final byte[] digits = new byte[20];

    /** where the current position's digits start in {@link #digits} */
    private int digitsAt;

    private final int bytesPerRow;

    /** the window whose key the current batch's last row holds, or null */
    private Window keyOfLastRow;

    private RawBatch current;

    private Window window;

    private Stage stage;

    private int row;

    private int column;

    private int hint;

    private int otherTypes;

    private String error;

    private Window errorWindow;

    private byte[] cursor;

    private Consumer<byte[]> cursorAction;

    /**
     * @param windows the round trip's windows, one reply each, in order
     * @param columnCount value columns per row
     * @param batchSize the most rows per batch
     * @param ttls each key's TTL by key index, or null when rows carry none
     * @param fields a stream read's fields (column 2 onwards), else an empty index
     */
    public ElementReplies(List<Window> windows, int columnCount, int batchSize, long[] ttls, FieldIndex fields) {
        this(windows, columnCount, batchSize, ttls, fields, 32);
    }

    /**
     * @param windows the round trip's windows, one reply each, in order
     * @param columnCount value columns per row
     * @param batchSize the most rows per batch
     * @param ttls each key's TTL by key index, or null when rows carry none
     * @param fields a stream read's fields (column 2 onwards), else an empty index
     * @param bytesPerRow the raw bytes a row is expected to take, to size each batch once
     */
    public ElementReplies(List<Window> windows, int columnCount, int batchSize, long[] ttls, FieldIndex fields,
            int bytesPerRow) {
        super(windows.size());
        this.windows = windows;
        this.columnCount = columnCount;
        this.batchSize = batchSize;
        this.ttls = ttls;
        this.fields = fields;
        this.bytesPerRow = bytesPerRow;
        long asked = 0;
        for (Window w : windows) {
            asked += w.count();
        }
        this.current = newBatch(asked);
    }

    /** @return the batches read, in order, none of them empty */
    public List<RawBatch> batches() {
        if (current.rowCount() > 0) {
            batches.add(current);
            current = newBatch(0);
        }
        return batches;
    }

    /** @return how many windows answered WRONGTYPE */
    public int otherTypes() {
        return otherTypes;
    }

    /** @return the first error reply other than WRONGTYPE, or null */
    public String error() {
        return error;
    }

    /** @return the window of {@link #error()} */
    public Window errorWindow() {
        return errorWindow;
    }

    /**
     * Runs {@code action} with the cursor of this round trip's SSCAN reply as soon as it has
     * arrived (at once if it has), on the thread that sees it first; never when the reply has none.
     *
     * @param action what to do with the cursor
     */
    public void whenCursor(Consumer<byte[]> action) {
        byte[] known;
        synchronized (this) {
            known = cursor;
            if (known == null) {
                cursorAction = action;
                return;
            }
        }
        action.accept(known);
    }

    @Override
    public void beginReply() {
        window = windows.get(reply);
        stage = Stage.TOP;
    }

    /** A stream window's last id is taken once, from its last row, when its reply has ended. */
    @Override
    protected void replyEnded() {
        if (window.op() == Window.Op.XRANGE && window.got() > 0) {
            int msLength = current.valueLength(row, 0);
            int seqLength = current.valueLength(row, 1);
            byte[] id = new byte[msLength + 1 + seqLength];
            System.arraycopy(current.data(), current.valueOffset(row, 0), id, 0, msLength);
            id[msLength] = '-';
            System.arraycopy(current.data(), current.valueOffset(row, 1), id, msLength + 1, seqLength);
            window.lastId(id);
        }
    }

    @Override
    public void array(int count) {
        switch (stage) {
            case TOP -> stage = switch (window.op()) {
                case SSCAN -> Stage.CURSOR;
                case SMEMBERS, LRANGE -> Stage.ELEMENT;
                case ZRANGE -> Stage.MEMBER;
                case XRANGE -> Stage.ENTRY;
            };
            case MEMBERS -> stage = Stage.ELEMENT;
            case ENTRY, NAME -> stage = Stage.ID;
            case FIELDS -> stage = count > 0 ? Stage.NAME : Stage.ENTRY;
            default -> throw protocol("an array");
        }
    }

    @Override
    public void bulk(byte[] data, int offset, int length) {
        switch (stage) {
            case CURSOR -> {
                byte[] next = Arrays.copyOfRange(data, offset, offset + length);
                window.cursor(next);
                stage = Stage.MEMBERS;
                cursorArrived(next);
            }
            case ELEMENT -> {
                startRow();
                current.copyValue(row, 0, data, offset, length);
                if (window.op() == Window.Op.LRANGE) {
                    nextPosition();
                    current.copyValue(row, 1, digits, digitsAt, digits.length - digitsAt);
                }
            }
            case MEMBER -> {
                startRow();
                current.copyValue(row, 0, data, offset, length);
                stage = Stage.SCORE;
            }
            case SCORE -> {
                current.copyValue(row, 1, data, offset, length);
                stage = Stage.MEMBER;
            }
            case ID -> {
                startRow();
                id(data, offset, length);
                stage = Stage.FIELDS;
                hint = 0;
            }
            case NAME -> {
                column = fields.find(data, offset, length, hint);
                if (column != FieldIndex.UNKNOWN) {
                    hint = column + 1;
                }
                stage = Stage.VALUE;
            }
            case VALUE -> {
                if (column != FieldIndex.UNKNOWN) {
                    current.copyValue(row, 2 + column, data, offset, length);
                }
                stage = Stage.NAME;
            }
            default -> throw protocol("a bulk string");
        }
    }

    @Override
    public void nil() {
        if (stage != Stage.VALUE) {
            throw protocol("a nil");
        }
        stage = Stage.NAME;
    }

    @Override
    public void integer(long value) {
        throw protocol("an integer");
    }

    @Override
    public void simple(byte[] data, int offset, int length) {
        throw protocol("a simple string");
    }

    @Override
    public void error(String message) {
        stage = Stage.DONE;
        if (message.startsWith("WRONGTYPE")) {
            window.otherType(true);
            otherTypes++;
        } else if (error == null) {
            error = message;
            errorWindow = window;
        }
    }

    private void cursorArrived(byte[] next) {
        Consumer<byte[]> action;
        synchronized (this) {
            cursor = next;
            action = cursorAction;
            cursorAction = null;
        }
        if (action != null) {
            action.accept(next);
        }
    }

    private void startRow() {
        if (current.rowCount() == batchSize) {
            batches.add(current);
            current = newBatch(batchSize);
        }
        if (keyOfLastRow == window) {
            row = current.startRowWithPreviousKey();
        } else {
            row = current.startRow(window.key());
            keyOfLastRow = window;
        }
        if (ttls != null) {
            current.setTtl(row, ttls[window.keyIndex()]);
        }
        window.row();
    }

    /** Splits a stream id {@code ms-seq} into its two columns. */
    private void id(byte[] data, int offset, int length) {
        int dash = offset;
        int end = offset + length;
        while (dash < end && data[dash] != '-') {
            dash++;
        }
        current.copyValue(row, 0, data, offset, dash - offset);
        if (dash < end) {
            current.copyValue(row, 1, data, dash + 1, end - dash - 1);
        } else {
            digits[digits.length - 1] = '0';
            current.copyValue(row, 1, digits, digits.length - 1, 1);
        }
    }

    /**
     * Makes {@link #digits} hold the position of the window's row just started: the window's first
     * position written out, then each next one by adding one to the digits in place.
     */
    private void nextPosition() {
        if (window.got() == 1) {
            digitsAt = digits.length;
            long rest = window.from();
            do {
                digits[--digitsAt] = (byte) ('0' + rest % 10);
                rest /= 10;
            } while (rest > 0);
            return;
        }
        int at = digits.length - 1;
        while (at >= digitsAt && digits[at] == '9') {
            digits[at--] = '0';
        }
        if (at < digitsAt) {
            digitsAt = at;
            digits[at] = '1';
        } else {
            digits[at]++;
        }
    }

    private RawBatch newBatch(long rows) {
        int expected = (int) Math.max(1, Math.min(batchSize, rows));
        keyOfLastRow = null;
        return new RawBatch(columnCount, expected, (long) expected * bytesPerRow, ttls != null);
    }

    private IllegalStateException protocol(String what) {
        return new IllegalStateException("unexpected " + what + " in the reply of " + window.op() + " at " + stage);
    }
}
