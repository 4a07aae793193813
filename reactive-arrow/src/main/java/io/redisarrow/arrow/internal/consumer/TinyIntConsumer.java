package io.redisarrow.arrow.internal.consumer;

import org.apache.arrow.vector.TinyIntVector;

/**
 * Writes Int8 values parsed from ASCII integers.
 */
final class TinyIntConsumer extends ParsingConsumer<TinyIntVector> {

    TinyIntConsumer(TinyIntVector vector) {
        super(vector);
    }

    @Override
    void write(int row, byte[] data, int offset, int length) {
        vector.set(row, (byte) AsciiNumbers.parseLong(data, offset, length, Byte.MIN_VALUE, Byte.MAX_VALUE));
    }
}
