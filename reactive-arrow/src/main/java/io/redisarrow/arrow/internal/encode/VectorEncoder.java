package io.redisarrow.arrow.internal.encode;

import io.netty.buffer.ByteBuf;
import org.apache.arrow.vector.ValueVector;

/**
 * The shared shape of the encoders: nulls come from the vector's validity, and a null cell is
 * refused before the type's own writing runs.
 *
 * @param <V> the vector type
 */
abstract class VectorEncoder<V extends ValueVector> implements ValueEncoder {

    final V vector;

    VectorEncoder(V vector) {
        this.vector = vector;
    }

    /**
     * Appends the bulk string of a cell known not to be null.
     *
     * @param row the row
     * @param out where to append
     */
    abstract void write(int row, ByteBuf out);

    @Override
    public final boolean isNull(int row) {
        return vector.isNull(row);
    }

    @Override
    public final void writeBulk(int row, ByteBuf out) {
        if (vector.isNull(row)) {
            throw new IllegalArgumentException("row " + row + " of column '" + vector.getName()
                    + "' is null and has no bulk string; check isNull(row) first");
        }
        write(row, out);
    }
}
