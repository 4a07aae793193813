package io.redisarrow.benchmarks;

import io.redisarrow.arrow.HashScan;
import io.redisarrow.arrow.RecordBatch;
import io.redisarrow.arrow.RedisArrow;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Memory per row and library-held memory as N grows. For each N (a {@code limit} on the data set):
 * collecting every batch (Arrow bytes the allocator holds per row, against the Arrow data itself
 * and the seed's "~100 bytes per field per row" estimate), then streaming to a subscriber slower
 * than Redis (the allocator's peak, which must not grow with N).
 */
final class MemorySweep {

    /** The seed's estimate: about 100 bytes per field per row. */
    static final double SEED_BYTES_PER_FIELD = 100;

    /** How long the slow subscriber works on each batch before closing it and asking for the next. */
    static final long SLOW_MILLIS_PER_BATCH = 10;

    private MemorySweep() {
    }

    static Table run(Bench bench, int[] sizes) throws InterruptedException {
        int fields = BenchData.FIELDS.length;
        Table table = new Table("memory", String.format(Locale.ROOT,
                "Memory: Arrow bytes per row and library-held memory (batchSize %,d, parallel %d)",
                HashScan.DEFAULT_BATCH_SIZE, HashScan.DEFAULT_PARALLEL))
                .number("rows", "rows", "%,d").number("Arrow bytes/row held", "arrow_bytes_per_row", "%,.0f")
                .number("Arrow data bytes/row", "data_bytes_per_row", "%,.0f")
                .number("held ÷ data", "held_over_data", "%.2f")
                .number("seed's estimate bytes/row", "seed_bytes_per_row", "%,.0f")
                .number("estimate ÷ held", "seed_over_held", "%.2f")
                .number("collect all: Arrow MB", "collect_mb", "%,.1f")
                .number("stream, slow subscriber: Arrow peak MB", "stream_peak_mb", "%.2f")
                .number("peak in batches", "stream_peak_batches", "%.1f")
                .number("stream, slow subscriber: heap held MB", "stream_heap_mb", "%.2f")
                .number("heap in batches", "stream_heap_batches", "%.1f");
        for (int size : sizes) {
            HashScan scan = HashScan.builder().pattern(BenchData.PATTERN).schema(BenchData.SCHEMA)
                    .batchSize(HashScan.DEFAULT_BATCH_SIZE).limit(size).build();
            Collected collected = collect(bench.url(), scan);
            if (collected.rows() != size) {
                throw new IllegalStateException(String.format(Locale.ROOT, "memory: read %,d rows, expected %,d",
                        collected.rows(), size));
            }
            Streamed streamed = streamSlowly(bench.url(), scan, size);
            long peak = streamed.arrowPeak();
            double perBatch = collected.held() / (double) collected.batches();
            double heldPerRow = collected.held() / (double) size;
            double seed = SEED_BYTES_PER_FIELD * fields;
            table.row((long) size, heldPerRow, collected.data() / (double) size, collected.held() / (double) collected.data(),
                    seed, seed / heldPerRow, collected.held() / 1e6, peak / 1e6, peak / perBatch,
                    streamed.heapHeld() < 0 ? null : streamed.heapHeld() / 1e6,
                    streamed.heapHeld() < 0 ? null : streamed.heapHeld() / perBatch);
            Progress.say("memory: %,d rows: %,.0f Arrow bytes/row held (%,.0f of data), streaming peak %.2f MB",
                    size, heldPerRow, collected.data() / (double) size, peak / 1e6);
        }
        table.note(String.format(Locale.ROOT, "Each row reads the first N rows of the data set (`limit`). Held: the"
                + " allocator's bytes while every batch of the scan is held, which includes the allocator's rounding"
                + " of each buffer; data: the vectors' own sizes (`getBufferSize()`: values, offsets and validity"
                + " bits), with the key column. The seed's estimate is ~100 bytes per field per row for %d fields."
                + " Streaming: a subscriber that asks for one batch at a time and spends %d ms on each (slower than"
                + " Redis delivers) before closing it; the peak is the allocator's, so it counts the batch the"
                + " subscriber holds; peak in batches divides it by the mean held bytes of a batch. Heap held: the"
                + " Java heap in use (after a full GC) while the slow subscriber works on its %d-th batch, less the"
                + " heap in use before the scan: the raw replies of the round trips in flight and waiting (heap"
                + " bytes, not in the allocator) and the pipeline's own objects; heap in batches divides it by the"
                + " mean Arrow bytes of a batch. A scan of fewer batches than that has no heap sample (a dash).",
                fields, SLOW_MILLIS_PER_BATCH, HEAP_SAMPLE_BATCH));
        return table;
    }

    /** The slow subscriber's batch at which the heap is sampled: by then every pipeline is full. */
    static final int HEAP_SAMPLE_BATCH = 5;

    /** What a slow subscriber saw: the allocator's peak and the heap the scan held (-1: not sampled). */
    private record Streamed(long arrowPeak, long heapHeld) {
    }

    /** Held bytes (allocator), data bytes (vectors) and rows of a whole scan held at once. */
    private record Collected(long held, long data, long rows, int batches) {
    }

    private static Collected collect(String url, HashScan scan) {
        try (RedisArrow redis = RedisArrow.connect(url)) {
            List<RecordBatch> batches = new ArrayList<>();
            try {
                redis.scanHashes(scan).doOnNext(batches::add).blockLast();
                long data = 0;
                long rows = 0;
                for (RecordBatch batch : batches) {
                    data += batch.bufferSize();
                    rows += batch.rowCount();
                }
                return new Collected(redis.allocator().getAllocatedMemory(), data, rows, batches.size());
            } finally {
                batches.forEach(RecordBatch::close);
            }
        }
    }

    private static long heapUsedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static Streamed streamSlowly(String url, HashScan scan, int expectedRows) throws InterruptedException {
        try (RedisArrow redis = RedisArrow.connect(url)) {
            long heapBefore = heapUsedAfterGc();
            long[] heapDuring = { 0 };
            int[] seen = { 0 };
            CountDownLatch done = new CountDownLatch(1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            long[] rows = { 0 };
            redis.scanHashes(scan).subscribe(new BaseSubscriber<>() {
                @Override
                protected void hookOnSubscribe(Subscription subscription) {
                    request(1);
                }

                @Override
                protected void hookOnNext(RecordBatch batch) {
                    try (batch) {
                        rows[0] += batch.rowCount();
                        LockSupport.parkNanos(SLOW_MILLIS_PER_BATCH * 1_000_000);
                        if (++seen[0] == HEAP_SAMPLE_BATCH) {
                            heapDuring[0] = heapUsedAfterGc();
                        }
                    }
                    request(1);
                }

                @Override
                protected void hookOnError(Throwable error) {
                    failure.set(error);
                }

                @Override
                protected void hookFinally(reactor.core.publisher.SignalType type) {
                    done.countDown();
                }
            });
            done.await();
            if (failure.get() != null) {
                throw new IllegalStateException("memory: the slow scan failed", failure.get());
            }
            if (rows[0] != expectedRows) {
                throw new IllegalStateException(String.format(Locale.ROOT, "memory: streamed %,d rows, expected %,d",
                        rows[0], expectedRows));
            }
            long held = seen[0] < HEAP_SAMPLE_BATCH ? -1 : Math.max(0, heapDuring[0] - heapBefore);
            return new Streamed(redis.allocator().getPeakMemoryAllocation(), held);
        }
    }
}
