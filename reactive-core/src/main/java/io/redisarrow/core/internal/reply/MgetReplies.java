package io.redisarrow.core.internal.reply;

import io.redisarrow.core.RawBatch;

/**
 * Reads the replies of the commands that read a whole batch, {@code MGET k1 .. kn} or
 * {@code JSON.MGET k1 .. kn path} (an array with one element per key: the key's value, or nil),
 * then the TTL replies when asked, into a {@link RawBatch}. On a cluster a batch is read with one
 * such command per hash slot, whose keys are consecutive rows; their arrays fill the rows in turn. A nil yields no row: the key is gone,
 * or, for MGET, which answers nil rather than WRONGTYPE for a key of another type, it may also
 * hold another type; such nils are counted as {@link #otherTypes()}, so a type filter that waits
 * for a key of another type turns on. JSON.MGET answers WRONGTYPE for the whole command when any
 * key is of another type; {@link #wrongType()} then says the batch must be read key by key. Every
 * method runs on the channel's event loop.
 */
public final class MgetReplies extends PendingReplies implements RowOutcomes {

    private final RawBatch batch;

    private final boolean nilMayBeOtherType;

    private final boolean[] keep;

    private final boolean[] unsure;

    private final int commands;

    private int element;

    private int nils;

    private boolean wrongType;

    private String error;

    /**
     * @param batch the batch, with one started row per key
     * @param nilMayBeOtherType whether a nil element may be a key of another type ({@code MGET});
     *        {@code false} when it is a key gone for certain ({@code JSON.MGET})
     */
    public MgetReplies(RawBatch batch, boolean nilMayBeOtherType) {
        this(batch, nilMayBeOtherType, 1);
    }

    /**
     * @param batch the batch, with one started row per key
     * @param nilMayBeOtherType see {@link #MgetReplies(RawBatch, boolean)}
     * @param commands how many commands share the batch's rows, in row order
     */
    public MgetReplies(RawBatch batch, boolean nilMayBeOtherType, int commands) {
        super(commands + (batch.hasTtl() ? batch.rowCount() : 0));
        this.commands = commands;
        this.batch = batch;
        this.nilMayBeOtherType = nilMayBeOtherType;
        this.keep = new boolean[batch.rowCount()];
        this.unsure = new boolean[batch.rowCount()];
    }

    /** @return whether the command answered WRONGTYPE: some key of the batch is of another type */
    public boolean wrongType() {
        return wrongType;
    }

    @Override
    public void bulk(byte[] data, int offset, int length) {
        if (reply < commands) {
            batch.copyValue(element, 0, data, offset, length);
            keep[element++] = true;
        }
    }

    @Override
    public void nil() {
        if (reply < commands) {
            element++;
            nils++;
        }
    }

    @Override
    public void integer(long value) {
        if (reply >= commands) {
            batch.setTtl(reply - commands, value);
        }
    }

    @Override
    public void error(String message) {
        if (reply >= commands) {
            batch.setTtl(reply - commands, -2);
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

    /**
     * @return 1 when the command answered WRONGTYPE; for MGET, the keys that answered nil (gone,
     *         or of another type); else 0
     */
    @Override
    public int otherTypes() {
        if (wrongType) {
            return 1;
        }
        return nilMayBeOtherType ? nils : 0;
    }
}
