package io.redisarrow.arrow.internal.consumer;

import org.apache.arrow.vector.BigIntVector;

/**
 * Writes Int64 values parsed from ASCII integers.
 */
final class BigIntConsumer extends ParsingConsumer<BigIntVector> {

    BigIntConsumer(BigIntVector vector) {
        super(vector);
    }

    @Override
    void write(int row, byte[] data, int offset, int length) {
        vector.set(row, AsciiNumbers.parseLong(data, offset, length));
    }
}
