package io.redisarrow.arrow.internal.consumer;

import org.apache.arrow.vector.IntVector;

/**
 * Writes Int32 values parsed from ASCII integers.
 */
final class IntConsumer extends ParsingConsumer<IntVector> {

    IntConsumer(IntVector vector) {
        super(vector);
    }

    @Override
    void write(int row, byte[] data, int offset, int length) {
        vector.set(row, (int) AsciiNumbers.parseLong(data, offset, length, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }
}
