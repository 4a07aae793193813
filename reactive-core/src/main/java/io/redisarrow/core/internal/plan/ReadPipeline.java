package io.redisarrow.core.internal.plan;

import io.redisarrow.core.RawBatch;
import io.redisarrow.core.internal.fetch.KeyBatchFetch;
import io.redisarrow.core.internal.source.KeySource;
import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The read path of one node, in order: keys from a {@link KeySource} → batches of
 * {@code batchSize} keys → up to {@code parallel} key batches in flight through a
 * {@link KeyBatchFetch}, emitted in key order. Each batch's keys are pulled only when a fetch slot
 * is free, so at most {@code parallel} batches are held at once. The row limit applies to the
 * whole read, after the nodes' batches are merged ({@link RowLimit}).
 *
 * <p>Every batch says how far the source's keys are read ({@link RawBatch#keysRead()}): the keys
 * of its key batch when it is that key batch's only batch, else the keys before it. A key batch
 * that may yield several batches ends with an empty batch that says the keys after it, which
 * {@link Checkpoints} takes and drops. So a read can restart after the keys handed on.
 *
 * <p>A limited read sizes each batch by the rows still wanted too ({@link KeyBudget}): it sends
 * no more keys than {@code limit} plus those that turned out to yield no row.
 */
final class ReadPipeline {

    private ReadPipeline() {
    }

    static Flux<RawBatch> read(KeySource source, KeyBatchFetch stage, int batchSize, int parallel, long limit) {
        if (limit == 0) {
            return Flux.empty();
        }
        return Flux.defer(() -> RowLimit.apply(batches(source, stage, batchSize, parallel, budget(stage, limit)),
                limit, stage.groupedByKey(), 0));
    }

    /**
     * @param stage the fetch stage
     * @param limit the read's row limit
     * @return a budget for a limited read of one row per key, else null
     */
    static @Nullable KeyBudget budget(KeyBatchFetch stage, long limit) {
        return limit == Long.MAX_VALUE || !stage.rowPerKey() ? null : new KeyBudget(limit);
    }

    /**
     * @param budget the keys a limited read may still send (shared by the nodes of a read), or null
     * @return the node's batches in key order, each saying how far the source's keys are read
     */
    static Flux<RawBatch> batches(KeySource source, KeyBatchFetch stage, int batchSize, int parallel,
            @Nullable KeyBudget budget) {
        return Flux.defer(() -> {
            KeyPuller keys = new KeyPuller(source.keys());
            long[] pulled = { 0 };
            Flux<KeyRange> ranges = Mono.defer(() -> budget == null ? keys.next(stage.keysPerBatch(batchSize))
                    : budget.reserve(batchSize).flatMap(reserved -> keys.next(reserved)
                            .doOnNext(got -> budget.unused(reserved - got.size()))))
                    .repeat()
                    .takeWhile(got -> !got.isEmpty())
                    .map(got -> new KeyRange(got, pulled[0], pulled[0] += got.size()))
                    .doFinally(signal -> keys.dispose());
            return ranges.flatMapSequential(range -> fetch(stage, range, budget), parallel, 1)
                    .onErrorMap(Exceptions::isMultiple, ReadPipeline::first);
        });
    }

    private static Flux<RawBatch> fetch(KeyBatchFetch stage, KeyRange range, @Nullable KeyBudget budget) {
        if (stage.rowPerKey()) {
            AtomicBoolean returned = new AtomicBoolean(budget == null);
            return stage.batches(range.keys()).doOnNext(raw -> {
                raw.keysRead(range.end());
                if (returned.compareAndSet(false, true)) {
                    budget.returned(range.keys().size(), raw.rowCount());
                }
            }).doFinally(signal -> {
                if (returned.compareAndSet(false, true)) {
                    budget.returned(range.keys().size(), 0); // abandoned: its keys are not in flight any more
                }
            });
        }
        return stage.batches(range.keys()).doOnNext(raw -> raw.keysRead(range.start()))
                .concatWith(Mono.fromSupplier(() -> marker(range.end())));
    }

    /**
     * @param keysRead the keys read so far
     * @return an empty batch that says so
     */
    static RawBatch marker(long keysRead) {
        RawBatch marker = new RawBatch(0, 0, 0, false);
        marker.keysRead(keysRead);
        return marker;
    }

    /**
     * Round trips in flight that fail at once (a server gone fails them all) reach the subscriber
     * as the first failure, the others suppressed in it, rather than as a composite.
     */
    static Throwable first(Throwable multiple) {
        List<Throwable> failures = Exceptions.unwrapMultiple(multiple);
        Throwable first = failures.get(0);
        for (Throwable other : failures.subList(1, failures.size())) {
            if (other != first) {
                first.addSuppressed(other);
            }
        }
        return first;
    }

    /** The keys of one key batch, and where they start and end in the source's order. */
    private record KeyRange(List<byte[]> keys, long start, long end) {
    }
}
