package io.redisarrow.arrow.consumer;

import org.apache.arrow.vector.Float8Vector;

/**
 * Writes Float64 values parsed from ASCII decimals (see {@link AsciiNumbers}).
 */
final class Float8Consumer implements ColumnConsumer {

    private final Float8Vector vector;

    Float8Consumer(Float8Vector vector) {
        this.vector = vector;
    }

    @Override
    public boolean consume(int row, byte[] data, int offset, int length) {
        try {
            vector.set(row, AsciiNumbers.parseDouble(data, offset, length));
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
