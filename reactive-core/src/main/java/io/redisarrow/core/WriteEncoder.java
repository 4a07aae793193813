package io.redisarrow.core;

/**
 * Turns the input items of a write into {@link WriteBatch}es, and owns them: the write pipeline
 * calls {@link #encode} at most once per item, and {@link #close} exactly once per item it
 * received (after encoding, or instead of it when the write ended first).
 *
 * @param <T> the input items, such as record batches
 */
public interface WriteEncoder<T> {

    /**
     * Encodes one item's commands. Runs on the write's encoding scheduler, never on an I/O thread.
     *
     * @param item the item, not yet closed
     * @return its commands and units
     * @throws RuntimeException with a message naming the row, for input that cannot be written (the
     *         write fails before the batch's commands are sent)
     */
    WriteBatch encode(T item);

    /**
     * Releases an item. Idempotent.
     *
     * @param item the item
     */
    void close(T item);

    /** @return the class of the items, to close those a cancelled write discards */
    Class<T> type();
}
