package io.redisarrow.core;

/**
 * One batch's raw values do not fit the limits of a Java array (2 GiB of bytes, or that many
 * values). Not transient: the same read with the same {@code batchSize} fails again; lower
 * {@code batchSize} or read fewer fields.
 */
public final class BatchTooLargeException extends RedisArrowException {

    private static final long serialVersionUID = 1L;

    /** @param message what exceeded which limit, naming the key, and what to do */
    public BatchTooLargeException(String message) {
        super(message);
    }
}
