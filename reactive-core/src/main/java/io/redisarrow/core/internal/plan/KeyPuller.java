package io.redisarrow.core.internal.plan;

import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;

import java.util.ArrayList;
import java.util.List;

/**
 * Pulls keys from a key publisher in chunks of a size chosen at each pull: {@link #next(int)}
 * requests exactly that many keys and completes with them (fewer at the end, an empty list once
 * the keys are exhausted). One pull at a time; the subscription starts at the first pull and
 * {@link #dispose()} cancels it.
 */
final class KeyPuller extends BaseSubscriber<byte[]> {

    private final Flux<byte[]> keys;

    private boolean subscribed;

    private List<byte[]> chunk;

    private int wanted;

    private MonoSink<List<byte[]>> sink;

    private boolean done;

    private Throwable error;

    KeyPuller(Flux<byte[]> keys) {
        this.keys = keys;
    }

    /**
     * @param count keys wanted, {@code >= 1}
     * @return the next keys, in order: {@code count} of them unless the keys run out first
     */
    Mono<List<byte[]>> next(int count) {
        return Mono.create(s -> {
            boolean subscribe;
            synchronized (this) {
                if (error != null) {
                    s.error(error);
                    return;
                }
                if (done) {
                    s.success(List.of());
                    return;
                }
                chunk = new ArrayList<>(count);
                wanted = count;
                sink = s;
                subscribe = !subscribed;
                subscribed = true;
            }
            if (subscribe) {
                keys.subscribe(this);
            }
            request(count);
        });
    }

    @Override
    protected void hookOnSubscribe(Subscription subscription) {
        // demand comes from next(count) only
    }

    @Override
    protected void hookOnNext(byte[] key) {
        boolean full;
        synchronized (this) {
            chunk.add(key);
            full = chunk.size() == wanted;
        }
        if (full) {
            handOver(null);
        }
    }

    @Override
    protected void hookOnComplete() {
        synchronized (this) {
            done = true;
        }
        handOver(null);
    }

    @Override
    protected void hookOnError(Throwable failure) {
        synchronized (this) {
            error = failure;
        }
        handOver(failure);
    }

    /** Completes the waiting pull with the keys gathered so far, or with the failure. */
    private void handOver(@Nullable Throwable failure) {
        MonoSink<List<byte[]>> ready;
        List<byte[]> keysReady;
        synchronized (this) {
            ready = sink;
            keysReady = chunk;
            sink = null;
            chunk = null;
        }
        if (ready == null) {
            return;
        }
        if (failure != null) {
            ready.error(failure);
        } else {
            ready.success(keysReady);
        }
    }
}
