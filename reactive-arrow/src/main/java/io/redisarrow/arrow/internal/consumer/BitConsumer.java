package io.redisarrow.arrow.internal.consumer;

import org.apache.arrow.vector.BitVector;

/**
 * Writes Bool values: true/false, 1/0, yes/no, t/f, y/n in any case.
 */
final class BitConsumer extends ParsingConsumer<BitVector> {

    BitConsumer(BitVector vector) {
        super(vector);
    }

    @Override
    void write(int row, byte[] data, int offset, int length) {
        vector.set(row, Booleans.parse(data, offset, length) ? 1 : 0);
    }
}
