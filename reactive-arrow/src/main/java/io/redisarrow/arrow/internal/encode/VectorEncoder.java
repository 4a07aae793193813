package io.redisarrow.arrow.internal.encode;

import io.netty.buffer.ByteBuf;
import org.apache.arrow.vector.ValueVector;

/**
 * The shared shape of the encoders: nulls come from the vector's validity, a null cell is refused
 * before the type's own formatting runs, and the bulk string is the text framed.
 *
 * @param <V> the vector type
 */
abstract class VectorEncoder<V extends ValueVector> implements ValueEncoder {

    final V vector;

    private final Text text = new Text();

    VectorEncoder(V vector) {
        this.vector = vector;
    }

    /**
     * Formats a cell known not to be null.
     *
     * @param row the row
     * @param text the view to point at the text
     * @return {@code text}
     */
    abstract Text text(int row, Text text);

    @Override
    public final boolean isNull(int row) {
        return vector.isNull(row);
    }

    @Override
    public final Text text(int row) {
        checkNotNull(row);
        return text(row, text);
    }

    /** Frames the cell's text; a type whose bytes can go to the buffer directly overrides it. */
    @Override
    public void writeBulk(int row, ByteBuf out) {
        Text cell = text(row);
        Resp.writeBulk(out, cell.bytes(), cell.offset(), cell.length());
    }

    /** @throws IllegalArgumentException when the cell is null */
    final void checkNotNull(int row) {
        if (vector.isNull(row)) {
            throw new IllegalArgumentException("row " + row + " of column '" + vector.getName()
                    + "' is null and has no text; check isNull(row) first");
        }
    }
}
