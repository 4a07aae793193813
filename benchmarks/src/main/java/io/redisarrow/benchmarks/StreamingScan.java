package io.redisarrow.benchmarks;

import io.redisarrow.arrow.HashScan;
import io.redisarrow.arrow.RedisArrow;
import org.apache.arrow.vector.BaseVariableWidthVector;

import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code scanHashes} of one server or cluster, each batch closed as it arrives, counting the rows, the
 * batches and their Arrow buffer bytes of the last pass, and the allocator's peak over every pass; the
 * keys of each pass are tallied ({@link KeyTally}), so a pass can be checked to read every key; the
 * library's retries and round trips are counted in a meter registry of its own ({@link ReadMeters}).
 */
final class StreamingScan implements Reader {

    private final RedisArrow redis;

    private final HashScan scan;

    private final String name;

    private final String parallel;

    private long batches;

    private long bytes;

    private long largest;

    private final int keys;

    private KeyTally tally;

    private final String keyColumn;

    private final ReadMeters meters = new ReadMeters();

    /**
     * @param url the server, or a node of the cluster
     * @param scan what to read
     * @param name the scenario's name
     * @param parallel the parallel column
     * @param keys N, the keys {@code bench:user:<i>} a pass should read
     */
    StreamingScan(String url, HashScan scan, String name, String parallel, int keys) {
        this.redis = RedisArrow.builder().url(url).meterRegistry(meters.registry()).build();
        this.scan = scan;
        this.name = name;
        this.parallel = parallel;
        this.keys = keys;
        this.keyColumn = scan.keyColumn().orElseThrow(
                () -> new IllegalArgumentException("scan must have a key column, to tally the keys read: " + scan));
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
        KeyTally tally = new KeyTally(keys);
        Long rows = redis.scanHashes(scan).map(batch -> {
            try (batch) {
                count.incrementAndGet();
                long buffers = batch.bufferSize();
                size.addAndGet(buffers);
                max.accumulateAndGet(buffers, Math::max);
                tally.add((BaseVariableWidthVector) batch.root().getVector(keyColumn));
                return (long) batch.rowCount();
            }
        }).reduce(0L, Long::sum).block();
        batches = count.get();
        bytes = size.get();
        largest = max.get();
        this.tally = tally;
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

    /** @return the keys the last pass read */
    KeyTally tally() {
        return tally;
    }

    /** @return the Arrow buffer bytes of the last pass's largest batch */
    long largestBatchBytes() {
        return largest;
    }

    /** @return the retries and round trips of every pass so far */
    ReadMeters.Reading meters() {
        return meters.now();
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
