package io.redisarrow.arrow;

import io.redisarrow.core.RedisArrowException;

/**
 * Bytes that are not a readable Arrow IPC stream: malformed or truncated messages, a batch before
 * the schema, a second schema, dictionary batches or compressed bodies (not supported), data after
 * the end-of-stream marker. The message says which, and at which byte of the stream.
 */
public final class ArrowIpcException extends RedisArrowException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the stream */
    public ArrowIpcException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong with the stream
     * @param cause what Arrow reported
     */
    public ArrowIpcException(String message, Throwable cause) {
        super(message, cause);
    }
}
