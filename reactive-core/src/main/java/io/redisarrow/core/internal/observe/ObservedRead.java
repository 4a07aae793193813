package io.redisarrow.core.internal.observe;

import org.slf4j.Logger;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One read (or write) on one node as {@link Telemetry} observes it: logs its start at its first
 * event, each batch at DEBUG, each retry at WARN and its end with its totals, and records its
 * meters. Thread-safe: round trips end on an I/O thread, batches leave on the subscriber's.
 */
final class ObservedRead implements ReadObserver {

    private final Logger log;

    private final String subject;

    private final Meters.Node meters;

    private final AtomicLong rows = new AtomicLong();

    private final AtomicLong batches = new AtomicLong();

    private final AtomicLong bytes = new AtomicLong();

    private final AtomicLong roundTrips = new AtomicLong();

    private volatile boolean started;

    private boolean ended;

    private long startNanos;

    /**
     * @param log where its lines go
     * @param subject what the lines name, such as {@code hash pattern 'user:*' on host:6379}
     * @param meters its node's meters
     */
    ObservedRead(Logger log, String subject, Meters.Node meters) {
        this.log = log;
        this.subject = subject;
        this.meters = meters;
    }

    @Override
    public void roundTripSent(int commands) {
        begin();
        roundTrips.incrementAndGet();
        meters.roundTripSent();
    }

    @Override
    public void roundTripDone(long nanos, boolean failed) {
        meters.roundTripDone(nanos, failed);
    }

    @Override
    public void batch(int rows, long bytes) {
        begin();
        this.rows.addAndGet(rows);
        this.batches.incrementAndGet();
        this.bytes.addAndGet(bytes);
        meters.batch(rows, bytes);
        if (log.isDebugEnabled()) {
            log.debug("{}: batch of {} rows ({} bytes)", subject, rows, bytes);
        }
    }

    @Override
    public void retry(int attempt, Duration backoff, Throwable cause) {
        begin();
        meters.retry();
        if (log.isWarnEnabled()) {
            log.warn("{}: retry {} in {} ms after {}: {}", subject, attempt, backoff.toMillis(),
                    Telemetry.exceptionName(cause), cause.getMessage());
        }
    }

    @Override
    public void ended(@Nullable Throwable error) {
        begin();
        long nanos;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            nanos = System.nanoTime() - startNanos;
        }
        meters.ended(error);
        if (!log.isInfoEnabled()) {
            return;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
        String totals = rows.get() + " rows in " + batches.get() + " batches (" + bytes.get() + " bytes), "
                + roundTrips.get() + " round trips";
        if (error == null) {
            log.info("{}: ended after {} ms, {}", subject, millis, totals);
        } else {
            // the message may name a key: at DEBUG only, with the stack trace
            log.info("{}: failed after {} ms, {}: {}", subject, millis, totals, Telemetry.exceptionName(error));
            log.debug("{}: failed", subject, error);
        }
    }

    /** Logs the start and counts the read active, once, at its first event. */
    private void begin() {
        if (!started) {
            startOnce();
        }
    }

    private synchronized void startOnce() {
        if (started) {
            return;
        }
        startNanos = System.nanoTime();
        started = true;
        meters.started();
        log.info("{}: started", subject);
    }
}
