package io.redisarrow.arrow.internal.consumer;

import org.apache.arrow.vector.Float4Vector;

/**
 * Writes Float32 values: the decimal is parsed as a double, then rounded to float (a double rounding that can differ from a direct float parse in the last bit for rare inputs).
 */
final class Float4Consumer extends ParsingConsumer<Float4Vector> {

    Float4Consumer(Float4Vector vector) {
        super(vector);
    }

    @Override
    void write(int row, byte[] data, int offset, int length) {
        vector.set(row, (float) AsciiNumbers.parseDouble(data, offset, length));
    }
}
