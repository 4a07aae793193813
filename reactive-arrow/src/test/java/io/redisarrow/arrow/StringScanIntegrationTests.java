package io.redisarrow.arrow;

import io.redisarrow.core.TypeFilter;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.test.StepVerifier;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static io.redisarrow.arrow.JsonScanIntegrationTests.field;
import static io.redisarrow.arrow.JsonScanIntegrationTests.list;
import static io.redisarrow.arrow.JsonScanIntegrationTests.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * String keys read into Arrow against a real server: every scalar type by the hash parse rules,
 * Binary byte for byte, JSON text into nested columns, the parse-error policies, keys of other
 * types and deleted keys giving no row, and the shared options (TTL, limit, row index, key column,
 * binary keys, empty results, large values).
 */
class StringScanIntegrationTests extends ScanTestSupport {

    static final ArrowType INT64 = new ArrowType.Int(64, true);

    static Schema valueOf(ArrowType type) {
        return new Schema(List.of(field("value", type)));
    }

    private int reads;

    StringScan.Builder scan() {
        return StringScan.builder().pattern(prefix + "*");
    }

    void set(String key, String value) {
        commands().set(bytes(key), bytes(value));
    }

    /**
     * Stores each value under its own key, reads them back into a column of this type, and gives
     * the column's values in the order given.
     */
    List<Object> read(ArrowType type, byte[]... values) {
        String sub = prefix + (reads++) + ":";
        for (int i = 0; i < values.length; i++) {
            commands().set(bytes(sub + (char) ('a' + i)), values[i]);
        }
        return Rows.sortedBy(Rows.collect(redis.scanStrings(StringScan.builder().pattern(sub + "*")
                .schema(valueOf(type)).build())), "_key").stream().map(row -> row.get("value")).toList();
    }

    List<Object> read(ArrowType type, String... values) {
        byte[][] raw = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            raw[i] = bytes(values[i]);
        }
        return read(type, raw);
    }

    @Test
    void readsEveryIntegerAndFloatingPointTypeAtItsExtremes() {
        assertThat(read(new ArrowType.Int(8, true), "-128", "127", "+5")).containsExactly((byte) -128, (byte) 127,
                (byte) 5);
        assertThat(read(new ArrowType.Int(16, true), "-32768", "32767")).containsExactly((short) -32768,
                (short) 32767);
        assertThat(read(new ArrowType.Int(32, true), "-2147483648", "2147483647")).containsExactly(Integer.MIN_VALUE,
                Integer.MAX_VALUE);
        assertThat(read(INT64, "-9223372036854775808", "9223372036854775807")).containsExactly(Long.MIN_VALUE,
                Long.MAX_VALUE);
        assertThat(read(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), "1.5", "-inf", ".25"))
                .containsExactly(1.5f, Float.NEGATIVE_INFINITY, 0.25f);
        assertThat(read(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), "-2.25e-3", "1e308", "NaN"))
                .containsExactly(-2.25e-3, 1e308, Double.NaN);
    }

    @Test
    void readsEveryBoolSpelling() {
        assertThat(read(ArrowType.Bool.INSTANCE, "true", "FALSE", "1", "0", "yes", "No", "t", "F", "y", "n"))
                .containsExactly(true, false, true, false, true, false, true, false, true, false);
    }

    @Test
    void readsDecimalsExactly() {
        assertThat(read(new ArrowType.Decimal(12, 2, 128), "-12.3", "1e3", "9999999999.99"))
                .containsExactly(new BigDecimal("-12.30"), new BigDecimal("1000.00"), new BigDecimal("9999999999.99"));
        assertThat(read(new ArrowType.Decimal(38, 10, 128), "1234567890123456789012345678.0123456789"))
                .containsExactly(new BigDecimal("1234567890123456789012345678.0123456789"));
    }

    @Test
    void readsDatesAndTimestampsWithAndWithoutZones() {
        assertThat(read(new ArrowType.Date(DateUnit.DAY), "2024-02-29", "2024-02-29T23:30:00-02:00", "0"))
                .containsExactly((int) LocalDate.of(2024, 2, 29).toEpochDay(),
                        (int) LocalDate.of(2024, 3, 1).toEpochDay(), 0);
        assertThat(read(new ArrowType.Date(DateUnit.MILLISECOND), "2024-02-29"))
                .containsExactly(LocalDateTime.of(2024, 2, 29, 0, 0));
        assertThat(read(new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC"), "2024-01-01T10:00:00+02:00",
                "2024-01-01T08:00:00Z")).containsExactly(1704096000000L, 1704096000000L);
        // without an offset, a wall-clock time in the column's zone
        long paris = LocalDateTime.of(2024, 7, 1, 12, 0).atZone(ZoneId.of("Europe/Paris")).toEpochSecond();
        assertThat(read(new ArrowType.Timestamp(TimeUnit.SECOND, "Europe/Paris"), "2024-07-01T12:00:00",
                "2024-07-01 10:00Z")).containsExactly(paris, paris);
        assertThat(read(new ArrowType.Timestamp(TimeUnit.NANOSECOND, "Asia/Tokyo"), "2024-01-01 09:00"))
                .containsExactly(1704067200L * 1_000_000_000L);
        assertThat(read(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), "2024-01-01 10:00:00.123456"))
                .containsExactly(LocalDateTime.of(2024, 1, 1, 10, 0, 0, 123_456_000));
    }

    @Test
    void binaryTakesEveryByteValueAsItIs() {
        byte[] every = new byte[256];
        for (int i = 0; i < 256; i++) {
            every[i] = (byte) i;
        }
        List<Object> values = read(ArrowType.Binary.INSTANCE, every, new byte[0], new byte[] { '\r', '\n' });
        assertThat((byte[]) values.get(0)).isEqualTo(every);
        assertThat((byte[]) values.get(1)).isEmpty();
        assertThat((byte[]) values.get(2)).containsExactly('\r', '\n');
    }

    @Test
    void utf8TakesUnicodeAndTheEmptyStringAndIsTheDefaultColumn() {
        set(prefix + "ключ-🔑", "héllo 世界 🎉");
        set(prefix + "empty", "");
        StringScan scan = scan().build();
        assertThat(scan.schema()).isEqualTo(StringScan.DEFAULT_SCHEMA);
        Map<Object, Object> rows = Rows.collect(redis.scanStrings(scan)).stream()
                .collect(Collectors.toMap(row -> row.get("_key"), row -> row.get("value")));
        assertThat(rows).containsOnly(Map.entry(prefix + "ключ-🔑", "héllo 世界 🎉"), Map.entry(prefix + "empty", ""));
    }

    @Test
    void jsonTextFillsStructListAndMapColumns() {
        Schema struct = new Schema(List.of(field("user", ArrowType.Struct.INSTANCE, field("name", ArrowType.Utf8.INSTANCE),
                field("age", new ArrowType.Int(32, true)), list("tags", field("item", ArrowType.Utf8.INSTANCE)))));
        set(prefix + "s:1", "{\"name\":\"Ada\",\"age\":\"36\",\"tags\":[\"x\",\"\u00e9\"],\"extra\":{}}");
        set(prefix + "s:2", "{\"name\":\"Bob\"}");
        List<Map<String, Object>> rows = Rows.sortedBy(Rows.collect(redis.scanStrings(StringScan.builder()
                .pattern(prefix + "s:*").schema(struct).build())), "_key");
        assertThat(rows).extracting(row -> row.get("user").toString()).containsExactly(
                "{\"name\":\"Ada\",\"age\":36,\"tags\":[\"x\",\"\u00e9\"]}", "{\"name\":\"Bob\"}");

        set(prefix + "l:1", "[1, 2.5, -3e2]");
        set(prefix + "l:2", "[]");
        Schema listOf = new Schema(List.of(list("scores", field("item",
                new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)))));
        assertThat(Rows.sortedBy(Rows.collect(redis.scanStrings(StringScan.builder().pattern(prefix + "l:*")
                .schema(listOf).build())), "_key")).extracting(row -> row.get("scores").toString())
                .containsExactly("[1.0,2.5,-300.0]", "[]");

        set(prefix + "m:1", "{\"eyes\":\"blue\"}");
        assertThat(Rows.collect(redis.scanStrings(StringScan.builder().pattern(prefix + "m:*")
                .schema(new Schema(List.of(map("attrs", ArrowType.Utf8.INSTANCE)))).build())))
                .extracting(row -> row.get("attrs").toString()).containsExactly("[{\"key\":\"eyes\",\"value\":\"blue\"}]");
    }

    @Test
    void invalidJsonFailsNamingKeyAndColumnOrIsNulledAndCounted() {
        Schema listOf = new Schema(List.of(list("items", field("item", INT64))));
        set(prefix + "bad", "[1, 2,");
        set(prefix + "good", "[3]");
        StepVerifier.create(redis.scanStrings(scan().schema(listOf).build()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ValueConversionException.class)
                        .hasMessageContaining(prefix + "bad").hasMessageContaining("'items'"))
                .verify(Duration.ofSeconds(10));
        Map<String, Object> expected = new java.util.HashMap<>();
        expected.put(prefix + "good", "[3]");
        expected.put(prefix + "bad", null);
        assertNulled(scan().schema(listOf).onParseError(ParseErrorPolicy.NULL).build(), expected, 1);
    }

    @Test
    void aValueThatDoesNotParseFailsNamingKeyAndValue() {
        set(prefix + "ok", "1");
        set(prefix + "bad", "not a number");
        StepVerifier.create(redis.scanStrings(scan().schema(valueOf(INT64)).build()))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ValueConversionException.class)
                            .hasMessageContaining(prefix + "bad").hasMessageContaining("not a number")
                            .hasMessageContaining("'value'").hasMessageContaining("Int64");
                    assertThat(((ValueConversionException) e).keyAsString()).isEqualTo(prefix + "bad");
                })
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void anEmptyStringInANumberOrJsonColumnDoesNotParse() {
        set(prefix + "empty", "");
        for (Schema schema : List.of(valueOf(INT64), valueOf(ArrowType.Bool.INSTANCE),
                new Schema(List.of(list("value", field("item", INT64)))))) {
            StepVerifier.create(redis.scanStrings(scan().schema(schema).build()))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ValueConversionException.class)
                            .hasMessageContaining(prefix + "empty"))
                    .verify(Duration.ofSeconds(10));
        }
    }

    @Test
    void underNullABadValueIsANullRowAndCounted() {
        set(prefix + "ok", "7");
        set(prefix + "bad", "seven");
        set(prefix + "empty", "");
        Map<String, Object> expected = new java.util.HashMap<>();
        expected.put(prefix + "ok", 7L);
        expected.put(prefix + "bad", null);
        expected.put(prefix + "empty", null);
        assertNulled(scan().schema(valueOf(INT64)).onParseError(ParseErrorPolicy.NULL).build(), expected, 2);
    }

    /** Reads the scan, checking the rows by key and the values nulled across its batches. */
    private void assertNulled(StringScan scan, Map<String, Object> expected, long nulled) {
        AtomicLong counted = new AtomicLong();
        Map<Object, Object> rows = new java.util.HashMap<>();
        redis.scanStrings(scan).doOnNext(batch -> {
            try (batch) {
                counted.addAndGet(batch.nulledValues());
                for (Map<String, Object> row : Rows.of(batch.root())) {
                    Object value = row.get(scan.valueColumn());
                    rows.put(row.get("_key"), value == null ? null : value instanceof List<?> ? value.toString() : value);
                }
            }
        }).blockLast();
        assertThat(rows).isEqualTo(expected);
        assertThat(counted).hasValue(nulled);
    }

    @ParameterizedTest
    @EnumSource(TypeFilter.class)
    void keysOfOtherTypesUnderThePatternAreSkipped(TypeFilter filter) {
        set(prefix + "string", "v");
        hset(prefix + "hash", Map.of("value", "x"));
        commands().sadd(bytes(prefix + "set"), bytes("m"));
        commands().rpush(bytes(prefix + "list"), bytes("e"));
        commands().zadd(bytes(prefix + "zset"), 1.0, bytes("m"));
        commands().xadd(bytes(prefix + "stream"), Map.of(bytes("f"), bytes("v")));
        List<Map<String, Object>> rows = Rows.collect(redis.scanStrings(scan().typeFilter(filter).batchSize(2).build()));
        // SCAN may return a key twice while the table resizes: check which keys came, not how often
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row).containsEntry("_key", prefix + "string")
                .containsEntry("value", "v"));
    }

    /**
     * MGET answers nil for a key of another type, so the filter is what keeps such keys off the
     * wire: ALWAYS (the default) fetches only the strings, NEVER every key, and AUTO turns the
     * filter on at the first nil. Counted as MGET calls of full batches.
     */
    @Test
    void theTypeFilterDecidesWhichKeysAreFetched() {
        loadStrings(2000, i -> "s" + i);
        for (int i = 0; i < 2000; i += 2) {
            commands().del(bytes(prefix + i));
            commands().hset(bytes(prefix + i), bytes("f"), bytes("v"));
        }
        assertThat(scan().build().typeFilter()).isEqualTo(TypeFilter.ALWAYS);
        assertThat(mgets(TypeFilter.ALWAYS)).isEqualTo(10);
        assertThat(mgets(TypeFilter.NEVER)).isEqualTo(20);
        assertThat(mgets(TypeFilter.AUTO)).isBetween(11L, 14L);
    }

    private long mgets(TypeFilter filter) {
        long before = LimitIntegrationTests.calls("mget");
        long rows = redis.scanStrings(scan().typeFilter(filter).batchSize(100).parallel(1).countHint(100).build())
                .map(batch -> {
                    try (batch) {
                        return (long) batch.rowCount();
                    }
                }).reduce(0L, Long::sum).block();
        assertThat(rows).isEqualTo(1000);
        return LimitIntegrationTests.calls("mget") - before;
    }

    /**
     * Keys deleted while the scan runs give no row: half the keys are deleted after the first
     * batch reached a subscriber that asks for one batch at a time. Every key never deleted comes;
     * a deleted key comes only if its batch was fetched before the delete, and never as a null row.
     */
    @Test
    void keysDeletedDuringTheScanGiveNoRow() {
        int count = 3000;
        loadStrings(count, i -> "v" + i);
        Set<String> seen = new HashSet<>();
        List<Object> values = new ArrayList<>();
        Iterator<RecordBatch> batches = redis.scanStrings(scan().batchSize(100).parallel(1).build())
                .toIterable(1).iterator();
        boolean deleted = false;
        while (batches.hasNext()) {
            try (RecordBatch batch = batches.next()) {
                for (Map<String, Object> row : Rows.of(batch.root())) {
                    seen.add((String) row.get("_key"));
                    values.add(row.get("value"));
                }
            }
            if (!deleted) {
                for (int i = 1; i < count; i += 2) {
                    commands().del(bytes(prefix + i));
                }
                deleted = true;
            }
        }
        Set<String> all = new HashSet<>();
        Set<String> kept = new HashSet<>();
        for (int i = 0; i < count; i++) {
            all.add(prefix + i);
            if (i % 2 == 0) {
                kept.add(prefix + i);
            }
        }
        assertThat(values).doesNotContainNull();
        assertThat(all).containsAll(seen);
        assertThat(seen).containsAll(kept);
        long deletedSeen = seen.stream().filter(key -> !kept.contains(key)).count();
        assertThat(deletedSeen).as("deleted keys read before the delete").isLessThan(count / 4);
    }

    @Test
    void ttlColumnHoldsEachKeysTtl() {
        set(prefix + "a", "x");
        commands().expire(bytes(prefix + "a"), 1000);
        set(prefix + "b", "y");
        Map<Object, Object> ttls = Rows.collect(redis.scanStrings(scan().ttlColumn("_ttl").build())).stream()
                .collect(Collectors.toMap(row -> row.get("_key"), row -> row.get("_ttl")));
        assertThat((Long) ttls.get(prefix + "a")).isBetween(990L, 1000L);
        assertThat(ttls.get(prefix + "b")).isEqualTo(-1L);
    }

    @Test
    void columnOrderIsIndexKeyTtlThenValueAndTheRowIndexRunsAcrossBatches() {
        loadStrings(1000, i -> Integer.toString(i));
        List<Map<String, Object>> rows = Rows.collect(redis.scanStrings(scan().schema(valueOf(INT64)).batchSize(64)
                .parallel(3).rowIndexColumn("_index").ttlColumn("_ttl").build()));
        assertThat(rows.get(0).keySet()).containsExactly("_index", "_key", "_ttl", "value");
        assertThat(rows).extracting(row -> row.get("_index"))
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 1000).boxed().toList());
        assertThat(rows).allSatisfy(row -> assertThat(row.get("_key")).isEqualTo(prefix + row.get("value")));
    }

    @Test
    void limitStopsAfterThatManyRows() {
        loadStrings(1000, i -> Integer.toString(i));
        List<Map<String, Object>> rows = Rows.collect(redis.scanStrings(scan().batchSize(64).limit(150)
                .rowIndexColumn("_index").build()));
        assertThat(rows).hasSize(150);
        assertThat(rows.get(149).get("_index")).isEqualTo(149L);
        assertThat(Rows.collect(redis.scanStrings(scan().limit(0).build()))).isEmpty();
    }

    @Test
    void noKeyColumnAndARenamedKeyColumn() {
        set(prefix + "a", "x");
        assertThat(Rows.collect(redis.scanStrings(scan().noKeyColumn().build()))).containsExactly(Map.of("value", "x"));
        assertThat(Rows.collect(redis.scanStrings(scan().keyColumn("k").schema(new Schema(List.of(
                field("price", ArrowType.Utf8.INSTANCE)))).build()))).containsExactly(Map.of("k", prefix + "a",
                        "price", "x"));
    }

    @Test
    void binaryKeysAreReadAsBinary() {
        byte[] key = new byte[prefix.length() + 4];
        System.arraycopy(bytes(prefix), 0, key, 0, prefix.length());
        key[prefix.length()] = 0;
        key[prefix.length() + 1] = (byte) 0xff;
        key[prefix.length() + 2] = '\n';
        key[prefix.length() + 3] = '*';
        commands().set(key, bytes("x"));
        List<Map<String, Object>> rows = Rows.collect(redis.scanStrings(scan().binaryKeys().build()));
        assertThat(rows).hasSize(1);
        assertThat((byte[]) rows.get(0).get("_key")).isEqualTo(key);
        assertThat(rows.get(0).get("value")).isEqualTo("x");
    }

    @Test
    void anEmptyResultStreamsOnlyTheSchema() {
        StringScan scan = scan().rowIndexColumn("_i").ttlColumn("_ttl").build();
        StepVerifier.create(redis.scanStrings(scan)).verifyComplete();
        assertThat(scan.batchSchema().getFields()).extracting(Field::getName).containsExactly("_i", "_key", "_ttl",
                "value");
        List<ByteBuffer> stream = ArrowIpc.write(scan.batchSchema(), redis.scanStrings(scan)).collectList().block();
        List<RecordBatch> back = ArrowIpc.read(reactor.core.publisher.Flux.fromIterable(stream), allocator)
                .collectList().block();
        assertThat(back).isEmpty();
        assertThat(stream).hasSize(2); // the schema message and the end of stream
    }

    @Test
    void readsATwentyMegabyteValue() {
        byte[] big = new byte[20 * 1024 * 1024];
        new Random(3).nextBytes(big);
        commands().set(bytes(prefix + "big"), big);
        set(prefix + "small", "s");
        Map<Object, Object> rows = new java.util.HashMap<>();
        redis.scanStrings(scan().schema(valueOf(ArrowType.Binary.INSTANCE)).build()).doOnNext(batch -> {
            try (batch) {
                Rows.of(batch.root()).forEach(row -> rows.put(row.get("_key"), row.get("value")));
            }
        }).blockLast();
        assertThat(rows).hasSize(2);
        assertThat((byte[]) rows.get(prefix + "big")).isEqualTo(big);
        assertThat((byte[]) rows.get(prefix + "small")).isEqualTo(bytes("s"));

        String text = "\u00fc".repeat(10 * 1024 * 1024);
        set(prefix + "text", text);
        List<Map<String, Object>> texts = Rows.collect(redis.scanStrings(scan().pattern(prefix + "text").build()));
        assertThat(texts).hasSize(1);
        assertThat(((String) texts.get(0).get("value")).getBytes(StandardCharsets.UTF_8)).hasSize(20 * 1024 * 1024);
        assertThat(texts.get(0).get("value")).isEqualTo(text);
    }

    /**
     * The write contract for strings: a value of every supported type written with
     * {@code writeStrings} scans back equal with the same schema.
     */
    @ParameterizedTest(name = "seed {0}")
    @org.junit.jupiter.params.provider.ValueSource(longs = { 1, 2 })
    void writtenStringsOfEveryTypeScanBackEqual(long seed) {
        Random random = new Random(seed);
        List<io.redisarrow.arrow.internal.encode.EncodersRoundTripUnitTests.Column> columns =
                io.redisarrow.arrow.internal.encode.EncodersRoundTripUnitTests.columns();
        for (int c = 0; c < columns.size(); c++) {
            String sub = prefix + c + ":";
            Schema schema = new Schema(List.of(Field.nullable("_key", ArrowType.Utf8.INSTANCE),
                    field("value", columns.get(c).type())));
            List<Object[]> rows = new ArrayList<>();
            for (int row = 0; row < 50; row++) {
                rows.add(new Object[] { sub + row, columns.get(c).values().apply(random) });
            }
            Map<String, List<Object>> expected;
            try (RecordBatch written = TestBatches.of(allocator, schema, rows)) {
                expected = WriteRoundTripIntegrationTests.comparableRows(written);
            }
            assertThat(redis.writeStrings(reactor.core.publisher.Flux.just(TestBatches.of(allocator, schema, rows)),
                    StringWrite.builder().valueColumn("value").build()).blockLast().written()).isEqualTo(50);
            Map<String, List<Object>> read = new java.util.TreeMap<>();
            redis.scanStrings(StringScan.builder().pattern(sub + "*").schema(new Schema(schema.getFields().subList(1, 2)))
                    .build()).doOnNext(batch -> {
                        try (batch) {
                            read.putAll(WriteRoundTripIntegrationTests.comparableRows(batch));
                        }
                    }).blockLast();
            assertThat(read).as("seed %d, %s", seed, columns.get(c)).isEqualTo(expected);
        }
    }

    @Test
    void parallelOneAndEightReturnTheSameRows() {
        loadStrings(3000, i -> "row" + i);
        List<Map<String, Object>> one = Rows.collect(redis.scanStrings(scan().batchSize(64).parallel(1).build()));
        List<Map<String, Object>> eight = Rows.collect(redis.scanStrings(scan().batchSize(64).parallel(8).build()));
        assertThat(one).hasSize(3000).containsExactlyElementsOf(eight);
    }
}
