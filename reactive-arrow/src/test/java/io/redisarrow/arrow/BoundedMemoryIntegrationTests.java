package io.redisarrow.arrow;

import io.lettuce.core.RedisFuture;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.scheduler.Schedulers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streams far more data than both the Arrow allocator's limit and the test JVM's heap (this class
 * runs in its own JVM with {@code -Xmx160m}, see the pom) through a slow subscriber, and checks
 * that the library never held more than a small multiple of one batch.
 */
class BoundedMemoryIntegrationTests extends ScanTestSupport {

    static final int KEYS = 3000;

    static final int VALUE_BYTES = 100 * 1024;

    static final long DATA_BYTES = (long) KEYS * VALUE_BYTES;

    static final long ALLOCATOR_LIMIT = 24L * 1024 * 1024;

    static final int BATCH = 20;

    static final int PARALLEL = 4;

    static final Schema SCHEMA = new Schema(List.of(
            new Field("payload", FieldType.nullable(ArrowType.Binary.INSTANCE), null),
            new Field("n", FieldType.nullable(new ArrowType.Int(32, true)), null)));

    static final Schema JSON_SCHEMA = new Schema(List.of(
            new Field("payload", FieldType.nullable(ArrowType.Utf8.INSTANCE), null),
            new Field("n", FieldType.nullable(new ArrowType.Int(32, true)), null)));

    @Test
    @Timeout(300)
    void streamsFarMoreThanTheAllocatorLimitAndTheHeapThroughASlowSubscriber() {
        load();
        assertBounded(redis -> redis.scanHashes(HashScan.builder().pattern(prefix + "*").schema(SCHEMA).batchSize(BATCH)
                .parallel(PARALLEL).build()));
    }

    @Test
    @Timeout(300)
    void streamsFarMoreJsonThanTheAllocatorLimitAndTheHeapThroughASlowSubscriber() {
        server.requireJson();
        loadDocuments();
        assertBounded(redis -> redis.scanJson(JsonScan.builder().pattern(prefix + "*").schema(JSON_SCHEMA)
                .batchSize(BATCH).parallel(PARALLEL).build()));
    }

    @Test
    @Timeout(300)
    void streamsFarMoreStringsThanTheAllocatorLimitAndTheHeapThroughASlowSubscriber() {
        loadStrings();
        assertBounded(redis -> redis.scanStrings(StringScan.builder().pattern(prefix + "*")
                .schema(new Schema(List.of(SCHEMA.getFields().get(0)))).batchSize(BATCH).parallel(PARALLEL).build()));
    }

    @Test
    @Timeout(300)
    void searchesFarMoreThanTheAllocatorLimitAndTheHeapThroughASlowSubscriber() {
        server.requireSearch();
        String index = createIndex("n", "NUMERIC");
        try {
            load();
            awaitIndexed(index);
            assertBounded(redis -> redis.search(SearchQuery.builder().index(index).query("@n:[0 +inf]").schema(SCHEMA)
                    .batchSize(BATCH).parallel(PARALLEL).pageSize(50).build()));
        } finally {
            dropIndex(index);
        }
    }

    /**
     * One stream of {@link #KEYS} entries of {@link #VALUE_BYTES} each, far more than the heap: it is
     * read in XRANGE windows of at most a batch, never held whole.
     */
    @Test
    @Timeout(300)
    void streamsOneStreamFarBiggerThanTheHeapInWindowsThroughASlowSubscriber() {
        byte[] key = bytes(prefix + "stream");
        try {
            loadStream(key);
            assertThat(commands().xlen(key)).isEqualTo(KEYS);
            assertBounded(redis -> redis.scanStreams(StreamScan.builder().pattern(prefix + "stream").schema(SCHEMA)
                    .batchSize(BATCH).parallel(PARALLEL).build())
                    .doOnNext(batch -> assertThat(batch.rowCount()).isLessThanOrEqualTo(BATCH)));
        } finally {
            commands().unlink(key);
        }
    }

    /**
     * One list far larger than the heap, read in windows of {@code BATCH} elements through the small
     * allocator and a slow subscriber: what the library holds depends on the batch, not on the size
     * of the key, and every element comes once, in order.
     */
    @Test
    @Timeout(300)
    void streamsOneListFarLargerThanTheHeapInBoundedMemory() {
        byte[] key = bytes(prefix + "list");
        try {
            var async = loaderConnection.async();
            List<RedisFuture<Long>> pending = new ArrayList<>();
            for (int i = 0; i < KEYS; i++) {
                byte[] element = new byte[VALUE_BYTES];
                Arrays.fill(element, (byte) ('a' + i % 26));
                pending.add(async.rpush(key, element));
                if (pending.size() == 50) {
                    pending.forEach(f -> f.toCompletableFuture().join());
                    pending.clear();
                }
            }
            pending.forEach(f -> f.toCompletableFuture().join());
            assertThat(commands().llen(key)).isEqualTo(KEYS);
            AtomicLong next = new AtomicLong();
            assertBounded(redis -> redis.scanLists(ListScan.builder().pattern(prefix + "list")
                    .schema(new Schema(List.of(new Field("payload", FieldType.nullable(ArrowType.Binary.INSTANCE), null))))
                    .batchSize(BATCH).parallel(PARALLEL).build()), batch -> {
                        assertThat(batch.rowCount()).isLessThanOrEqualTo(BATCH);
                        var payload = (org.apache.arrow.vector.VarBinaryVector) batch.root().getVector("payload");
                        var position = (org.apache.arrow.vector.BigIntVector) batch.root().getVector("_position");
                        for (int row = 0; row < batch.rowCount(); row++) {
                            long expected = next.getAndIncrement();
                            assertThat(position.get(row)).isEqualTo(expected);
                            byte[] element = payload.get(row);
                            assertThat(element).hasSize(VALUE_BYTES);
                            assertThat(element[VALUE_BYTES - 1]).isEqualTo((byte) ('a' + expected % 26));
                        }
                    });
            assertThat(next.get()).as("every element once, in order").isEqualTo(KEYS);
        } finally {
            commands().del(key);
        }
    }

    /**
     * A million matches of small documents through the small allocator: what the library holds
     * depends on the cursor page and the batch, not on how many documents match.
     */
    @Test
    @Timeout(300)
    void searchesAMillionMatchesInBoundedMemory() {
        server.requireSearch();
        String index = createIndex("n", "NUMERIC");
        try {
            int matches = 1_000_000;
            loadHashes(matches, i -> java.util.Map.of("n", Integer.toString(i), "s", "v" + i));
            awaitIndexed(index);
            Schema schema = new Schema(List.of(new Field("n", FieldType.nullable(new ArrowType.Int(64, true)), null),
                    new Field("s", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)));
            try (BufferAllocator limited = allocator.newChildAllocator("bounded", 0, ALLOCATOR_LIMIT);
                    RedisArrow capped = RedisArrow.builder().url(server.url()).allocator(limited).build()) {
                AtomicLong rows = new AtomicLong();
                AtomicLong sum = new AtomicLong();
                AtomicLong largestBatch = new AtomicLong();
                capped.search(SearchQuery.builder().index(index).schema(schema).batchSize(5000).parallel(PARALLEL)
                        .build())
                        .publishOn(Schedulers.single(), 1)
                        .doOnNext(batch -> {
                            try (batch) {
                                rows.addAndGet(batch.rowCount());
                                var n = (org.apache.arrow.vector.BigIntVector) batch.root().getVector("n");
                                for (int i = 0; i < batch.rowCount(); i++) {
                                    sum.addAndGet(n.get(i));
                                }
                                largestBatch.accumulateAndGet(batch.bufferSize(), Math::max);
                            }
                        })
                        .doOnDiscard(RecordBatch.class, RecordBatch::close)
                        .blockLast();
                assertThat(rows.get()).isEqualTo(matches);
                assertThat(sum.get()).as("every document once").isEqualTo((long) matches * (matches - 1) / 2);
                assertThat(limited.getPeakMemoryAllocation()).as("peak Arrow bytes held")
                        .isLessThanOrEqualTo(4 * largestBatch.get()).isLessThan(ALLOCATOR_LIMIT);
                assertThat(limited.getAllocatedMemory()).isZero();
            }
        } finally {
            dropIndex(index);
        }
    }

    /**
     * Writes far more than the allocator's limit and the heap from a publisher that makes each
     * batch on demand: the writer holds at most {@code parallel} batches (and their encoded
     * commands) at once, however much it writes, and every value arrives.
     */
    @Test
    @Timeout(300)
    void writesFarMoreThanTheAllocatorLimitAndTheHeap() {
        assertThat(DATA_BYTES).isGreaterThan(4 * ALLOCATOR_LIMIT).isGreaterThan(Runtime.getRuntime().maxMemory());
        Schema schema = new Schema(List.of(new Field("_key", FieldType.nullable(ArrowType.Utf8.INSTANCE), null),
                new Field("payload", FieldType.nullable(ArrowType.Binary.INSTANCE), null),
                new Field("n", FieldType.nullable(new ArrowType.Int(32, true)), null)));
        try (BufferAllocator limited = allocator.newChildAllocator("bounded", 0, ALLOCATOR_LIMIT);
                RedisArrow capped = RedisArrow.builder().url(server.url()).allocator(limited).build()) {
            AtomicLong largestBatch = new AtomicLong();
            reactor.core.publisher.Flux<RecordBatch> batches = reactor.core.publisher.Flux.range(0, KEYS / BATCH)
                    .map(b -> {
                        List<Object[]> rows = new ArrayList<>();
                        for (int r = 0; r < BATCH; r++) {
                            int i = b * BATCH + r;
                            byte[] payload = new byte[VALUE_BYTES];
                            Arrays.fill(payload, (byte) ('a' + i % 26));
                            rows.add(new Object[] { prefix + i, payload, i });
                        }
                        RecordBatch batch = TestBatches.of(limited, schema, rows);
                        largestBatch.accumulateAndGet(batch.bufferSize(), Math::max);
                        return batch;
                    });
            long written = capped.writeHashes(batches, HashWrite.builder().parallel(PARALLEL).build())
                    .map(WriteResult::written).reduce(0L, Long::sum).block();
            assertThat(written).isEqualTo(KEYS);
            assertThat(limited.getPeakMemoryAllocation()).as("peak Arrow bytes held")
                    .isLessThanOrEqualTo((PARALLEL + 2) * largestBatch.get()).isLessThan(ALLOCATOR_LIMIT);
            assertThat(limited.getAllocatedMemory()).isZero();
        }
        assertThat(commands().hstrlen(bytes(prefix + (KEYS - 1)), bytes("payload"))).isEqualTo(VALUE_BYTES);
        assertThat(commands().hget(bytes(prefix + 17), bytes("n"))).isEqualTo(bytes("17"));
    }

    /** Creates an index over this test's keys, before they are written, so each write is indexed as it happens. */
    private String createIndex(String field, String type) {
        String index = prefix + "idx";
        String reply = loaderConnection.sync().dispatch(SearchTestSupport.command("FT.CREATE"),
                new io.lettuce.core.output.StatusOutput<>(io.lettuce.core.codec.ByteArrayCodec.INSTANCE),
                new io.lettuce.core.protocol.CommandArgs<>(io.lettuce.core.codec.ByteArrayCodec.INSTANCE)
                        .add(bytes(index)).add("ON").add("HASH").add("PREFIX").add(1).add(bytes(prefix))
                        .add("SCHEMA").add(field).add(type));
        assertThat(reply).isEqualTo("OK");
        return index;
    }

    /** Waits until the index's first scan of the keyspace is over, as a search needs. */
    private void awaitIndexed(String index) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (redis.indexInfo(index).block().indexing()) {
            assertThat(System.nanoTime()).as("index still indexing after 60 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private void dropIndex(String index) {
        loaderConnection.sync().dispatch(SearchTestSupport.command("FT.DROPINDEX"),
                new io.lettuce.core.output.StatusOutput<>(io.lettuce.core.codec.ByteArrayCodec.INSTANCE),
                new io.lettuce.core.protocol.CommandArgs<>(io.lettuce.core.codec.ByteArrayCodec.INSTANCE)
                        .add(bytes(index)).add("DD"));
    }

    private void assertBounded(java.util.function.Function<RedisArrow, reactor.core.publisher.Flux<RecordBatch>> scan) {
        assertBounded(scan, batch -> { });
    }

    /** As {@link #assertBounded(java.util.function.Function)}, with {@code check} run on every batch before it is closed. */
    private void assertBounded(java.util.function.Function<RedisArrow, reactor.core.publisher.Flux<RecordBatch>> scan,
            java.util.function.Consumer<RecordBatch> check) {
        assertThat(DATA_BYTES).isGreaterThan(4 * ALLOCATOR_LIMIT).isGreaterThan(Runtime.getRuntime().maxMemory());
        try (BufferAllocator limited = allocator.newChildAllocator("bounded", 0, ALLOCATOR_LIMIT);
                RedisArrow capped = RedisArrow.builder().url(server.url()).allocator(limited).build()) {
            SlowDrain.Totals seen = SlowDrain.drain(scan.apply(capped), check);
            assertThat(seen.rows()).isEqualTo(KEYS);
            assertThat(seen.bytes()).isGreaterThan(DATA_BYTES);
            // decoding one batch while the subscriber holds another, plus what publishOn(1) queued
            assertThat(limited.getPeakMemoryAllocation()).as("peak Arrow bytes held")
                    .isLessThanOrEqualTo(4 * seen.largestBatch());
            assertThat(limited.getAllocatedMemory()).isZero();
        }
    }

    private void loadDocuments() {
        List<RedisFuture<String>> pending = new ArrayList<>();
        var async = loaderConnection.async();
        for (int i = 0; i < KEYS; i++) {
            String payload = Character.toString('a' + i % 26).repeat(VALUE_BYTES);
            pending.add(async.dispatch(JSON_SET,
                    new io.lettuce.core.output.StatusOutput<>(io.lettuce.core.codec.ByteArrayCodec.INSTANCE),
                    new io.lettuce.core.protocol.CommandArgs<>(io.lettuce.core.codec.ByteArrayCodec.INSTANCE)
                            .addKey(bytes(prefix + i)).add("$").add("{\"payload\":\"" + payload + "\",\"n\":" + i + "}")));
            if (pending.size() == 50) {
                pending.forEach(f -> f.toCompletableFuture().join());
                pending.clear();
            }
        }
        pending.forEach(f -> f.toCompletableFuture().join());
    }

    private void loadStrings() {
        var async = loaderConnection.async();
        List<RedisFuture<String>> pending = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            byte[] value = new byte[VALUE_BYTES];
            Arrays.fill(value, (byte) ('a' + i % 26));
            pending.add(async.set(bytes(prefix + i), value));
            if (pending.size() == 50) {
                pending.forEach(f -> f.toCompletableFuture().join());
                pending.clear();
            }
        }
        pending.forEach(f -> f.toCompletableFuture().join());
    }

    /** Appends {@link #KEYS} entries to one stream, 50 XADDs per round trip. */
    private void loadStream(byte[] key) {
        var async = loaderConnection.async();
        List<RedisFuture<String>> pending = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            byte[] value = new byte[VALUE_BYTES];
            Arrays.fill(value, (byte) ('a' + i % 26));
            pending.add(async.xadd(key, new io.lettuce.core.XAddArgs(), bytes("payload"), value, bytes("n"),
                    bytes(Integer.toString(i))));
            if (pending.size() == 50) {
                pending.forEach(f -> f.toCompletableFuture().join());
                pending.clear();
            }
        }
        pending.forEach(f -> f.toCompletableFuture().join());
    }

    private void load() {
        var async = loaderConnection.async();
        List<RedisFuture<Boolean>> pending = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            byte[] value = new byte[VALUE_BYTES];
            Arrays.fill(value, (byte) ('a' + i % 26));
            pending.add(async.hset(bytes(prefix + i), bytes("payload"), value));
            async.hset(bytes(prefix + i), bytes("n"), bytes(Integer.toString(i)));
            if (pending.size() == 50) {
                pending.forEach(f -> f.toCompletableFuture().join());
                pending.clear();
            }
        }
        pending.forEach(f -> f.toCompletableFuture().join());
    }
}
