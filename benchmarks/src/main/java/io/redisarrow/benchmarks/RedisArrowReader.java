package io.redisarrow.benchmarks;

import io.redisarrow.arrow.HashScan;
import io.redisarrow.arrow.RecordBatch;
import io.redisarrow.arrow.RedisArrow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * redis-arrow: every hash into Arrow batches, each closed as it arrives (streaming) or all held
 * in memory until the pass ends (collecting); the progress note gives the Arrow bytes held and
 * the allocator's peak.
 */
final class RedisArrowReader implements Reader {

    /** SCAN COUNT of the Jedis and Lettuce baselines. */
    static final int BASELINE_SCAN_COUNT = 1000;

    private final RedisArrow redis;

    private final HashScan scan;

    private final String name;

    private long heldBytes;

    private long peakBytes;

    private final boolean streaming;

    /**
     * A scan built by the caller.
     *
     * @param url the server
     * @param scan what to read
     * @param name the scenario's name
     * @param streaming close each batch as it arrives instead of holding all until the pass ends,
     *        so the allocator's peak is what the library holds
     */
    RedisArrowReader(String url, HashScan scan, String name, boolean streaming) {
        this.redis = RedisArrow.connect(url);
        this.scan = scan;
        this.name = name;
        this.streaming = streaming;
    }

    long peakBytes() {
        return peakBytes;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String parallel() {
        return Integer.toString(scan.parallel());
    }

    @Override
    public long pass() {
        if (streaming) {
            Long rows = redis.scanHashes(scan).map(batch -> {
                try (batch) {
                    return (long) batch.rowCount();
                }
            }).reduce(0L, Long::sum).block();
            heldBytes = 0;
            peakBytes = redis.allocator().getPeakMemoryAllocation();
            return rows == null ? 0 : rows;
        }
        List<RecordBatch> held = new ArrayList<>();
        try {
            redis.scanHashes(scan).doOnNext(held::add).blockLast();
            long rows = 0;
            long bytes = 0;
            for (RecordBatch batch : held) {
                rows += batch.rowCount();
                bytes += batch.bufferSize();
            }
            heldBytes = bytes;
            peakBytes = redis.allocator().getPeakMemoryAllocation();
            return rows;
        } finally {
            held.forEach(RecordBatch::close);
        }
    }

    @Override
    public String detail() {
        return String.format(Locale.ROOT, "%,.0f MB Arrow held, allocator peak %,.0f MB", heldBytes / 1e6, peakBytes / 1e6);
    }

    @Override
    public void close() {
        redis.close();
    }
}
