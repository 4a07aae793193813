package io.redisarrow.benchmarks;

import io.redisarrow.arrow.JsonScan;
import io.redisarrow.arrow.RedisArrow;

import java.util.Locale;

/**
 * redis-arrow: every document into Arrow batches with {@link RedisArrow#scanJson(JsonScan)}, each
 * batch closed as it arrives, as a streaming subscriber does; the progress note gives the
 * allocator's peak.
 */
final class JsonArrowReader implements Reader {

    private final RedisArrow redis;

    private final JsonScan scan;

    private final String name;

    private long peakBytes;

    /**
     * @param url the documents' server and database
     * @param scan what to read
     * @param name the scenario's name
     */
    JsonArrowReader(String url, JsonScan scan, String name) {
        this.redis = RedisArrow.connect(url);
        this.scan = scan;
        this.name = name;
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
        Long rows = redis.scanJson(scan).map(batch -> {
            try (batch) {
                return (long) batch.rowCount();
            }
        }).reduce(0L, Long::sum).block();
        peakBytes = redis.allocator().getPeakMemoryAllocation();
        return rows == null ? 0 : rows;
    }

    @Override
    public String detail() {
        return String.format(Locale.ROOT, "allocator peak %,.1f MB", peakBytes / 1e6);
    }

    @Override
    public void close() {
        redis.close();
    }
}
