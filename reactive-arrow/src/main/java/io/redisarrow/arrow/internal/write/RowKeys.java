package io.redisarrow.arrow.internal.write;

/**
 * The key of each row of one batch.
 */
interface RowKeys {

    /**
     * @param row the row
     * @return its key, in a scratch buffer valid until the next call
     * @throws IllegalArgumentException when the row has no key (null, or empty), naming the row
     */
    KeyBytes key(int row);
}
