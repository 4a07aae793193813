package io.redisarrow.arrow.internal.encode;

import org.apache.arrow.vector.BaseIntVector;

/**
 * Writes Int8, Int16, Int32 and Int64 cells as decimal digits, with a {@code -} when negative
 * ({@code -9223372036854775808}, {@code 0}, {@code 127}), from a reused scratch array.
 */
final class IntegerEncoder extends VectorEncoder<BaseIntVector> {

    private final byte[] scratch = new byte[AsciiDigits.MAX_LONG_LENGTH];

    IntegerEncoder(BaseIntVector vector) {
        super(vector);
    }

    @Override
    Text text(int row, Text text) {
        int start = AsciiDigits.writeLong(vector.getValueAsLong(row), scratch, scratch.length);
        return text.set(scratch, start, scratch.length - start);
    }
}
