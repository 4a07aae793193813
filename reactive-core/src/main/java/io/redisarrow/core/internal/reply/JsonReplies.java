package io.redisarrow.core.internal.reply;

import io.redisarrow.core.RawBatch;

/**
 * Reads JSON.GET replies into a {@link RawBatch}: each key's reply is one bulk string (the JSON
 * text of its matches), copied whole into the row's single value column. A nil reply means the
 * key is gone, for certain, so no EXISTS check is needed.
 */
public final class JsonReplies extends BatchReplies {

    private boolean found;

    /** @param batch the batch, with one started row per key */
    public JsonReplies(RawBatch batch) {
        super(batch, 1);
    }

    @Override
    protected void beginValue() {
        found = false;
    }

    @Override
    protected void endValue() {
        outcome(found, false);
    }

    @Override
    protected void valueBulk(byte[] data, int at, int length) {
        batch.copyValue(row, 0, data, at, length);
        found = true;
    }
}
