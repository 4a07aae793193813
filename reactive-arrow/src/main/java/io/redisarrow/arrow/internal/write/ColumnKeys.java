package io.redisarrow.arrow.internal.write;

import org.apache.arrow.vector.BaseVariableWidthVector;

/**
 * Keys read from a Utf8 or Binary column, as their bytes.
 */
final class ColumnKeys implements RowKeys {

    private final BaseVariableWidthVector vector;

    private final KeyBytes key = new KeyBytes();

    ColumnKeys(BaseVariableWidthVector vector) {
        this.vector = vector;
    }

    @Override
    public KeyBytes key(int row) {
        if (vector.isNull(row)) {
            throw new IllegalArgumentException("row " + row + " has a null key in column '" + vector.getName()
                    + "'; every row needs a key (the batch was not written)");
        }
        int start = vector.getStartOffset(row);
        int length = vector.getEndOffset(row) - start;
        if (length == 0) {
            throw new IllegalArgumentException("row " + row + " has an empty key in column '" + vector.getName()
                    + "'; every row needs a key (the batch was not written)");
        }
        key.clear();
        vector.getDataBuffer().getBytes(start, key.reserve(length), 0, length);
        key.grow(length);
        return key;
    }
}
