package io.redisarrow.arrow.internal.decode;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Exceptions;
import reactor.core.Scannable;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Scheduler;
import reactor.util.context.Context;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The subscriber of {@link FluxDecode}. Signals from upstream and downstream only record state
 * and schedule the drain loop ({@link #run()}) on the worker; the loop, serialised by
 * {@code wip}, is the only code that decodes and emits. A terminal or cancelled state leaves
 * {@code wip} above zero for good, so nothing is scheduled after it.
 */
final class DecodeSubscriber<I, O> implements CoreSubscriber<I>, Subscription, Scannable, Runnable {

    private final CoreSubscriber<? super O> actual;

    private final Function<? super I, ? extends O> decoder;

    private final Consumer<? super O> release;

    private final Scheduler.Worker worker;

    @SuppressWarnings("NotNullFieldNotInitialized") // set in onSubscribe
    private Subscription s;

    /** the one upstream element waiting to be decoded */
    private volatile @Nullable I pending;

    @SuppressWarnings("rawtypes")
    private static final AtomicReferenceFieldUpdater<DecodeSubscriber, Object> PENDING =
            AtomicReferenceFieldUpdater.newUpdater(DecodeSubscriber.class, Object.class, "pending");

    private volatile boolean done;

    private volatile @Nullable Throwable error;

    private volatile boolean cancelled;

    private volatile boolean terminated;

    private volatile long requested;

    @SuppressWarnings("rawtypes")
    private static final AtomicLongFieldUpdater<DecodeSubscriber> REQUESTED =
            AtomicLongFieldUpdater.newUpdater(DecodeSubscriber.class, "requested");

    private volatile int wip;

    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<DecodeSubscriber> WIP =
            AtomicIntegerFieldUpdater.newUpdater(DecodeSubscriber.class, "wip");

    /** emitted so far; touched by the drain loop only */
    private long produced;

    DecodeSubscriber(CoreSubscriber<? super O> actual, Function<? super I, ? extends O> decoder,
            Consumer<? super O> release, Scheduler.Worker worker) {
        this.actual = actual;
        this.decoder = decoder;
        this.release = release;
        this.worker = worker;
    }

    @Override
    public Context currentContext() {
        return actual.currentContext();
    }

    @Override
    public void onSubscribe(Subscription s) {
        if (Operators.validate(this.s, s)) {
            this.s = s;
            actual.onSubscribe(this);
            s.request(1);
        }
    }

    @Override
    public void onNext(I t) {
        if (done) {
            Operators.onNextDropped(t, actual.currentContext());
            return;
        }
        if (cancelled) {
            return;
        }
        if (!PENDING.compareAndSet(this, null, t)) {
            s.cancel();
            onError(Operators.onOperatorError(Exceptions.failWithOverflow(
                    "more elements arrived than were requested"), actual.currentContext()));
            return;
        }
        schedule();
    }

    @Override
    public void onError(Throwable t) {
        if (done) {
            Operators.onErrorDropped(t, actual.currentContext());
            return;
        }
        error = t;
        done = true;
        schedule();
    }

    @Override
    public void onComplete() {
        if (done) {
            return;
        }
        done = true;
        schedule();
    }

    @Override
    public void request(long n) {
        if (Operators.validate(n)) {
            Operators.addCap(REQUESTED, this, n);
            schedule();
        }
    }

    @Override
    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        s.cancel();
        if (WIP.getAndIncrement(this) == 0) {
            cleanUp();
        }
    }

    private void schedule() {
        if (WIP.getAndIncrement(this) != 0) {
            return;
        }
        try {
            worker.schedule(this);
        } catch (RejectedExecutionException e) {
            s.cancel();
            Throwable failure = Operators.onRejectedExecution(e, s, error, null, actual.currentContext());
            cleanUp();
            if (!cancelled) {
                terminated = true;
                actual.onError(failure);
            }
        }
    }

    /** The drain loop: decodes and emits while there is demand, then signals a terminal state. */
    @Override
    public void run() {
        int missed = 1;
        for (;;) {
            if (cancelled) {
                cleanUp();
                return;
            }
            boolean d = done;
            Throwable failure = error;
            if (d && failure != null) {
                fail(failure);
                return;
            }
            @SuppressWarnings("unchecked")
            I raw = (I) pending;
            if (d && raw == null) {
                terminated = true;
                cleanUp();
                actual.onComplete();
                return;
            }
            if (raw != null && requested != produced) {
                pending = null;
                if (!decodeAndEmit(raw)) {
                    return;
                }
                continue;
            }
            missed = WIP.addAndGet(this, -missed);
            if (missed == 0) {
                return;
            }
        }
    }

    /** @return whether to go on draining */
    private boolean decodeAndEmit(I raw) {
        O out;
        try {
            out = decoder.apply(raw);
            if (out == null) {
                throw new NullPointerException("the decoder returned null");
            }
        } catch (Throwable e) {
            s.cancel();
            fail(Operators.onOperatorError(e, actual.currentContext()));
            return false;
        }
        if (cancelled) {
            release.accept(out);
            cleanUp();
            return false;
        }
        Throwable failure = error;
        if (failure != null) {
            release.accept(out);
            fail(failure);
            return false;
        }
        produced++;
        try {
            actual.onNext(out);
        } catch (Throwable e) {
            Exceptions.throwIfJvmFatal(e);
            release.accept(out);
            s.cancel();
            fail(Operators.onOperatorError(e, actual.currentContext()));
            return false;
        }
        s.request(1);
        return true;
    }

    private void fail(Throwable failure) {
        cleanUp();
        if (!cancelled) {
            terminated = true;
            actual.onError(failure);
        }
    }

    private void cleanUp() {
        pending = null;
        worker.dispose();
    }

    @Override
    public @Nullable Object scanUnsafe(Attr key) {
        if (key == Attr.PARENT) {
            return s;
        }
        if (key == Attr.ACTUAL) {
            return actual;
        }
        if (key == Attr.CANCELLED) {
            return cancelled;
        }
        if (key == Attr.TERMINATED) {
            return terminated;
        }
        if (key == Attr.ERROR) {
            return error;
        }
        if (key == Attr.REQUESTED_FROM_DOWNSTREAM) {
            return requested;
        }
        if (key == Attr.BUFFERED) {
            return pending == null ? 0 : 1;
        }
        if (key == Attr.PREFETCH) {
            return 1;
        }
        if (key == Attr.RUN_ON) {
            return worker;
        }
        if (key == Attr.RUN_STYLE) {
            return Attr.RunStyle.ASYNC;
        }
        return null;
    }
}
