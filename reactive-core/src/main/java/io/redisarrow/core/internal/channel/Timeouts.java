package io.redisarrow.core.internal.channel;

import io.lettuce.core.RedisCommandTimeoutException;

import java.time.Duration;

/**
 * The one way this package reports a round trip that took longer than the command timeout.
 */
public final class Timeouts {

    private Timeouts() {
    }

    public static RedisCommandTimeoutException exception(String what, Duration timeout) {
        return new RedisCommandTimeoutException(what + " timed out after " + timeout.toMillis()
                + " ms (commandTimeout); raise it, lower batchSize, or check the server's latency");
    }
}
