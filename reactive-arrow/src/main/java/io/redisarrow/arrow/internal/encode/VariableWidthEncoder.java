package io.redisarrow.arrow.internal.encode;

import org.apache.arrow.vector.BaseVariableWidthVector;

/**
 * Writes Utf8 and Binary cells as their bytes, as they are (a Utf8 cell is already UTF-8), copied
 * from the vector's data buffer through a scratch array that grows to the longest cell.
 */
final class VariableWidthEncoder extends VectorEncoder<BaseVariableWidthVector> {

    private byte[] scratch = new byte[64];

    VariableWidthEncoder(BaseVariableWidthVector vector) {
        super(vector);
    }

    @Override
    Text text(int row, Text text) {
        int start = vector.getStartOffset(row);
        int length = vector.getEndOffset(row) - start;
        if (length > scratch.length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        vector.getDataBuffer().getBytes(start, scratch, 0, length);
        return text.set(scratch, 0, length);
    }
}
