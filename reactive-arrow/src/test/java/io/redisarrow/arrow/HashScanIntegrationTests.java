package io.redisarrow.arrow;

import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class HashScanIntegrationTests extends ScanTestSupport {

    static Field field(String name, ArrowType type) {
        return new Field(name, FieldType.nullable(type), null);
    }

    static final Schema ALL_TYPES = new Schema(List.of(
            field("s", ArrowType.Utf8.INSTANCE),
            field("i8", new ArrowType.Int(8, true)),
            field("i16", new ArrowType.Int(16, true)),
            field("i32", new ArrowType.Int(32, true)),
            field("i64", new ArrowType.Int(64, true)),
            field("f32", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
            field("f64", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
            field("b", ArrowType.Bool.INSTANCE),
            field("d", new ArrowType.Date(DateUnit.DAY)),
            field("ts", new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC")),
            field("tsn", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)),
            field("dec", new ArrowType.Decimal(12, 2, 128)),
            field("bin", ArrowType.Binary.INSTANCE)));

    HashScan.Builder scan() {
        return HashScan.builder().pattern(prefix + "*").schema(ALL_TYPES);
    }

    @Test
    void roundTripsEveryTypeIncludingExtremesNullsAndEmptyStrings() {
        Map<String, String> full = everyTypeText();
        hset(prefix + "full", full);
        commands().hset(bytes(prefix + "full"), bytes("bin"), new byte[] { 0, -1, 10, 13 });
        hset(prefix + "sparse", Map.of("s", "", "i64", "-9223372036854775808", "b", "0"));

        Map<String, Map<String, Object>> rows = Rows.collect(redis.scanHashes(scan().build())).stream()
                .collect(Collectors.toMap(row -> (String) row.get("_key"), row -> row));

        Map<String, Object> f = rows.get(prefix + "full");
        assertThat(f).contains(entry("s", "héllo 世界 🎉"), entry("i8", (byte) -128), entry("i16", (short) 32767),
                entry("i32", Integer.MIN_VALUE), entry("i64", Long.MAX_VALUE), entry("f32", 1.5f),
                entry("f64", -2.25e-3), entry("b", true), entry("d", (int) LocalDate.of(2024, 2, 29).toEpochDay()),
                entry("tsn", LocalDateTime.of(2024, 1, 1, 10, 0, 0, 123_456_000)),
                entry("dec", new BigDecimal("-12.30")));
        assertThat(f.get("ts")).isEqualTo(1704096000000L);
        assertThat((byte[]) f.get("bin")).containsExactly(0, -1, 10, 13);

        Map<String, Object> s = rows.get(prefix + "sparse");
        assertThat(s).contains(entry("s", ""), entry("i64", Long.MIN_VALUE), entry("b", false));
        assertThat(s.get("i32")).isNull();
        assertThat(s.get("ts")).isNull();
        assertThat(s.get("bin")).isNull();
    }

    @Test
    void keepsColumnOrderIndexKeyTtlThenFields() {
        hset(prefix + "a", Map.of("s", "x"));
        commands().expire(bytes(prefix + "a"), 1000);
        hset(prefix + "b", Map.of("s", "y"));
        List<Map<String, Object>> rows = Rows.collect(redis.scanHashes(scan().rowIndexColumn("_index")
                .ttlColumn("_ttl").project("s", "i32").build()));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).keySet()).containsExactly("_index", "_key", "_ttl", "s", "i32");
        assertThat(rows).extracting(row -> row.get("_index")).containsExactly(0L, 1L);
        Map<Object, Object> ttlByKey = rows.stream().collect(Collectors.toMap(r -> r.get("_key"), r -> r.get("_ttl")));
        assertThat((Long) ttlByKey.get(prefix + "a")).isBetween(990L, 1000L);
        assertThat(ttlByKey.get(prefix + "b")).isEqualTo(-1L);
    }

    @Test
    void rowIndexRunsAcrossBatches() {
        loadHashes(2500, i -> Map.of("i32", Integer.toString(i)));
        List<Map<String, Object>> rows = Rows.collect(redis.scanHashes(scan().batchSize(100).parallel(3)
                .rowIndexColumn("_index").build()));
        assertThat(rows).extracting(row -> row.get("_index"))
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 2500).boxed().toList());
    }

    @Test
    void noKeyColumnDropsTheKey() {
        hset(prefix + "a", Map.of("s", "x"));
        List<Map<String, Object>> rows = Rows.collect(redis.scanHashes(scan().noKeyColumn().project("s").build()));
        assertThat(rows).containsExactly(Map.of("s", "x"));
    }

    @Test
    void projectionReadsOnlyTheNamedFieldsInProjectionOrder() {
        hset(prefix + "a", Map.of("s", "x", "i32", "7", "i64", "8"));
        List<Map<String, Object>> rows = Rows.collect(redis.scanHashes(scan().project("i64", "s").build()));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).keySet()).containsExactly("_key", "i64", "s");
        assertThat(rows.get(0)).contains(entry("i64", 8L), entry("s", "x"));
    }

    @Test
    void projectedKeyWithoutThoseFieldsStillYieldsARowOfNulls() {
        hset(prefix + "a", Map.of("other", "x"));
        List<Map<String, Object>> rows = Rows.collect(redis.scanHashes(scan().project("s").build()));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("s")).isNull();
    }

    @Test
    void skipsKeysOfOtherTypesUnderThePattern() {
        hset(prefix + "hash", Map.of("s", "x"));
        commands().set(bytes(prefix + "string"), bytes("v"));
        commands().sadd(bytes(prefix + "set"), bytes("m"));
        commands().rpush(bytes(prefix + "list"), bytes("e"));
        commands().zadd(bytes(prefix + "zset"), 1.0, bytes("m"));
        List<Map<String, Object>> rows = Rows.collect(redis.scanHashes(scan().build()));
        assertOnlyTheHashCame(rows);
    }

    @Test
    void skipsKeysOfOtherTypesWithoutTheServerSideTypeFilterToo() {
        hset(prefix + "hash", Map.of("s", "x"));
        commands().set(bytes(prefix + "string"), bytes("v"));
        commands().sadd(bytes(prefix + "set"), bytes("m"));
        for (boolean projected : new boolean[] { false, true }) {
            HashScan.Builder builder = scan().typeFilter(false).batchSize(2);
            if (projected) {
                builder.project("s");
            }
            List<Map<String, Object>> rows = Rows.collect(redis.scanHashes(builder.build()));
            assertOnlyTheHashCame(rows);
        }
    }

    /**
     * SCAN returns a key twice when the server resizes its table between two replies (the keys an
     * earlier test removed make it shrink), so these tests of type filtering check which keys came,
     * not how often.
     */
    private void assertOnlyTheHashCame(List<Map<String, Object>> rows) {
        assertThat(rows).isNotEmpty().extracting(row -> row.get("_key")).containsOnly(prefix + "hash");
    }

    @Test
    void ignoresFieldsNotInTheSchema() {
        hset(prefix + "a", Map.of("s", "x", "extra", "y", "more", "z"));
        List<Map<String, Object>> rows = Rows.collect(redis.scanHashes(scan().build()));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).doesNotContainKey("extra").containsEntry("s", "x");
    }

    @Test
    void readsOneMegabyteValuesAndUnicodeKeys() {
        String big = "ü".repeat(512 * 1024);
        hset(prefix + "ключ-🔑", Map.of("s", big));
        List<Map<String, Object>> rows = Rows.collect(redis.scanHashes(scan().project("s").build()));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("_key")).isEqualTo(prefix + "ключ-🔑");
        assertThat((String) rows.get(0).get("s")).isEqualTo(big);
    }

    @Test
    void binaryKeysAreReadAsBinary() {
        byte[] key = new byte[prefix.length() + 4];
        System.arraycopy(bytes(prefix), 0, key, 0, prefix.length());
        key[prefix.length()] = 0;
        key[prefix.length() + 1] = (byte) 0xff;
        key[prefix.length() + 2] = (byte) 0xc3;
        key[prefix.length() + 3] = '*';
        hset(key, Map.of("s", "x"));
        List<Map<String, Object>> rows = Rows.collect(redis.scanHashes(scan().binaryKeys().build()));
        assertThat(rows).hasSize(1);
        assertThat((byte[]) rows.get(0).get("_key")).isEqualTo(key);
    }

    @Test
    void nonUtf8KeyInAUtf8KeyColumnFailsWithAHint() {
        byte[] key = (prefix + "x").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        key[key.length - 1] = (byte) 0xff;
        hset(key, Map.of("s", "x"));
        reactor.test.StepVerifier.create(redis.scanHashes(scan().build()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ValueConversionException.class)
                        .hasMessageContaining("binaryKeys()"))
                .verify();
    }

    @Test
    void parallelOneAndEightReturnTheSameRows() {
        loadHashes(3000, i -> Map.of("i32", Integer.toString(i), "s", "row" + i));
        List<Map<String, Object>> one = Rows.collect(redis.scanHashes(scan().batchSize(64).parallel(1).build()));
        List<Map<String, Object>> eight = Rows.collect(redis.scanHashes(scan().batchSize(64).parallel(8).build()));
        assertThat(one).hasSize(3000).containsExactlyElementsOf(eight);
    }

    @Test
    void limitStopsAfterThatManyRows() {
        loadHashes(1000, i -> Map.of("i32", Integer.toString(i)));
        List<Map<String, Object>> rows = Rows.collect(redis.scanHashes(scan().batchSize(64).limit(150)
                .rowIndexColumn("_index").build()));
        assertThat(rows).hasSize(150);
        assertThat(rows.get(149).get("_index")).isEqualTo(149L);
        assertThat(Rows.collect(redis.scanHashes(scan().limit(0).build()))).isEmpty();
    }

    @Test
    void emptyKeyspaceCompletesWithNoBatch() {
        reactor.test.StepVerifier.create(redis.scanHashes(scan().build())).verifyComplete();
    }

    @Test
    void batchesHoldAtMostBatchSizeRows() {
        loadHashes(1000, i -> Map.of("i32", Integer.toString(i)));
        List<Integer> sizes = redis.scanHashes(scan().batchSize(128).build())
                .map(batch -> {
                    try (batch) {
                        return batch.rowCount();
                    }
                }).collectList().block();
        // keys are grouped in SCAN order, batchSize at a time: seven full batches, then the 104 left
        assertThat(sizes).containsExactly(128, 128, 128, 128, 128, 128, 128, 104);
    }

    @Test
    void ownAllocatorHoldsLittleMoreThanTheBatchesData() {
        loadHashes(3000, i -> Map.of("s", "name-" + i, "i32", Integer.toString(i), "f64", i + ".5", "ts",
                "2024-01-01T10:00:00Z"));
        try (RedisArrow own = RedisArrow.connect(server.url())) {
            List<RecordBatch> held = own.scanHashes(scan().batchSize(1000).build()).collectList().block();
            try {
                long data = held.stream().mapToLong(RecordBatch::bufferSize).sum();
                assertThat(held.stream().mapToInt(RecordBatch::rowCount).sum()).isEqualTo(3000);
                // buffers round up to 1 KiB, not to a power of two (which held 1.5 x the data here)
                assertThat((double) own.allocator().getAllocatedMemory()).isLessThanOrEqualTo(data * 1.2);
            } finally {
                held.forEach(RecordBatch::close);
            }
            assertThat(own.allocator().getAllocatedMemory()).isZero();
        }
    }
}
