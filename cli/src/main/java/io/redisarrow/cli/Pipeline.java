package io.redisarrow.cli;

import reactor.core.Disposable;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/** Runs a publisher to its end, waiting on the calling thread, cancellable by the running {@link Interruption.Work}. */
final class Pipeline {

    private Pipeline() {
    }

    /**
     * Subscribes and waits until the publisher completes, fails or is cancelled.
     *
     * @param work the publisher; its elements are dropped
     * @param running the work it belongs to, whose cancellation disposes the subscription
     * @return {@code true} when it completed, {@code false} when it was cancelled
     * @throws RuntimeException the publisher's error, unwrapped
     */
    static boolean drain(Flux<?> work, Interruption.Work running) {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Disposable> subscription = new AtomicReference<>();
        running.onCancel(() -> {
            Disposable d = subscription.get();
            if (d != null) {
                d.dispose();
            }
            done.countDown();
        });
        subscription.set(work.doFinally(signal -> done.countDown()).subscribe(item -> { }, failure::set));
        if (running.cancelled()) {
            subscription.get().dispose();
            return false;
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            subscription.get().dispose();
            Thread.currentThread().interrupt();
            return false;
        }
        if (running.cancelled()) {
            return false;
        }
        Throwable error = failure.get();
        if (error != null) {
            Throwable unwrapped = Exceptions.unwrap(error);
            if (unwrapped instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (unwrapped instanceof Error fatal) {
                throw fatal;
            }
            throw new IllegalStateException(unwrapped.getMessage(), unwrapped);
        }
        return true;
    }
}
