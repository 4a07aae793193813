package io.redisarrow.core.internal.reply;

/**
 * One command's share of a collection key in a round trip: which command reads it, from where and
 * how many elements it asks; then, once its reply is read, what it got. Built by the planner,
 * filled by {@link ElementReplies} on the event loop, read back by the planner once the round trip
 * is complete.
 */
public final class Window {

    /** The command that reads the window. */
    public enum Op {
        /** {@code SMEMBERS key}: a whole set. */
        SMEMBERS,
        /** {@code SSCAN key cursor COUNT n}: part of a set. */
        SSCAN,
        /** {@code LRANGE key from to}. */
        LRANGE,
        /** {@code ZRANGE key from to WITHSCORES}. */
        ZRANGE,
        /** {@code XRANGE key start end COUNT n}. */
        XRANGE
    }

    private final Op op;

    private final int keyIndex;

    private final byte[] key;

    private final long from;

    private final int count;

    private final byte[] start;

    private int got;

    private byte[] cursor;

    private byte[] lastId;

    private boolean otherType;

    /**
     * @param op the command
     * @param keyIndex the key's index in its key batch
     * @param key the key
     * @param from the first position (LRANGE, ZRANGE)
     * @param count the elements asked (the COUNT of SSCAN and XRANGE)
     * @param start the SSCAN cursor or the XRANGE start id, else null
     */
    public Window(Op op, int keyIndex, byte[] key, long from, int count, byte[] start) {
        this.op = op;
        this.keyIndex = keyIndex;
        this.key = key;
        this.from = from;
        this.count = count;
        this.start = start;
    }

    /** @return the command */
    public Op op() {
        return op;
    }

    /** @return the key's index in its key batch */
    public int keyIndex() {
        return keyIndex;
    }

    /** @return the key */
    public byte[] key() {
        return key;
    }

    /** @return the first position asked (LRANGE, ZRANGE) */
    public long from() {
        return from;
    }

    /** @return the elements asked */
    public int count() {
        return count;
    }

    /** @return the SSCAN cursor or XRANGE start id sent, else null */
    public byte[] start() {
        return start;
    }

    /** @return the rows the reply gave */
    public int got() {
        return got;
    }

    /** @return the cursor SSCAN answered ({@code 0} once the set is done), or null */
    public byte[] cursor() {
        return cursor;
    }

    /** @return the id of the last entry XRANGE answered, or null when it answered none */
    public byte[] lastId() {
        return lastId;
    }

    /** @return whether the key answered WRONGTYPE (it now holds another type) */
    public boolean otherType() {
        return otherType;
    }

    void row() {
        got++;
    }

    void cursor(byte[] cursor) {
        this.cursor = cursor;
    }

    void lastId(byte[] lastId) {
        this.lastId = lastId;
    }

    void otherType(boolean otherType) {
        this.otherType = otherType;
    }
}
