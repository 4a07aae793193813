package io.redisarrow.core.internal.write;

import reactor.core.publisher.Mono;

import java.util.concurrent.CompletableFuture;

/**
 * Sends a write's batches in input order though they are encoded in parallel: each batch has a
 * {@link Turn}, which waits until the batch before it was handed to the connection (or ended
 * without being sent), and which it ends itself as soon as its own commands are handed over. The
 * connection writes what it is handed in order, so the server applies the batches in input order.
 */
final class SendOrder {

    private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);

    /**
     * The next batch's turn; called in input order (Reactor serializes {@code onNext}).
     *
     * @return the turn
     */
    Turn next() {
        CompletableFuture<Void> previous = last;
        CompletableFuture<Void> mine = new CompletableFuture<>();
        last = mine;
        return new Turn(previous, mine);
    }

    /** One batch's place in the order. */
    static final class Turn {

        private final CompletableFuture<Void> previous;

        private final CompletableFuture<Void> mine;

        private Turn(CompletableFuture<Void> previous, CompletableFuture<Void> mine) {
            this.previous = previous;
            this.mine = mine;
        }

        /** @return completes once the batch before has been handed over or has ended */
        Mono<Void> await() {
            return Mono.fromFuture(previous, true);
        }

        /** Lets the next batch go: this one was handed over, or ended without being sent. Idempotent. */
        void done() {
            mine.complete(null);
        }
    }
}
