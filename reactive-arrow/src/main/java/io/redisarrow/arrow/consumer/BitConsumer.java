package io.redisarrow.arrow.consumer;

import org.apache.arrow.vector.BitVector;

/**
 * Writes Bool values: true/false, 1/0, yes/no, t/f, y/n in any case.
 */
final class BitConsumer implements ColumnConsumer {

    private final BitVector vector;

    BitConsumer(BitVector vector) {
        this.vector = vector;
    }

    @Override
    public boolean consume(int row, byte[] data, int offset, int length) {
        try {
            vector.set(row, Booleans.parse(data, offset, length) ? 1 : 0);
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
