package io.redisarrow.benchmarks;

import io.redisarrow.arrow.HashScan;
import io.redisarrow.arrow.RedisArrow;

import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code scanHashes} of one server or cluster, each batch closed as it arrives, counting the rows, the
 * batches and their Arrow buffer bytes of the last pass, and the allocator's peak over every pass.
 */
final class StreamingScan implements Reader {

    private final RedisArrow redis;

    private final HashScan scan;

    private final String name;

    private final String parallel;

    private long batches;

    private long bytes;

    private long largest;

    /**
     * @param url the server, or a node of the cluster
     * @param scan what to read
     * @param name the scenario's name
     * @param parallel the parallel column
     */
    StreamingScan(String url, HashScan scan, String name, String parallel) {
        this.redis = RedisArrow.connect(url);
        this.scan = scan;
        this.name = name;
        this.parallel = parallel;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String parallel() {
        return parallel;
    }

    @Override
    public long pass() {
        AtomicLong count = new AtomicLong();
        AtomicLong size = new AtomicLong();
        AtomicLong max = new AtomicLong();
        Long rows = redis.scanHashes(scan).map(batch -> {
            try (batch) {
                count.incrementAndGet();
                long buffers = batch.bufferSize();
                size.addAndGet(buffers);
                max.accumulateAndGet(buffers, Math::max);
                return (long) batch.rowCount();
            }
        }).reduce(0L, Long::sum).block();
        batches = count.get();
        bytes = size.get();
        largest = max.get();
        return rows == null ? 0 : rows;
    }

    /** @return the batches of the last pass */
    long batches() {
        return batches;
    }

    /** @return the Arrow buffer bytes of the last pass's batches, summed */
    long batchBytes() {
        return bytes;
    }

    /** @return the Arrow buffer bytes of the last pass's largest batch */
    long largestBatchBytes() {
        return largest;
    }

    /** @return the allocator's peak over every pass so far, in bytes */
    long peakBytes() {
        return redis.allocator().getPeakMemoryAllocation();
    }

    @Override
    public void close() {
        redis.close();
    }
}
