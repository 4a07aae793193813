package io.redisarrow.arrow;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Drains a scan through a slow subscriber (one batch at a time on another thread, 2 ms each), as the
 * bounded-memory tests do, closing every batch, and adds up what it saw.
 */
final class SlowDrain {

    private SlowDrain() {
    }

    /**
     * @param rows the rows seen
     * @param bytes the Arrow bytes of every batch seen
     * @param largestBatch the Arrow bytes of the largest batch
     */
    record Totals(long rows, long bytes, long largestBatch) {
    }

    /**
     * @param batches the scan
     * @param check run on every batch before it is closed
     * @return what the batches held
     */
    static Totals drain(Flux<RecordBatch> batches, Consumer<RecordBatch> check) {
        AtomicLong rows = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong largest = new AtomicLong();
        batches.publishOn(Schedulers.single(), 1)
                .doOnNext(batch -> {
                    try (batch) {
                        check.accept(batch);
                        rows.addAndGet(batch.rowCount());
                        bytes.addAndGet(batch.bufferSize());
                        largest.accumulateAndGet(batch.bufferSize(), Math::max);
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })
                .doOnDiscard(RecordBatch.class, RecordBatch::close)
                .blockLast();
        return new Totals(rows.get(), bytes.get(), largest.get());
    }
}
