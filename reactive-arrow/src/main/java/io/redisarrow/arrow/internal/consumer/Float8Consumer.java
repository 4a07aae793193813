package io.redisarrow.arrow.internal.consumer;

import org.apache.arrow.vector.Float8Vector;

/**
 * Writes Float64 values parsed from ASCII decimals (see {@link AsciiNumbers}).
 */
final class Float8Consumer extends ParsingConsumer<Float8Vector> {

    Float8Consumer(Float8Vector vector) {
        super(vector);
    }

    @Override
    void write(int row, byte[] data, int offset, int length) {
        vector.set(row, AsciiNumbers.parseDouble(data, offset, length));
    }
}
