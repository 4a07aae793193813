package io.redisarrow.core.internal.reply;

import io.redisarrow.core.RawBatch;

/**
 * Reads the replies of one batch's round trip into its {@link RawBatch}: per key, the data
 * type's value replies (read by a subclass), then the TTL reply when asked (read here). Notes
 * which rows to keep (the key had a value), which are unsure (every asked value was nil, so only
 * EXISTS can tell a missing key), and the first error other than WRONGTYPE (keys of another type
 * are skipped). Every method runs on the channel's event loop.
 */
public abstract class BatchReplies extends PendingReplies implements RowOutcomes {

    /** The batch being filled. */
    protected final RawBatch batch;

    private final int perKey;

    private final int dataReplies;

    private final boolean[] keep;

    private final boolean[] unsure;

    private String error;

    private int errorRow = -1;

    private int otherTypes;

    /** The row whose replies are being read. */
    protected int row;

    private boolean ttlReply;

    private boolean errorReply;

    /**
     * @param batch the batch, with one started row per key
     * @param dataReplies replies per key before the TTL reply
     */
    protected BatchReplies(RawBatch batch, int dataReplies) {
        super(batch.rowCount() * (dataReplies + (batch.hasTtl() ? 1 : 0)));
        this.batch = batch;
        this.dataReplies = dataReplies;
        this.perKey = dataReplies + (batch.hasTtl() ? 1 : 0);
        this.keep = new boolean[batch.rowCount()];
        this.unsure = new boolean[batch.rowCount()];
    }

    /** @return one flag per row: whether the key had a value */
    @Override
    public final boolean[] keep() {
        return keep;
    }

    /** @return one flag per row: whether only EXISTS can tell whether the key is there */
    @Override
    public final boolean[] unsure() {
        return unsure;
    }

    /** @return the first error reply other than WRONGTYPE, or null */
    @Override
    public final String error() {
        return error;
    }

    /** @return how many keys answered WRONGTYPE (keys of another type, skipped) */
    @Override
    public final int otherTypes() {
        return otherTypes;
    }

    /** @return the row of {@link #error()} */
    @Override
    public final int errorRow() {
        return errorRow;
    }

    @Override
    public final void beginReply() {
        row = reply / perKey;
        ttlReply = reply % perKey >= dataReplies;
        errorReply = false;
        if (!ttlReply) {
            beginValue();
        }
    }

    @Override
    protected final void replyEnded() {
        if (!ttlReply && !errorReply) {
            endValue();
        }
    }

    /**
     * Records the outcome of the current row's value reply.
     *
     * @param found whether the key had a value
     * @param maybeMissing whether an empty answer may also mean the key is gone
     */
    protected final void outcome(boolean found, boolean maybeMissing) {
        keep[row] = found;
        unsure[row] = !found && maybeMissing;
    }

    @Override
    public final void bulk(byte[] data, int offset, int length) {
        if (!ttlReply) {
            valueBulk(data, offset, length);
        }
    }

    @Override
    public final void nil() {
        if (!ttlReply) {
            valueNil();
        }
    }

    @Override
    public final void integer(long value) {
        if (ttlReply) {
            batch.setTtl(row, value);
        } else {
            valueInteger(value);
        }
    }

    @Override
    public final void array(int count) {
        if (!ttlReply) {
            valueArray(count);
        }
    }

    @Override
    public final void error(String message) {
        if (ttlReply) {
            batch.setTtl(row, -2);
            return;
        }
        errorReply = true;
        keep[row] = false;
        unsure[row] = false;
        if (message.startsWith("WRONGTYPE")) {
            otherTypes++;
        } else if (error == null) {
            error = message;
            errorRow = row;
        }
    }

    /** A value reply of {@link #row} starts. */
    protected abstract void beginValue();

    /** The value reply is complete (and not an error): call {@link #outcome(boolean, boolean)}. */
    protected abstract void endValue();

    /** A bulk string inside the value reply. */
    protected abstract void valueBulk(byte[] data, int offset, int length);

    /** A nil inside the value reply. */
    protected void valueNil() {
    }

    /** An integer inside the value reply. */
    protected void valueInteger(long value) {
    }

    /** An array header inside the value reply. */
    protected void valueArray(int count) {
    }
}
