package io.redisarrow.arrow.consumer;

import org.apache.arrow.vector.Float4Vector;

/**
 * Writes Float32 values: the decimal is parsed as a double, then rounded to float (a double rounding that can differ from a direct float parse in the last bit for rare inputs).
 */
final class Float4Consumer implements ColumnConsumer {

    private final Float4Vector vector;

    Float4Consumer(Float4Vector vector) {
        this.vector = vector;
    }

    @Override
    public boolean consume(int row, byte[] data, int offset, int length) {
        try {
            vector.set(row, (float) AsciiNumbers.parseDouble(data, offset, length));
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
