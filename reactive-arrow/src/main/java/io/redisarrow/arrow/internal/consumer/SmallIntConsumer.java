package io.redisarrow.arrow.internal.consumer;

import org.apache.arrow.vector.SmallIntVector;

/**
 * Writes Int16 values parsed from ASCII integers.
 */
final class SmallIntConsumer extends ParsingConsumer<SmallIntVector> {

    SmallIntConsumer(SmallIntVector vector) {
        super(vector);
    }

    @Override
    void write(int row, byte[] data, int offset, int length) {
        vector.set(row, (short) AsciiNumbers.parseLong(data, offset, length, Short.MIN_VALUE, Short.MAX_VALUE));
    }
}
