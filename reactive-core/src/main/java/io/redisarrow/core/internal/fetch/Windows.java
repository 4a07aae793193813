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
 * sorted set is read up to the length it had then, a stream up to that many entries. Not
 * thread-safe: one round trip at a time.
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
        this.start = values.start().getBytes(StandardCharsets.US_ASCII);
        this.end = values.end().getBytes(StandardCharsets.US_ASCII);
        skipEmpty();
    }

    /** @return whether every key has been read */
    boolean finished() {
        return next >= keys.size();
    }

    /** @return the windows of the next round trip, in key order; empty once {@link #finished()} */
    List<Window> plan() {
        List<Window> windows = new ArrayList<>();
        long room = batchSize;
        for (int i = next; i < keys.size() && room > 0; i++) {
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
            windows.add(window(i, count, whole));
            room -= count;
            if (scan) {
                break; // an SSCAN page may hold more than its COUNT
            }
        }
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
     * Takes in what a round trip's windows got: a key is done when its window came back short, when
     * its cursor came back to 0, or when it holds another type now.
     *
     * @param windows the windows of the round trip, their replies read
     */
    void update(List<Window> windows) {
        for (Window window : windows) {
            int key = window.keyIndex();
            if (window.otherType()) {
                remaining[key] = 0;
                continue;
            }
            switch (window.op()) {
                case SMEMBERS -> remaining[key] = 0;
                case SSCAN -> {
                    byte[] cursor = window.cursor();
                    if (cursor == null || Arrays.equals(cursor, CURSOR_START)) {
                        remaining[key] = 0;
                    } else {
                        resume[key] = cursor;
                        position[key] += window.got();
                        remaining[key] = Math.max(1, remaining[key] - window.got());
                    }
                }
                case LRANGE, ZRANGE, XRANGE -> {
                    position[key] += window.got();
                    remaining[key] = window.got() < window.count() ? 0 : remaining[key] - window.count();
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
