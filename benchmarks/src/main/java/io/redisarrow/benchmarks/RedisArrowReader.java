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

    /** Keys per round trip. */
    static final int BATCH_SIZE = 1000;

    private final RedisArrow redis;

    private final HashScan scan;

    private final String name;

    private long heldBytes;

    private long peakBytes;

    private final boolean streaming;

    /**
     * @param url the server
     * @param parallel round trips in flight
     * @param projected HMGET of all ten fields instead of HGETALL
     * @param typeFilter whether SCAN sends {@code TYPE hash}
     * @param streaming close each batch as it arrives, or hold every batch until the pass ends
     */
    RedisArrowReader(String url, int parallel, boolean projected, boolean typeFilter, boolean streaming) {
        this.redis = RedisArrow.connect(url);
        this.streaming = streaming;
        HashScan.Builder builder = HashScan.builder().pattern(BenchData.PATTERN).schema(BenchData.SCHEMA)
                .batchSize(BATCH_SIZE).parallel(parallel).typeFilter(typeFilter);
        if (projected) {
            builder.project(BenchData.FIELDS);
        }
        this.scan = builder.build();
        this.name = "redis-arrow " + (projected ? "HMGET 10 fields" : "HGETALL") + (typeFilter ? "" : ", no SCAN TYPE")
                + (streaming ? "" : ", every batch held");
    }

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
