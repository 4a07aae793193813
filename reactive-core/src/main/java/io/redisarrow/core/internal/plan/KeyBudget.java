package io.redisarrow.core.internal.plan;

import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * How many more keys a limited read may send for fetching: the rows still wanted, less the keys
 * already in flight ({@code limit - rows fetched - keys in flight}). A key that yields no row
 * (gone, or of another type) gives its place back when its batch returns, so a read fetches at
 * most {@code limit} keys plus the keys that turned out empty. Thread-safe; one reservation waits
 * at a time.
 */
final class KeyBudget {

    private long wanted;

    private MonoSink<Integer> waiting;

    private int waitingFor;

    KeyBudget(long limit) {
        this.wanted = limit;
    }

    /**
     * @param max the most keys to reserve
     * @return between 1 and {@code max} keys reserved, as soon as any are wanted
     */
    Mono<Integer> reserve(int max) {
        return Mono.create(sink -> {
            int granted;
            synchronized (this) {
                if (wanted <= 0) {
                    waiting = sink;
                    waitingFor = max;
                    sink.onCancel(this::forgetWaiting);
                    return;
                }
                granted = take(max);
            }
            sink.success(granted);
        });
    }

    /** Gives back keys reserved but not sent (the key source ran out). */
    void unused(int keys) {
        returned(keys, 0);
    }

    /**
     * @param keys keys of a batch that came back
     * @param rows rows the batch yielded
     */
    void returned(int keys, int rows) {
        MonoSink<Integer> ready = null;
        int granted = 0;
        synchronized (this) {
            wanted += keys - rows;
            if (waiting != null && wanted > 0) {
                ready = waiting;
                granted = take(waitingFor);
                waiting = null;
            }
        }
        if (ready != null) {
            ready.success(granted);
        }
    }

    private int take(int max) {
        int granted = (int) Math.min(max, wanted);
        wanted -= granted;
        return granted;
    }

    private synchronized void forgetWaiting() {
        waiting = null;
    }
}
