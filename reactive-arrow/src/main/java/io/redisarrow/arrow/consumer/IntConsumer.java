package io.redisarrow.arrow.consumer;

import org.apache.arrow.vector.IntVector;

/**
 * Writes Int32 values parsed from ASCII integers.
 */
final class IntConsumer implements ColumnConsumer {

    private final IntVector vector;

    IntConsumer(IntVector vector) {
        this.vector = vector;
    }

    @Override
    public boolean consume(int row, byte[] data, int offset, int length) {
        try {
            vector.set(row, (int) AsciiNumbers.parseLong(data, offset, length, Integer.MIN_VALUE, Integer.MAX_VALUE));
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
