package io.redisarrow.core.internal.plan;

import io.redisarrow.core.RawBatch;
import io.redisarrow.core.internal.fetch.KeyBatchFetch;
import io.redisarrow.core.internal.source.KeySource;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The read path, in order: keys from a {@link KeySource} → batches of {@code batchSize} keys →
 * up to {@code parallel} key batches in flight through a {@link KeyBatchFetch}, emitted
 * in key order → the row limit. Each batch's keys are pulled only when a fetch slot is free, so
 * at most {@code parallel} batches are held at once.
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
        return Flux.defer(() -> {
            KeyPuller keys = new KeyPuller(source.keys());
            KeyBudget budget = limit == Long.MAX_VALUE || !stage.rowPerKey() ? null : new KeyBudget(limit);
            Flux<List<byte[]>> batches = Mono.defer(() -> budget == null ? keys.next(stage.keysPerBatch(batchSize))
                    : budget.reserve(batchSize).flatMap(reserved -> keys.next(reserved)
                            .doOnNext(got -> budget.unused(reserved - got.size()))))
                    .repeat()
                    .takeWhile(got -> !got.isEmpty())
                    .doFinally(signal -> keys.dispose());
            Flux<RawBatch> fetched = batches.flatMapSequential(got -> budget == null ? stage.batches(got)
                    : stage.batches(got).doOnNext(raw -> budget.returned(got.size(), raw.rowCount())), parallel, 1)
                    .onErrorMap(Exceptions::isMultiple, ReadPipeline::first);
            return RowLimit.apply(fetched, limit, stage.groupedByKey());
        });
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
}
