package io.redisarrow.core.internal.fetch;

import io.redisarrow.core.CollectionValues;
import io.redisarrow.core.internal.reply.Window;
import io.redisarrow.core.internal.reply.Window.Op;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Plans the round trips that read one batch of collection keys, given each key's size: keys in
 * order, at most {@code batchSize} elements asked per round trip. A key that fits in one batch is
 * read whole in one round trip (a new one starts when it does not fit in what is left of the
 * current); a larger key is read in windows that fill each round trip: {@code LRANGE} and
 * {@code ZRANGE} by position, {@code XRANGE} from after the last id read, {@code SSCAN} from the
 * cursor the last page returned. Sizes are those measured before the first window: a list or
 * sorted set is read up to the length it had then, a stream up to that many entries.
 * Thread-safe: planned on the subscriber's side, told of an SSCAN cursor on the event loop.
 */
final class Windows {

    private static final byte[] CURSOR_START = { '0' };

    /** The largest stream id. */
    private static final byte[] LAST_ID = "18446744073709551615-18446744073709551615".getBytes(StandardCharsets.US_ASCII);

    private final CollectionValues values;

    private final int batchSize;

    private final List<byte[]> keys;

    private final long[] remaining;

    private final long[] position;

    private final byte[][] resume;

    private final boolean[] waiting;

    /** per key, the window its next one waits for (an SSCAN page, a stream window), else null */
    private final Window[] awaited;

    private final byte[] start;

    private final byte[] end;

    private int next;

    /**
     * @param values what the read fetches
     * @param batchSize the most elements per round trip
     * @param keys the key batch
     * @param sizes each key's size (0: gone or of another type)
     */
    Windows(CollectionValues values, int batchSize, List<byte[]> keys, long[] sizes) {
        this.values = values;
        this.batchSize = batchSize;
        this.keys = keys;
        this.remaining = new long[keys.size()];
        for (int i = 0; i < remaining.length; i++) {
            remaining[i] = Math.min(sizes[i], values.countPerKey());
        }
        this.position = new long[keys.size()];
        this.resume = new byte[keys.size()][];
        this.waiting = new boolean[keys.size()];
        this.awaited = new Window[keys.size()];
        this.start = values.start().getBytes(StandardCharsets.US_ASCII);
        this.end = values.end().getBytes(StandardCharsets.US_ASCII);
        skipEmpty();
    }

    /** @return whether every window has been planned */
    synchronized boolean finished() {
        return next >= keys.size();
    }

    /**
     * @return whether {@link #plan()} can plan a window now: one is left, and it does not wait for
     *         the reply of a window in flight (the next SSCAN page needs the last page's cursor, the
     *         next XRANGE window of a stream the last id read)
     */
    synchronized boolean ready() {
        return next < keys.size() && !waiting[next];
    }

    /**
     * Plans the next round trip and counts its windows as read: positions move on at once, so the
     * round trip after it can be planned (and sent) before this one's replies are read. A window
     * whose successor depends on its reply (an SSCAN page, a stream's window that does not end
     * it) holds its key until {@link #update} or {@link #cursor} hears of that reply.
     *
     * @return the windows of the next round trip, in key order; empty when not {@link #ready()}
     */
    synchronized List<Window> plan() {
        List<Window> windows = new ArrayList<>();
        long room = batchSize;
        for (int i = next; i < keys.size() && room > 0 && !waiting[i]; i++) {
            long left = remaining[i];
            if (left == 0) {
                continue;
            }
            boolean whole = position[i] == 0 && resume[i] == null && left <= batchSize;
            if (whole && left > room) {
                break;
            }
            boolean scan = values.kind() == CollectionValues.Kind.SET && !whole;
            int count = (int) (scan ? room : Math.min(left, room));
            Window window = window(i, count, whole);
            windows.add(window);
            room -= count;
            if (whole || (!scan && count == left)) {
                remaining[i] = 0; // the key's last window
            } else if (scan || values.kind() == CollectionValues.Kind.STREAM) {
                waiting[i] = true;
                awaited[i] = window;
                break; // the next window of this key starts where this one's reply ends
            } else {
                position[i] += count;
                remaining[i] -= count;
            }
        }
        skipEmpty();
        return windows;
    }

    private Window window(int key, int count, boolean whole) {
        byte[] name = keys.get(key);
        return switch (values.kind()) {
            case SET -> whole ? new Window(Op.SMEMBERS, key, name, 0, count, null)
                    : new Window(Op.SSCAN, key, name, 0, count, resume[key] == null ? CURSOR_START : resume[key]);
            case LIST -> new Window(Op.LRANGE, key, name, position[key], count, null);
            case SORTED_SET -> new Window(Op.ZRANGE, key, name, position[key], count, null);
            case STREAM -> new Window(Op.XRANGE, key, name, 0, count, resume[key] == null ? start : after(resume[key]));
        };
    }

    /**
     * An SSCAN page's cursor has arrived, ahead of its members: the set's next page can be planned.
     *
     * @param window the SSCAN window
     * @param cursor the cursor it returned
     */
    synchronized void cursor(Window window, byte[] cursor) {
        if (awaited[window.keyIndex()] == window) {
            takeCursor(window.keyIndex(), cursor);
            skipEmpty();
        }
    }

    /** The set's next page starts at {@code cursor}; a cursor of 0 (or none: an error) ends it. */
    private void takeCursor(int key, byte[] cursor) {
        waiting[key] = false;
        awaited[key] = null;
        if (cursor == null || Arrays.equals(cursor, CURSOR_START)) {
            remaining[key] = 0;
        } else {
            resume[key] = cursor;
        }
    }

    /**
     * Takes in what a round trip's windows got: a key is done when its window came back short, when
     * its cursor came back to 0, or when it holds another type now.
     *
     * @param windows the windows of the round trip, their replies read
     */
    synchronized void update(List<Window> windows) {
        for (Window window : windows) {
            int key = window.keyIndex();
            if (window.op() == Op.SSCAN) {
                if (awaited[key] == window) {
                    takeCursor(key, window.otherType() ? null : window.cursor());
                } // else its cursor was taken as it arrived, and the next page may be in flight
                continue;
            }
            if (awaited[key] == window) {
                waiting[key] = false;
                awaited[key] = null;
            }
            if (window.otherType()) {
                remaining[key] = 0;
                continue;
            }
            switch (window.op()) {
                case SMEMBERS -> remaining[key] = 0;
                case LRANGE, ZRANGE -> {
                    if (window.got() < window.count()) {
                        remaining[key] = 0; // the key shrank: windows already sent past its end read nothing
                    }
                }
                case XRANGE -> {
                    remaining[key] = window.got() < window.count() ? 0 : Math.max(0, remaining[key] - window.count());
                    if (window.lastId() != null) {
                        resume[key] = window.lastId();
                        if (Arrays.equals(window.lastId(), LAST_ID)) {
                            remaining[key] = 0; // nothing comes after it, and XRANGE refuses to start after it
                        }
                    }
                }
            }
        }
        skipEmpty();
    }

    private void skipEmpty() {
        while (next < keys.size() && remaining[next] == 0) {
            next++;
        }
    }

    private static byte[] after(byte[] id) {
        byte[] exclusive = new byte[id.length + 1];
        exclusive[0] = '(';
        System.arraycopy(id, 0, exclusive, 1, id.length);
        return exclusive;
    }
}
