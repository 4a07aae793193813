package io.redisarrow.core.internal.reply;

import io.redisarrow.core.RawBatch;

/**
 * Reads hash replies into a {@link RawBatch}: an HGETALL reply (field, value, ...; only the
 * fields of the read are copied, found by {@link FieldIndex}) or an HMGET reply (values in column
 * order). An empty HGETALL means the key is gone; an HMGET of all nils is unsure.
 */
public final class HashReplies extends BatchReplies {

    private final FieldIndex index;

    private final boolean projected;

    private boolean expectName;

    private int column;

    private int hint;

    private boolean any;

    /**
     * @param batch the batch, with one started row per key
     * @param index the fields of the read
     * @param projected whether the replies are HMGET's (else HGETALL's)
     */
    public HashReplies(RawBatch batch, FieldIndex index, boolean projected) {
        super(batch, 1);
        this.index = index;
        this.projected = projected;
    }

    @Override
    protected void beginValue() {
        expectName = true;
        column = 0;
        hint = 0;
        any = false;
    }

    @Override
    protected void endValue() {
        outcome(any, projected);
    }

    @Override
    protected void valueBulk(byte[] data, int at, int length) {
        if (projected) {
            batch.copyValue(row, column++, data, at, length);
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
            batch.copyValue(row, column, data, at, length);
        }
        expectName = !expectName;
    }

    @Override
    protected void valueNil() {
        if (projected) {
            column++;
        }
    }
}
