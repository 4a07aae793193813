package io.redisarrow.core.internal.observe;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * A {@link ReadObserver} that never throws: what the observer it wraps throws is logged (the
 * first time at WARN, then at DEBUG) and dropped, so that a faulty observer, or a meter registry
 * that fails, cannot break the read it observes.
 */
public final class GuardedObserver implements ReadObserver {

    private static final Logger LOG = LoggerFactory.getLogger(Telemetry.OBSERVE_LOGGER);

    private final ReadObserver observer;

    private volatile boolean warned;

    private GuardedObserver(ReadObserver observer) {
        this.observer = observer;
    }

    /**
     * @param observer an observer
     * @return one that calls it and drops what it throws; {@code observer} itself when it is
     *         {@link ReadObserver#NONE} or already guarded
     */
    public static ReadObserver of(ReadObserver observer) {
        if (observer == null) {
            throw new IllegalArgumentException("observer must not be null");
        }
        return observer == ReadObserver.NONE || observer instanceof GuardedObserver ? observer
                : new GuardedObserver(observer);
    }

    @Override
    public void roundTripSent(int commands) {
        try {
            observer.roundTripSent(commands);
        } catch (RuntimeException | LinkageError e) {
            failed("roundTripSent", e);
        }
    }

    @Override
    public void roundTripDone(long nanos, boolean failed) {
        try {
            observer.roundTripDone(nanos, failed);
        } catch (RuntimeException | LinkageError e) {
            failed("roundTripDone", e);
        }
    }

    @Override
    public void batch(int rows, long bytes) {
        try {
            observer.batch(rows, bytes);
        } catch (RuntimeException | LinkageError e) {
            failed("batch", e);
        }
    }

    @Override
    public void retry(int attempt, Duration backoff, Throwable cause) {
        try {
            observer.retry(attempt, backoff, cause);
        } catch (RuntimeException | LinkageError e) {
            failed("retry", e);
        }
    }

    @Override
    public void ended(@Nullable Throwable error) {
        try {
            observer.ended(error);
        } catch (RuntimeException | LinkageError e) {
            failed("ended", e);
        }
    }

    private void failed(String method, Throwable e) {
        if (!warned) {
            warned = true;
            LOG.warn("the observer {} failed in {} and is ignored (later failures at DEBUG): {}",
                    observer.getClass().getName(), method, e.toString());
        } else {
            LOG.debug("the observer {} failed in {}", observer.getClass().getName(), method, e);
        }
    }
}
