package io.redisarrow.arrow.consumer;

import org.apache.arrow.vector.SmallIntVector;

/**
 * Writes Int16 values parsed from ASCII integers.
 */
final class SmallIntConsumer implements ColumnConsumer {

    private final SmallIntVector vector;

    SmallIntConsumer(SmallIntVector vector) {
        this.vector = vector;
    }

    @Override
    public boolean consume(int row, byte[] data, int offset, int length) {
        try {
            vector.set(row, (short) AsciiNumbers.parseLong(data, offset, length, Short.MIN_VALUE, Short.MAX_VALUE));
            return true;
        } catch (ParseFailure e) {
            return false;
        }
    }

    @Override
    public void consumeNull(int row) {
        vector.setNull(row);
    }
}
