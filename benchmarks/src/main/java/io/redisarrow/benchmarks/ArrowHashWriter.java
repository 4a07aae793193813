package io.redisarrow.benchmarks;

import io.redisarrow.arrow.HashWrite;
import io.redisarrow.arrow.JsonWrite;
import io.redisarrow.arrow.RecordBatch;
import io.redisarrow.arrow.RedisArrow;
import io.redisarrow.arrow.WriteMode;
import io.redisarrow.arrow.WriteResult;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * redis-arrow's {@code writeHashes} (or {@code writeJson}) of the batches as they are, in one of the
 * write scenario's variants, with the default {@code parallel} and key column; checks that no row
 * failed and that every row was written (the keys are absent before each pass).
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

    private final String label;

    private final int parallel;

    private final Function<Flux<RecordBatch>, Flux<WriteResult>> writer;

    /**
     * @param redis a client of the writes' server and database, closed by {@link #close()}
     * @param variant which hash write
     */
    ArrowHashWriter(RedisArrow redis, Variant variant) {
        this(redis, variant.label, variant.write().parallel(), batches -> redis.writeHashes(batches, variant.write()));
    }

    private ArrowHashWriter(RedisArrow redis, String label, int parallel,
            Function<Flux<RecordBatch>, Flux<WriteResult>> writer) {
        this.redis = redis;
        this.label = label;
        this.parallel = parallel;
        this.writer = writer;
    }

    /**
     * @param redis a client of the writes' server and database, closed by {@link #close()}
     * @param variant which JSON write
     * @return a writer of the batches as JSON documents, with the default options in that mode
     */
    static ArrowHashWriter json(RedisArrow redis, JsonWrites.Variant variant) {
        JsonWrite write = JsonWrite.builder().mode(variant.mode).build();
        return new ArrowHashWriter(redis, variant.label, write.parallel(), batches -> redis.writeJson(batches, write));
    }

    @Override
    public String name() {
        return label;
    }

    @Override
    public String parallel() {
        return Integer.toString(parallel);
    }

    @Override
    public long write(List<RecordBatch> batches) {
        try {
            long rows = batches.stream().mapToLong(RecordBatch::rowCount).sum();
            long[] counts = new long[3];
            writer.apply(Flux.fromIterable(batches)).doOnNext(result -> count(result, counts)).blockLast();
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
                    "%s of %,d rows: %,d written, %,d skipped, %,d failed; expected every row written", label,
                    rows, counts[0], counts[1], counts[2]));
        }
        return counts[0];
    }

    @Override
    public void close() {
        redis.close();
    }
}
