package io.redisarrow.arrow.internal.encode;

import io.netty.buffer.ByteBuf;
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
    void write(int row, ByteBuf out) {
        int start = AsciiDigits.writeLong(vector.getValueAsLong(row), scratch, scratch.length);
        Resp.writeBulk(out, scratch, start, scratch.length - start);
    }
}
