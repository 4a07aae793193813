package io.redisarrow.core.internal.reply;

import io.redisarrow.core.RawBatch;

/**
 * Reads the reply of one {@code JSON.MGET k1 .. kn path} (an array with one element per key: the
 * key's JSON text, or nil when the key is gone), then the TTL replies when asked, into a
 * {@link RawBatch}. A nil is a key gone for certain. JSON.MGET answers WRONGTYPE for the whole
 * command when any key is of another type; {@link #wrongType()} then says the batch must be read
 * key by key. Every method runs on the channel's event loop.
 */
public final class JsonMgetReplies extends PendingReplies implements RowOutcomes {

    private final RawBatch batch;

    private final boolean[] keep;

    private final boolean[] unsure;

    private int element;

    private boolean wrongType;

    private String error;

    /** @param batch the batch, with one started row per key */
    public JsonMgetReplies(RawBatch batch) {
        super(1 + (batch.hasTtl() ? batch.rowCount() : 0));
        this.batch = batch;
        this.keep = new boolean[batch.rowCount()];
        this.unsure = new boolean[batch.rowCount()];
    }

    /** @return whether JSON.MGET answered WRONGTYPE: some key of the batch is of another type */
    public boolean wrongType() {
        return wrongType;
    }

    @Override
    public void bulk(byte[] data, int offset, int length) {
        if (reply == 0) {
            batch.copyValue(element, 0, data, offset, length);
            keep[element++] = true;
        }
    }

    @Override
    public void nil() {
        if (reply == 0) {
            element++;
        }
    }

    @Override
    public void integer(long value) {
        if (reply > 0) {
            batch.setTtl(reply - 1, value);
        }
    }

    @Override
    public void error(String message) {
        if (reply > 0) {
            batch.setTtl(reply - 1, -2);
        } else if (message.startsWith("WRONGTYPE")) {
            wrongType = true;
        } else {
            error = message;
        }
    }

    @Override
    public boolean[] keep() {
        return keep;
    }

    @Override
    public boolean[] unsure() {
        return unsure;
    }

    @Override
    public String error() {
        return error;
    }

    @Override
    public int errorRow() {
        return 0;
    }

    @Override
    public int otherTypes() {
        return wrongType ? 1 : 0;
    }
}
