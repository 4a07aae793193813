package io.redisarrow.arrow.internal.consumer;

/**
 * Writes raw Redis values of one column straight into one Arrow vector.
 *
 * <p>One implementation per vector type. The caller allocates the vector for the batch's row
 * count before the first call, passes the row index explicitly (consumers keep no cursor), and
 * sets the vector's value count afterwards. A consumer never throws for unparsable input: it
 * answers {@code false} and leaves the slot untouched, so the caller applies the parse-error
 * policy with the key and field it knows.
 */
public interface ColumnConsumer {

    /**
     * Parses {@code length} bytes at {@code offset} of {@code data} into slot {@code row}.
     *
     * @param row slot to write
     * @param data array holding the value
     * @param offset where the value starts
     * @param length value length in bytes, {@code >= 0}
     * @return {@code true} when written, {@code false} when the bytes are not a value of this type
     */
    boolean consume(int row, byte[] data, int offset, int length);

    /**
     * Marks slot {@code row} null.
     *
     * @param row slot to mark
     */
    void consumeNull(int row);
}
