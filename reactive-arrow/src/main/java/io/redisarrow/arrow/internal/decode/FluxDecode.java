package io.redisarrow.arrow.internal.decode;

import reactor.core.CoreSubscriber;
import reactor.core.Scannable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxOperator;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Scheduler;
import org.jspecify.annotations.Nullable;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Decodes each upstream element on a {@link Scheduler} into a resource the subscriber owns, one
 * at a time and only while the subscriber has demand, and never hands a resource to a subscriber
 * that has cancelled. Unlike {@code publishOn(scheduler, 1).map(decode)}, it looks at
 * cancellation after decoding: a resource made while the subscriber was cancelling is released
 * here rather than emitted into operators that may drop it without a discard hook (such as
 * {@code timeout}, through {@code Operators.onNextDropped}).
 *
 * <p>One upstream element is requested at a time: the next only after the previous one was
 * emitted, so at most one undecoded element is held.
 *
 * <p><b>Discard Support:</b> resources this operator made and could not emit (cancelled while
 * decoding, an upstream error while decoding, {@code onNext} throwing) are released with the
 * given release function, whether or not a discard hook is set; undecoded upstream elements are
 * simply dropped (they must hold no resources).
 *
 * <p><b>Error Mode Support:</b> fails fast: an upstream error or a decoding failure cancels
 * upstream, releases what is held and is signalled at once; an undecoded element waiting for
 * demand is dropped. Completion waits until the last element was decoded and emitted.
 *
 * @param <I> upstream elements (heap only)
 * @param <O> decoded resources
 */
public final class FluxDecode<I, O> extends FluxOperator<I, O> {

    private final Function<? super I, ? extends O> decoder;

    private final Consumer<? super O> release;

    private final Scheduler scheduler;

    /**
     * @param source the upstream elements
     * @param decoder makes a resource from an element; it must release what it made before throwing
     * @param release releases a resource; idempotent
     * @param scheduler where decoding and emission run
     */
    public FluxDecode(Flux<? extends I> source, Function<? super I, ? extends O> decoder,
            Consumer<? super O> release, Scheduler scheduler) {
        super(source);
        this.decoder = Objects.requireNonNull(decoder, "decoder must not be null");
        this.release = Objects.requireNonNull(release, "release must not be null");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
    }

    @Override
    public void subscribe(CoreSubscriber<? super O> actual) {
        Scheduler.Worker worker;
        try {
            worker = Objects.requireNonNull(scheduler.createWorker(), "the scheduler returned a null worker");
        } catch (Throwable e) {
            Operators.error(actual, Operators.onOperatorError(e, actual.currentContext()));
            return;
        }
        source.subscribe(new DecodeSubscriber<>(actual, decoder, release, worker));
    }

    @Override
    public @Nullable Object scanUnsafe(Scannable.Attr key) {
        if (key == Scannable.Attr.RUN_ON) {
            return scheduler;
        }
        if (key == Scannable.Attr.PREFETCH) {
            return 1;
        }
        if (key == Scannable.Attr.RUN_STYLE) {
            return Scannable.Attr.RunStyle.ASYNC;
        }
        return super.scanUnsafe(key);
    }
}
