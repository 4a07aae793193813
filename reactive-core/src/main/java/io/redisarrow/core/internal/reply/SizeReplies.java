package io.redisarrow.core.internal.reply;

/**
 * Reads the replies of a collection read's first round trip: per key, its size ({@code SCARD},
 * {@code LLEN}, {@code ZCARD} or {@code XLEN}) and, when asked, its TTL. A key of another type
 * (WRONGTYPE) gets size 0 and is counted; the first other error is kept with its key's index.
 * Every method runs on the channel's event loop.
 */
public final class SizeReplies extends PendingReplies {

    private final long[] sizes;

    private final long[] ttls;

    private final int perKey;

    private int otherTypes;

    private String error;

    private int errorKey = -1;

    /**
     * @param keys keys of the round trip
     * @param withTtl whether each key's size reply is followed by its TTL reply
     */
    public SizeReplies(int keys, boolean withTtl) {
        super(keys * (withTtl ? 2 : 1));
        this.perKey = withTtl ? 2 : 1;
        this.sizes = new long[keys];
        this.ttls = new long[withTtl ? keys : 0];
    }

    /** @return each key's size, 0 for a key that is gone or of another type */
    public long[] sizes() {
        return sizes;
    }

    /** @return each key's TTL in seconds as TTL answers it (empty when not asked) */
    public long[] ttls() {
        return ttls;
    }

    /** @return how many keys answered WRONGTYPE */
    public int otherTypes() {
        return otherTypes;
    }

    /** @return the first error reply other than WRONGTYPE, or null */
    public String error() {
        return error;
    }

    /** @return the index of the key of {@link #error()} */
    public int errorKey() {
        return errorKey;
    }

    @Override
    public void integer(long value) {
        int key = reply / perKey;
        if (reply % perKey == 0) {
            sizes[key] = value;
        } else {
            ttls[key] = value;
        }
    }

    @Override
    public void error(String message) {
        int key = reply / perKey;
        if (reply % perKey != 0) {
            ttls[key] = -2;
        } else if (message.startsWith("WRONGTYPE")) {
            otherTypes++;
        } else if (error == null) {
            error = message;
            errorKey = key;
        }
    }
}
