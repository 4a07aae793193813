package io.redisarrow.core.internal.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * How many more keys a limited read may send for fetching: the rows still wanted, less the keys
 * already in flight ({@code limit - rows fetched - keys in flight}). A key that yields no row
 * (gone, or of another type) gives its place back when its batch returns, so a read fetches at
 * most {@code limit} keys plus the keys that turned out empty. Thread-safe; one budget may be shared
 * by the reads of several nodes, whose reservations wait in turn.
 */
final class KeyBudget {

    private long wanted;

    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();

    KeyBudget(long limit) {
        this.wanted = limit;
    }

    /**
     * @param max the most keys to reserve
     * @return between 1 and {@code max} keys reserved, as soon as any are wanted; reservations
     *         that wait are served in the order they were made
     */
    Mono<Integer> reserve(int max) {
        return Mono.create(sink -> {
            int granted;
            synchronized (this) {
                if (wanted <= 0 || !waiting.isEmpty()) {
                    Waiting entry = new Waiting(sink, max);
                    waiting.addLast(entry);
                    sink.onCancel(() -> forget(entry));
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
        List<Waiting> ready = new ArrayList<>(1);
        List<Integer> grants = new ArrayList<>(1);
        synchronized (this) {
            wanted += keys - rows;
            while (!waiting.isEmpty() && wanted > 0) {
                Waiting next = waiting.pollFirst();
                ready.add(next);
                grants.add(take(next.max));
            }
        }
        for (int i = 0; i < ready.size(); i++) {
            ready.get(i).sink.success(grants.get(i));
        }
    }

    private int take(int max) {
        int granted = (int) Math.min(max, wanted);
        wanted -= granted;
        return granted;
    }

    private synchronized void forget(Waiting entry) {
        waiting.remove(entry);
    }

    private record Waiting(MonoSink<Integer> sink, int max) {
    }
}
