package io.redisarrow.arrow.internal.consumer;

import org.apache.arrow.vector.BaseFixedWidthVector;

/**
 * The shared shape of the fixed-width consumers: parse, write the slot, and answer {@code false}
 * when the parser throws {@link ParseFailure}, leaving the slot untouched.
 *
 * @param <V> the vector type
 */
abstract class ParsingConsumer<V extends BaseFixedWidthVector> implements ColumnConsumer {

    final V vector;

    ParsingConsumer(V vector) {
        this.vector = vector;
    }

    /**
     * Parses the bytes and writes slot {@code row}.
     *
     * @throws ParseFailure when the bytes are not a value of this type
     */
    abstract void write(int row, byte[] data, int offset, int length);

    @Override
    public final boolean consume(int row, byte[] data, int offset, int length) {
        try {
            write(row, data, offset, length);
            return true;
        } catch (ParseFailure e) {
            return false;
        }
    }

    @Override
    public final void consumeNull(int row) {
        vector.setNull(row);
    }
}
