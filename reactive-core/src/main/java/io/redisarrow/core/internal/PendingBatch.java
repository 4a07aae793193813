package io.redisarrow.core.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Completion of one pipelined round trip: done when the last of its commands has its reply, or
 * failed at the first command that fails without a reply (connection lost, closed, cancelled).
 * Error replies are not failures here; the stage that owns the outputs reads them afterwards.
 */
final class PendingBatch {

    private final AtomicInteger outstanding;

    private final CompletableFuture<Void> done = new CompletableFuture<>();

    PendingBatch(int commands) {
        this.outstanding = new AtomicInteger(commands);
        if (commands == 0) {
            done.complete(null);
        }
    }

    CompletableFuture<Void> future() {
        return done;
    }

    void commandCompleted() {
        if (outstanding.decrementAndGet() == 0) {
            done.complete(null);
        }
    }

    void commandFailed(Throwable cause) {
        done.completeExceptionally(cause);
    }
}
