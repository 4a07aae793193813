package io.redisarrow.arrow.internal.encode;

import io.netty.buffer.ByteBuf;

/**
 * Writes the cells of one Arrow vector as RESP bulk strings, one cell at a time.
 *
 * <p>One implementation per vector type, made by {@link Encoders#create}. An encoder reads the
 * vector at each call (it keeps no copy of its buffers) and reuses scratch space of its own, so
 * it belongs to one thread at a time. The text written is one that the column's consumer (the
 * scan side, for the same Arrow field) parses back to the same value.
 */
public interface ValueEncoder {

    /**
     * @param row a row of the vector
     * @return whether the cell is null (it has no bulk string: the caller writes nothing, or
     *         deletes the field, as its command needs)
     */
    boolean isNull(int row);

    /**
     * Writes the cell as a complete RESP bulk string: {@code $}, the byte length in decimal,
     * {@code \r\n}, the bytes, {@code \r\n}.
     *
     * @param row a row of the vector whose cell is not null
     * @param out where the bulk string is appended (at its writer index, growing it as needed)
     * @throws IllegalArgumentException when the cell is null
     */
    void writeBulk(int row, ByteBuf out);

    /**
     * The cell's text, the bytes {@link #writeBulk} frames: for building keys and JSON.
     *
     * @param row a row of the vector whose cell is not null
     * @return a view of the text, valid until this encoder's next call
     * @throws IllegalArgumentException when the cell is null
     */
    Text text(int row);
}
