package io.redisarrow.arrow.internal.consumer;

import org.apache.arrow.vector.VarCharVector;

/**
 * Writes Utf8 values: the bytes as they are, once checked to be valid UTF-8.
 */
final class VarCharConsumer implements ColumnConsumer {

    private final VarCharVector vector;

    VarCharConsumer(VarCharVector vector) {
        this.vector = vector;
    }

    @Override
    public boolean consume(int row, byte[] data, int offset, int length) {
        if (!Utf8.isValid(data, offset, length)) {
            return false;
        }
        vector.setSafe(row, data, offset, length);
        return true;
    }

    @Override
    public void consumeNull(int row) {
        vector.setNull(row);
    }
}
