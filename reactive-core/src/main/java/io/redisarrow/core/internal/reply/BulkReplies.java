package io.redisarrow.core.internal.reply;

import io.redisarrow.core.RawBatch;

/**
 * Reads replies that are one bulk string per key, {@code JSON.GET} (the JSON text of its matches)
 * or {@code GET} (a string's value), into a {@link RawBatch}: each key's reply is copied whole into
 * the row's single value column. A nil reply means the key is gone, for certain, so no EXISTS
 * check is needed; a key of another type answers WRONGTYPE.
 */
public final class BulkReplies extends BatchReplies {

    private boolean found;

    /** @param batch the batch, with one started row per key */
    public BulkReplies(RawBatch batch) {
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
