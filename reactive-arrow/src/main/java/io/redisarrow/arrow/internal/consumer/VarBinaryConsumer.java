package io.redisarrow.arrow.internal.consumer;

import org.apache.arrow.vector.VarBinaryVector;

/**
 * Writes Binary values: any bytes, as they are.
 */
final class VarBinaryConsumer implements ColumnConsumer {

    private final VarBinaryVector vector;

    VarBinaryConsumer(VarBinaryVector vector) {
        this.vector = vector;
    }

    @Override
    public boolean consume(int row, byte[] data, int offset, int length) {
        vector.setSafe(row, data, offset, length);
        return true;
    }

    @Override
    public void consumeNull(int row) {
        vector.setNull(row);
    }
}
