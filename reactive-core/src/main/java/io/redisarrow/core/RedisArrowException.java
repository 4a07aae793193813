package io.redisarrow.core;

/**
 * Base type of the exceptions redis-arrow raises itself. Exceptions from Lettuce (connection,
 * timeout, command errors) reach callers unwrapped.
 */
public class RedisArrowException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and what to do about it
     */
    public RedisArrowException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause the underlying failure
     */
    public RedisArrowException(String message, Throwable cause) {
        super(message, cause);
    }
}
