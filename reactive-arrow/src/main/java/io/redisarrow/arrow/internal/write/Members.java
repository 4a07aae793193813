package io.redisarrow.arrow.internal.write;

import io.netty.buffer.ByteBuf;

/**
 * What each row of one batch adds to the collection at its key: a set's member, a list's element,
 * or a sorted set's score and member, as the arguments of the collection's command.
 */
interface Members {

    /**
     * @param row a row
     * @return whether it has no member (the row is skipped)
     */
    boolean isNull(int row);

    /** @return the command arguments each row adds */
    int argsPerRow();

    /**
     * Appends a row's arguments as bulk strings.
     *
     * @param row a row that {@link #isNull} says has a member
     * @param out the command buffer
     * @throws IllegalArgumentException when the row cannot be written, naming it
     */
    void write(int row, ByteBuf out);
}
