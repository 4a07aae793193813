package io.redisarrow.benchmarks;

import io.redisarrow.arrow.HashWrite;
import io.redisarrow.arrow.RecordBatch;
import io.redisarrow.arrow.RedisArrow;
import io.redisarrow.arrow.WriteMode;
import io.redisarrow.arrow.WriteResult;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * redis-arrow's {@code writeHashes} of the batches as they are, in one of the write scenario's
 * variants, with the default {@code parallel} and key column; checks that no row failed and that
 * every row was written (the keys are absent before each pass).
 */
final class ArrowHashWriter implements BatchWriter {

    /** The TTL of the MERGE-with-TTL row (and of the atomicity table's PEXPIRE): longer than any run. */
    static final Duration TTL = Duration.ofHours(1);

    /** The redis-arrow rows of the hash table. */
    enum Variant {

        MERGE("redis-arrow writeHashes MERGE (HSET)", WriteMode.MERGE, false),
        REPLACE("redis-arrow writeHashes REPLACE (MULTI, DEL, HSET, EXEC)", WriteMode.REPLACE, false),
        SKIP_EXISTING("redis-arrow writeHashes SKIP_EXISTING, absent keys (EVALSHA APPLY 'N')",
                WriteMode.SKIP_EXISTING, false),
        MERGE_TTL("redis-arrow writeHashes MERGE with TTL (EVALSHA APPLY: HSET, PEXPIRE)", WriteMode.MERGE, true);

        final String label;

        final WriteMode mode;

        final boolean ttl;

        Variant(String label, WriteMode mode, boolean ttl) {
            this.label = label;
            this.mode = mode;
            this.ttl = ttl;
        }

        HashWrite write() {
            HashWrite.Builder builder = HashWrite.builder().mode(mode);
            return (ttl ? builder.ttl(TTL) : builder).build();
        }
    }

    private final RedisArrow redis;

    private final Variant variant;

    private final HashWrite write;

    /**
     * @param redis a client of the writes' server and database, closed by {@link #close()}
     * @param variant which write
     */
    ArrowHashWriter(RedisArrow redis, Variant variant) {
        this.redis = redis;
        this.variant = variant;
        this.write = variant.write();
    }

    /** @return the client's allocator, where the batches must live */
    RedisArrow redis() {
        return redis;
    }

    @Override
    public String name() {
        return variant.label;
    }

    @Override
    public String parallel() {
        return Integer.toString(write.parallel());
    }

    @Override
    public long write(List<RecordBatch> batches) {
        try {
            long rows = batches.stream().mapToLong(RecordBatch::rowCount).sum();
            long[] counts = new long[3];
            redis.writeHashes(Flux.fromIterable(batches), write).doOnNext(result -> count(result, counts)).blockLast();
            return check(counts, rows);
        } finally {
            batches.forEach(RecordBatch::close);
        }
    }

    private static void count(WriteResult result, long[] counts) {
        counts[0] += result.written();
        counts[1] += result.skipped();
        counts[2] += result.failed();
    }

    private long check(long[] counts, long rows) {
        if (counts[0] != rows || counts[1] != 0 || counts[2] != 0) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "%s of %,d rows: %,d written, %,d skipped, %,d failed; expected every row written", variant.label,
                    rows, counts[0], counts[1], counts[2]));
        }
        return counts[0];
    }

    @Override
    public void close() {
        redis.close();
    }
}
