package io.redisarrow.core;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a read rides out transient failures: a connection reset or refused, a server still loading
 * its data ({@code LOADING}), a cluster failing over ({@code TRYAGAIN}, {@code CLUSTERDOWN},
 * {@code MASTERDOWN}) or a round trip that timed out. Each failed node read waits, then starts again
 * from the last SCAN cursor whose keys were all handed on, so no key is lost; keys of the
 * interrupted SCAN page may come twice. Permanent failures (authentication, ACL, a missing module,
 * a wrong type in a write, a syntax error, a value that does not parse) are never retried.
 *
 * <p>Waits grow exponentially from {@link #firstBackoff()} to {@link #maxBackoff()}, each drawn
 * between half and all of its step so that readers do not retry in step. The budget counts
 * retries in a row: a batch delivered after a retry resets it. Immutable.
 */
public final class RetryPolicy {

    /** No retries: the first failure ends the read. */
    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1));

    /**
     * The default: up to 10 retries in a row, waiting from 100 ms up to 5 s (about 25 s in all),
     * enough for a Redis Cluster failover with a node timeout of 15 s or less.
     */
    public static final RetryPolicy DEFAULT = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(5));

    private final int maxRetries;

    private final Duration firstBackoff;

    private final Duration maxBackoff;

    private RetryPolicy(int maxRetries, Duration firstBackoff, Duration maxBackoff) {
        this.maxRetries = maxRetries;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    /**
     * @param maxRetries retries in a row before the read fails, {@code >= 0}
     * @param firstBackoff the wait before the first retry, {@code > 0}
     * @param maxBackoff the longest wait, {@code >= firstBackoff}
     * @return the policy
     * @throws IllegalArgumentException when an argument is out of range
     */
    public static RetryPolicy of(int maxRetries, Duration firstBackoff, Duration maxBackoff) {
        Objects.requireNonNull(firstBackoff, "firstBackoff must not be null");
        Objects.requireNonNull(maxBackoff, "maxBackoff must not be null");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0; got " + maxRetries);
        }
        if (firstBackoff.isNegative() || firstBackoff.isZero()) {
            throw new IllegalArgumentException("firstBackoff must be > 0; got " + firstBackoff);
        }
        if (maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must be >= firstBackoff; got " + maxBackoff + " < "
                    + firstBackoff);
        }
        return new RetryPolicy(maxRetries, firstBackoff, maxBackoff);
    }

    /** @return retries in a row before the read fails */
    public int maxRetries() {
        return maxRetries;
    }

    /** @return the wait before the first retry */
    public Duration firstBackoff() {
        return firstBackoff;
    }

    /** @return the longest wait */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /**
     * @param attempt 1 for the first retry
     * @return the wait before that retry: between half and all of
     *         {@code min(maxBackoff, firstBackoff x 2^(attempt-1))}
     */
    public Duration backoff(int attempt) {
        long max = maxBackoff.toNanos();
        long capped = firstBackoff.toNanos();
        for (int i = 1; i < attempt && capped < max; i++) {
            capped = capped > max / 2 ? max : capped * 2;
        }
        capped = Math.min(capped, max);
        long half = capped / 2;
        return Duration.ofNanos(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxRetries=" + maxRetries + ", firstBackoff=" + firstBackoff + ", maxBackoff="
                + maxBackoff + '}';
    }
}
