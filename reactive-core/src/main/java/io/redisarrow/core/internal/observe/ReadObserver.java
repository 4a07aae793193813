package io.redisarrow.core.internal.observe;

import org.jspecify.annotations.Nullable;

import java.time.Duration;

/**
 * What one read (or write) on one node reports while it runs: its round trips, its batches, its
 * retries and how it ended. The engine calls it from I/O threads and from the subscriber's
 * threads; implementations are thread-safe and never throw. Made by {@link Telemetry#read}.
 */
public interface ReadObserver {

    /** Reports nothing. */
    ReadObserver NONE = new ReadObserver() {
    };

    /**
     * A pipelined round trip was written to the connection.
     *
     * @param commands the commands it holds
     */
    default void roundTripSent(int commands) {
    }

    /**
     * A round trip written earlier ended: its last reply arrived, or it failed or was abandoned.
     *
     * @param nanos the time from the write to its end
     * @param failed whether it failed (connection lost, timeout, abandoned)
     */
    default void roundTripDone(long nanos, boolean failed) {
    }

    /**
     * A batch left this node's pipeline.
     *
     * @param rows its rows
     * @param bytes the bytes of keys and values it holds
     */
    default void batch(int rows, long bytes) {
    }

    /**
     * A transient failure is retried.
     *
     * @param attempt 1 for the first retry
     * @param backoff how long the read waits before it
     * @param cause what failed
     */
    default void retry(int attempt, Duration backoff, Throwable cause) {
    }

    /**
     * The read ended on this node.
     *
     * @param error why it failed, or null when it completed or was cancelled
     */
    default void ended(@Nullable Throwable error) {
    }
}
