package io.redisarrow.arrow.consumer;

import org.apache.arrow.vector.BigIntVector;

/**
 * Writes Int64 values parsed from ASCII integers.
 */
final class BigIntConsumer implements ColumnConsumer {

    private final BigIntVector vector;

    BigIntConsumer(BigIntVector vector) {
        this.vector = vector;
    }

    @Override
    public boolean consume(int row, byte[] data, int offset, int length) {
        try {
            vector.set(row, AsciiNumbers.parseLong(data, offset, length));
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
