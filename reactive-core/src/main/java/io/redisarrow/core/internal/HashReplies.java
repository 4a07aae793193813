package io.redisarrow.core.internal;

import io.redisarrow.core.RawBatch;

/**
 * Reads the replies of one hash batch into its {@link RawBatch}: per key, the HGETALL reply
 * (field, value, ...; only schema fields are copied) or the HMGET reply (values in column order),
 * then the TTL reply when asked. Notes which keys were gone (empty HGETALL), of another type
 * (WRONGTYPE), or unsure (HMGET all nil), and the first other error.
 */
final class HashReplies extends PendingReplies {

    private final RawBatch batch;

    private final FieldIndex index;

    private final boolean projected;

    private final int perKey;

    final boolean[] keep;

    final boolean[] unsure;

    String error;

    int errorRow = -1;

    private int row;

    private int mark;

    private boolean dataReply;

    private boolean expectName;

    private int column;

    private int hint;

    private boolean any;

    private boolean errorReply;

    HashReplies(RawBatch batch, FieldIndex index, boolean projected, boolean withTtl) {
        super(batch.rowCount() * (withTtl ? 2 : 1));
        this.batch = batch;
        this.index = index;
        this.projected = projected;
        this.perKey = withTtl ? 2 : 1;
        this.keep = new boolean[batch.rowCount()];
        this.unsure = new boolean[batch.rowCount()];
    }

    @Override
    public void beginReply() {
        row = reply / perKey;
        dataReply = reply % perKey == 0;
        mark = batch.dataSize();
        expectName = true;
        column = 0;
        hint = 0;
        any = false;
        errorReply = false;
    }

    @Override
    public void abortReply() {
        if (dataReply) {
            batch.rollback(row, mark);
        }
    }

    @Override
    void replyEnded() {
        if (dataReply) {
            keep[row] = any;
            unsure[row] = projected && !any && !errorReply;
        }
    }

    @Override
    public void bulk(byte[] data, int at, int length) {
        if (!dataReply) {
            return;
        }
        if (projected) {
            copy(data, at, length, column++);
            any = true;
            return;
        }
        if (expectName) {
            any = true;
            column = index.find(data, at, length, hint);
            if (column != FieldIndex.UNKNOWN) {
                hint = column + 1;
            }
        } else if (column != FieldIndex.UNKNOWN) {
            copy(data, at, length, column);
        }
        expectName = !expectName;
    }

    private void copy(byte[] data, int at, int length, int target) {
        int offset = batch.reserve(row, target, length);
        System.arraycopy(data, at, batch.data(), offset, length);
    }

    @Override
    public void nil() {
        if (dataReply && projected) {
            column++;
        }
    }

    @Override
    public void integer(long value) {
        if (!dataReply) {
            batch.setTtl(row, value);
        }
    }

    @Override
    public void error(String message) {
        if (!dataReply) {
            batch.setTtl(row, -2);
            return;
        }
        errorReply = true;
        if (message.startsWith("WRONGTYPE")) {
            return;
        }
        if (error == null) {
            error = message;
            errorRow = row;
        }
    }
}
