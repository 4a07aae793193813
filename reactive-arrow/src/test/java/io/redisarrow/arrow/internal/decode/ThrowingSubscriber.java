package io.redisarrow.arrow.internal.decode;

import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A subscriber whose {@code onNext} throws, as a buggy user's would: requests everything and
 * records the error the publisher then signals.
 *
 * @param <T> element type
 */
public final class ThrowingSubscriber<T> implements CoreSubscriber<T> {

    /** The error signalled after {@code onNext} threw. */
    public final AtomicReference<Throwable> error = new AtomicReference<>();

    /** Counted down when the error arrives. */
    public final CountDownLatch failed = new CountDownLatch(1);

    @Override
    public void onSubscribe(Subscription s) {
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(T element) {
        throw new IllegalStateException("subscriber failure");
    }

    @Override
    public void onError(Throwable t) {
        error.set(t);
        failed.countDown();
    }

    @Override
    public void onComplete() {
    }
}
