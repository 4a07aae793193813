package io.redisarrow.arrow.consumer;

import org.apache.arrow.vector.TinyIntVector;

/**
 * Writes Int8 values parsed from ASCII integers.
 */
final class TinyIntConsumer implements ColumnConsumer {

    private final TinyIntVector vector;

    TinyIntConsumer(TinyIntVector vector) {
        this.vector = vector;
    }

    @Override
    public boolean consume(int row, byte[] data, int offset, int length) {
        try {
            vector.set(row, (byte) AsciiNumbers.parseLong(data, offset, length, Byte.MIN_VALUE, Byte.MAX_VALUE));
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
