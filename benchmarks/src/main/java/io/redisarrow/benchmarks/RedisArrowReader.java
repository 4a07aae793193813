package io.redisarrow.benchmarks;

import io.redisarrow.arrow.HashScan;
import io.redisarrow.arrow.RecordBatch;
import io.redisarrow.arrow.RedisArrow;

import java.util.ArrayList;
import java.util.List;

/**
 * redis-arrow: every hash into Arrow batches held in memory until the pass ends, then closed.
 */
final class RedisArrowReader implements Reader {

    private final RedisArrow redis;

    private final HashScan scan;

    private final String name;

    RedisArrowReader(String url, int parallel, int batchSize, boolean projected, boolean typeFilter) {
        this.redis = RedisArrow.connect(url);
        HashScan.Builder builder = HashScan.builder().pattern(BenchData.PATTERN).schema(BenchData.SCHEMA)
                .batchSize(batchSize).countHint(1000).parallel(parallel).typeFilter(typeFilter);
        if (projected) {
            builder.project(BenchData.FIELDS);
        }
        this.scan = builder.build();
        this.name = "redis-arrow " + (projected ? "HMGET 10 fields" : "HGETALL")
                + (typeFilter ? "" : ", no SCAN TYPE");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int parallel() {
        return scan.parallel();
    }

    @Override
    public long pass() {
        List<RecordBatch> held = new ArrayList<>();
        try {
            redis.scanHashes(scan).doOnNext(held::add).blockLast();
            return held.stream().mapToLong(RecordBatch::rowCount).sum();
        } finally {
            held.forEach(RecordBatch::close);
        }
    }

    @Override
    public void close() {
        redis.close();
    }
}
