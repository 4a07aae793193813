package io.redisarrow.arrow;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.XAddArgs;
import io.redisarrow.core.TypeFilter;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.JsonStringArrayList;
import org.apache.arrow.vector.util.JsonStringHashMap;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * Stream entries into Arrow against a real server: one row per entry, the id in two columns, the
 * fields typed by the schema, big streams in windows, ranges, and what a read sees of a stream that
 * changes under it.
 */
class StreamScanIntegrationTests extends ScanTestSupport {

    static final String MAX = "18446744073709551615";

    static final Schema TEXT = new Schema(List.of(field("a", ArrowType.Utf8.INSTANCE),
            field("b", ArrowType.Utf8.INSTANCE)));

    static final Schema NUMBER = new Schema(List.of(field("n", new ArrowType.Int(64, true))));

    static Field field(String name, ArrowType type) {
        return new Field(name, FieldType.nullable(type), null);
    }

    StreamScan.Builder scan(Schema schema) {
        return StreamScan.builder().pattern(prefix + "*").schema(schema);
    }

    /** {@code XADD key id field value ...}, fields in the order given (repeats allowed). */
    String xadd(String key, String id, String... fieldsAndValues) {
        return xadd(bytes(key), id, fieldsAndValues);
    }

    String xadd(byte[] key, String id, Object... fieldsAndValues) {
        Object[] args = new Object[fieldsAndValues.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = fieldsAndValues[i] instanceof String text ? bytes(text) : fieldsAndValues[i];
        }
        return commands().xadd(key, new XAddArgs().id(id), args);
    }

    /** Appends {@code count} entries {@code n = from..from+count-1} with auto ids, pipelined. */
    void loadEntries(String key, int from, int count) {
        var async = loaderConnection.async();
        List<RedisFuture<String>> pending = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            pending.add(async.xadd(bytes(key), new XAddArgs(), bytes("n"), bytes(Integer.toString(i))));
        }
        pending.forEach(f -> f.toCompletableFuture().join());
    }

    static List<String> ids(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> row.get("_id_ms") + "-" + row.get("_id_seq")).toList();
    }

    @Test
    void readsEveryFieldTypeWithTheIdAheadOfTheFields() {
        Map<String, String> full = everyTypeText();
        List<Object> args = new ArrayList<>();
        full.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        args.add("bin");
        args.add(new byte[] { 0, -1, 10, 13 });
        xadd(bytes(prefix + "s"), "1700000000000-0", args.toArray());
        xadd(prefix + "s", "1700000000000-1", "s", "", "i64", "-9223372036854775808", "b", "0");

        StreamScan scan = scan(HashScanIntegrationTests.ALL_TYPES).build();
        List<Map<String, Object>> rows = Rows.collect(redis.scanStreams(scan));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).keySet()).containsExactly("_key", "_id_ms", "_id_seq", "s", "i8", "i16", "i32", "i64",
                "f32", "f64", "b", "d", "ts", "tsn", "dec", "bin");
        Map<String, Object> f = rows.get(0);
        assertThat(f).contains(entry("_key", prefix + "s"), entry("_id_ms", 1700000000000L), entry("_id_seq", 0L),
                entry("s", "héllo 世界 🎉"), entry("i8", (byte) -128), entry("i16", (short) 32767),
                entry("i32", Integer.MIN_VALUE), entry("i64", Long.MAX_VALUE), entry("f32", 1.5f),
                entry("f64", -2.25e-3), entry("b", true), entry("d", (int) LocalDate.of(2024, 2, 29).toEpochDay()),
                entry("ts", 1704096000000L), entry("tsn", LocalDateTime.of(2024, 1, 1, 10, 0, 0, 123_456_000)),
                entry("dec", new BigDecimal("-12.30")));
        assertThat((byte[]) f.get("bin")).containsExactly(0, -1, 10, 13);
        Map<String, Object> s = rows.get(1);
        assertThat(s).contains(entry("_id_seq", 1L), entry("s", ""), entry("i64", Long.MIN_VALUE), entry("b", false));
        assertThat(s.get("i32")).isNull();
        assertThat(s.get("bin")).isNull();
        assertThat(scan.batchSchema().getFields().get(1).getType()).isEqualTo(new ArrowType.Int(64, true));
    }

    @Test
    void idsAreExactUpToTheLargestInt64() {
        xadd(prefix + "s", "0-1", "a", "x");
        xadd(prefix + "s", "1-0", "a", "x");
        xadd(prefix + "s", "1700000000000-5", "a", "x");
        xadd(prefix + "s", "1700000000000-4294967296", "a", "x");
        xadd(prefix + "s", "9223372036854775807-9223372036854775807", "a", "x");
        assertThat(ids(Rows.collect(redis.scanStreams(scan(TEXT).build())))).containsExactly("0-1", "1-0",
                "1700000000000-5", "1700000000000-4294967296", "9223372036854775807-9223372036854775807");
    }

    /**
     * Redis allows each id part up to 2^64-1; a part above Int64's largest does not fit its column
     * and is a parse error: the read fails naming the key, the column and the id part, or the part
     * is null under the NULL policy.
     */
    @Test
    void anIdPartAboveInt64IsAParseErrorByThePolicy() {
        xadd(prefix + "s", "1700000000000-" + MAX, "a", "x");
        assertThatThrownBy(() -> Rows.collect(redis.scanStreams(scan(TEXT).build())))
                .isInstanceOf(ValueConversionException.class)
                .hasMessageContaining("'" + MAX + "'").hasMessageContaining("'_id_seq'")
                .hasMessageContaining(prefix + "s").hasMessageContaining("Int64");
        xadd(prefix + "s", MAX + "-0", "a", "y");
        assertThatThrownBy(() -> Rows.collect(redis.scanStreams(scan(TEXT).idColumns(
                StreamIdColumns.TIMESTAMP_AND_SEQUENCE).build())))
                .isInstanceOf(ValueConversionException.class)
                .hasMessageContaining("'" + MAX + "'").hasMessageContaining("'_id_time'");

        List<Map<String, Object>> rows = new ArrayList<>();
        long[] nulled = { 0 };
        redis.scanStreams(scan(TEXT).onParseError(ParseErrorPolicy.NULL).build()).doOnNext(batch -> {
            try (batch) {
                nulled[0] += batch.nulledValues();
                rows.addAll(Rows.of(batch.root()));
            }
        }).blockLast();
        assertThat(rows).extracting(row -> row.get("_id_ms"), row -> row.get("_id_seq"), row -> row.get("a"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1700000000000L, null, "x"),
                        org.assertj.core.groups.Tuple.tuple(null, 0L, "y"));
        assertThat(nulled[0]).isEqualTo(2);
    }

    @Test
    void timestampIdColumnsAndRenamedIdColumns() {
        xadd(prefix + "s", "1704103200000-7", "a", "x");
        StreamScan scan = scan(TEXT).idColumns(StreamIdColumns.TIMESTAMP_AND_SEQUENCE).build();
        assertThat(scan.batchSchema().getFields()).extracting(Field::getName)
                .containsExactly("_key", "_id_time", "_id_seq", "a", "b");
        assertThat(scan.batchSchema().findField("_id_time").getType())
                .isEqualTo(new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC"));
        List<Map<String, Object>> rows = Rows.collect(redis.scanStreams(scan));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).contains(entry("_key", prefix + "s"), entry("_id_time", 1704103200000L),
                entry("_id_seq", 7L), entry("a", "x"), entry("b", null));

        List<Map<String, Object>> renamed = Rows.collect(redis.scanStreams(scan(TEXT)
                .idColumns(StreamIdColumns.TIMESTAMP_AND_SEQUENCE).idColumnNames("at", "n").noKeyColumn().build()));
        assertThat(renamed).hasSize(1);
        assertThat(renamed.get(0).keySet()).containsExactly("at", "n", "a", "b");
        assertThat(renamed.get(0)).contains(entry("at", 1704103200000L), entry("n", 7L));
    }

    @Test
    void aMissingFieldIsNullOthersAreIgnoredAndARepeatedFieldTakesItsLastValue() {
        xadd(prefix + "s", "1-1", "b", "B", "extra", "e", "a", "A");
        xadd(prefix + "s", "1-2", "other", "o");
        xadd(prefix + "s", "1-3", "a", "first", "a", "last");
        List<Map<String, Object>> rows = Rows.collect(redis.scanStreams(scan(TEXT).build()));
        assertThat(rows).extracting(row -> row.get("a"), row -> row.get("b")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("A", "B"), org.assertj.core.groups.Tuple.tuple(null, null),
                org.assertj.core.groups.Tuple.tuple("last", null));
        assertThat(rows.get(0).keySet()).doesNotContain("extra", "other");
    }

    @Test
    void rangesIncludeOrExcludeTheirBounds() {
        for (int i = 1; i <= 9; i++) {
            xadd(prefix + "s", "100-" + i, "a", "v" + i);
        }
        xadd(prefix + "s", "200-0", "a", "last");
        assertThat(read(scan(TEXT).range("100-3", "100-5"))).containsExactly("100-3", "100-4", "100-5");
        assertThat(read(scan(TEXT).after("100-7"))).containsExactly("100-8", "100-9", "200-0");
        assertThat(read(scan(TEXT).before("100-3"))).containsExactly("100-1", "100-2");
        assertThat(read(scan(TEXT).after("100-2").before("100-5"))).containsExactly("100-3", "100-4");
        assertThat(read(scan(TEXT).range("(100-8", "(200-0"))).containsExactly("100-9");
        assertThat(read(scan(TEXT).range("100", "100"))).hasSize(9).startsWith("100-1").endsWith("100-9");
        // as in XRANGE, an id without sequence is ms-0 as a start and ms-(2^64-1) as an end, also when excluded
        assertThat(read(scan(TEXT).after("100"))).hasSize(10).startsWith("100-1");
        assertThat(read(scan(TEXT).before("200"))).hasSize(10).endsWith("200-0");
        assertThat(read(scan(TEXT).before("200-0"))).hasSize(9).endsWith("100-9");
        assertThat(read(scan(TEXT).range("150", "+"))).containsExactly("200-0");
        assertThat(read(scan(TEXT).range("200-1", "+"))).isEmpty();
        assertThat(read(scan(TEXT).range("100-5", "100-4"))).as("a start after the end").isEmpty();
    }

    List<String> read(StreamScan.Builder scan) {
        return ids(Rows.collect(redis.scanStreams(scan.build())));
    }

    @Test
    void countPerKeyTakesTheFirstEntriesOfEachStreamsRange() {
        for (String key : List.of("x", "y")) {
            for (int i = 1; i <= 30; i++) {
                xadd(prefix + key, "100-" + i, "a", key + i);
            }
        }
        xadd(prefix + "z", "100-1", "a", "z1");
        List<Map<String, Object>> rows = Rows.collect(redis.scanStreams(scan(TEXT).countPerKey(12).after("100-3")
                .batchSize(5).build()));
        Map<Object, List<Object>> byKey = rows.stream().collect(Collectors.groupingBy(row -> row.get("_key"),
                LinkedHashMap::new, Collectors.mapping(row -> row.get("a"), Collectors.toList())));
        assertThat(byKey).containsOnlyKeys(prefix + "x", prefix + "y");
        for (String key : List.of("x", "y")) {
            List<Object> expected = new ArrayList<>();
            for (int i = 4; i <= 15; i++) {
                expected.add(key + i);
            }
            assertThat(byKey.get(prefix + key)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aBigStreamComesInWindowsOfAtMostBatchSizeInIdOrderEachEntryOnce() {
        loadEntries(prefix + "big", 0, 1000);
        List<Integer> sizes = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        redis.scanStreams(scan(NUMBER).batchSize(100).build()).doOnNext(batch -> {
            try (batch) {
                sizes.add(batch.rowCount());
                rows.addAll(Rows.of(batch.root()));
            }
        }).blockLast();
        assertThat(sizes).allSatisfy(size -> assertThat(size).isBetween(1, 100));
        assertThat(rows).extracting(row -> row.get("n"))
                .containsExactlyElementsOf(LongStream.range(0, 1000).boxed().toList());
        assertIncreasingIds(rows);
    }

    static void assertIncreasingIds(List<Map<String, Object>> rows) {
        for (int i = 1; i < rows.size(); i++) {
            long ms = (Long) rows.get(i).get("_id_ms");
            long previousMs = (Long) rows.get(i - 1).get("_id_ms");
            assertThat(ms > previousMs || ms == previousMs
                    && (Long) rows.get(i).get("_id_seq") > (Long) rows.get(i - 1).get("_id_seq"))
                    .as("id of row %d after the previous", i).isTrue();
        }
    }

    /** Streams that fit in a batch come whole, several per batch. */
    @Test
    void manySmallStreamsComeWholeAndNeverSplit() {
        var async = loaderConnection.async();
        List<RedisFuture<String>> pending = new ArrayList<>();
        Map<String, Integer> lengths = new HashMap<>();
        for (int k = 0; k < 300; k++) {
            int length = 1 + k % 7;
            lengths.put(prefix + k, length);
            for (int i = 0; i < length; i++) {
                pending.add(async.xadd(bytes(prefix + k), new XAddArgs().id("1-" + (i + 1)), bytes("n"),
                        bytes(Integer.toString(i))));
            }
        }
        pending.forEach(f -> f.toCompletableFuture().join());
        List<List<Map<String, Object>>> batches = new ArrayList<>();
        redis.scanStreams(scan(NUMBER).batchSize(20).build()).doOnNext(batch -> {
            try (batch) {
                batches.add(Rows.of(batch.root()));
            }
        }).blockLast();
        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, 20));
        Map<Object, Integer> seen = new HashMap<>();
        for (List<Map<String, Object>> batch : batches) {
            Map<Object, Long> inBatch = batch.stream().collect(Collectors.groupingBy(row -> row.get("_key"),
                    Collectors.counting()));
            inBatch.forEach((key, count) -> {
                assertThat(seen).as("stream %s split across batches", key).doesNotContainKey(key);
                seen.put(key, count.intValue());
            });
            for (Map<String, Object> row : batch) {
                assertThat(row.get("_id_seq")).isEqualTo((Long) row.get("n") + 1);
            }
        }
        assertThat(seen).isEqualTo(lengths);
    }

    @Test
    void anEmptyStreamGivesNoRowsAndAnEmptyReadNoBatch() {
        String id = xadd(prefix + "empty", "*", "a", "x");
        commands().xdel(bytes(prefix + "empty"), id);
        assertThat(commands().exists(bytes(prefix + "empty"))).isEqualTo(1);
        assertThat(redis.scanStreams(scan(TEXT).build()).count().block()).isZero();
        xadd(prefix + "full", "5-5", "a", "x");
        assertThat(read(scan(TEXT))).containsExactly("5-5");
    }

    @Test
    void skipsKeysOfOtherTypesWithAndWithoutTheTypeFilter() {
        xadd(prefix + "stream", "1-1", "a", "x");
        hset(prefix + "hash", Map.of("a", "h"));
        commands().set(bytes(prefix + "string"), bytes("v"));
        commands().sadd(bytes(prefix + "set"), bytes("m"));
        commands().rpush(bytes(prefix + "list"), bytes("e"));
        commands().zadd(bytes(prefix + "zset"), 1.0, bytes("m"));
        for (TypeFilter filter : TypeFilter.values()) {
            List<Map<String, Object>> rows = Rows.collect(redis.scanStreams(scan(TEXT).typeFilter(filter)
                    .batchSize(2).build()));
            assertThat(rows).as("type filter %s", filter).extracting(row -> row.get("_key"), row -> row.get("a"))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(prefix + "stream", "x"));
        }
    }

    /**
     * A stream deleted after its first windows were read: the next window finds nothing, which ends
     * the stream without an error; what was read stays read.
     */
    @Test
    void aStreamDeletedMidReadEndsWithoutAnError() {
        loadEntries(prefix + "s", 0, 1000);
        AtomicBoolean deleted = new AtomicBoolean();
        List<Map<String, Object>> rows = new ArrayList<>();
        redis.scanStreams(scan(NUMBER).batchSize(50).parallel(1).build()).doOnNext(batch -> {
            try (batch) {
                rows.addAll(Rows.of(batch.root()));
                if (deleted.compareAndSet(false, true)) {
                    commands().del(bytes(prefix + "s"));
                }
            }
        }).blockLast();
        assertThat(rows.size()).isBetween(50, 500);
        assertThat(rows).extracting(row -> row.get("n"))
                .containsExactlyElementsOf(LongStream.range(0, rows.size()).boxed().toList());
        assertThat(redis.scanStreams(scan(NUMBER).build()).count().block()).isZero();
    }

    @Test
    void ttlColumnCarriesTheStreamsTtlOnEveryEntry() {
        loadEntries(prefix + "expiring", 0, 30);
        commands().expire(bytes(prefix + "expiring"), 1000);
        xadd(prefix + "lasting", "1-1", "n", "1");
        List<Map<String, Object>> rows = Rows.collect(redis.scanStreams(scan(NUMBER).ttlColumn("_ttl")
                .rowIndexColumn("_index").batchSize(8).build()));
        assertThat(rows).hasSize(31);
        assertThat(rows.get(0).keySet()).containsExactly("_index", "_key", "_ttl", "_id_ms", "_id_seq", "n");
        for (Map<String, Object> row : rows) {
            if (row.get("_key").equals(prefix + "lasting")) {
                assertThat(row.get("_ttl")).isEqualTo(-1L);
            } else {
                assertThat((Long) row.get("_ttl")).isBetween(990L, 1000L);
            }
        }
    }

    @Test
    void limitAndRowIndexCountEntriesAcrossStreamsAndBatches() {
        for (String key : List.of("a", "b", "c")) {
            loadEntries(prefix + key, 0, 40);
        }
        List<Map<String, Object>> rows = Rows.collect(redis.scanStreams(scan(NUMBER).limit(95).batchSize(15)
                .rowIndexColumn("_index").build()));
        assertThat(rows).extracting(row -> row.get("_index"))
                .containsExactlyElementsOf(LongStream.range(0, 95).boxed().toList());
        List<Map<String, Object>> all = Rows.collect(redis.scanStreams(scan(NUMBER).batchSize(15)
                .rowIndexColumn("_index").build()));
        assertThat(all).extracting(row -> row.get("_index"))
                .containsExactlyElementsOf(LongStream.range(0, 120).boxed().toList());
        assertThat(redis.scanStreams(scan(NUMBER).limit(0).build()).count().block()).isZero();
    }

    @Test
    void unicodeAndBinaryKeysFieldNamesAndValues() {
        byte[] binaryKey = new byte[] { 'k', 0, (byte) 0xff, (byte) 0xc3 };
        byte[] allBytes = new byte[256];
        for (int i = 0; i < 256; i++) {
            allBytes[i] = (byte) i;
        }
        String unicodeKey = prefix + "ключ 🔑";
        xadd(unicodeKey, "1-1", "名前", "値 ✓", "raw", "text");
        commands().xadd(concat(bytes(prefix), binaryKey), new XAddArgs().id("1-1"), bytes("名前"), bytes("x"),
                bytes("raw"), allBytes);
        Schema schema = new Schema(List.of(field("名前", ArrowType.Utf8.INSTANCE), field("raw", ArrowType.Binary.INSTANCE)));
        List<Map<String, Object>> rows = Rows.collect(redis.scanStreams(scan(schema).binaryKeys().build()));
        Map<String, Map<String, Object>> byKey = rows.stream().collect(Collectors.toMap(
                row -> new String((byte[]) row.get("_key"), StandardCharsets.ISO_8859_1), row -> row));
        Map<String, Object> unicode = byKey.get(new String(bytes(unicodeKey), StandardCharsets.ISO_8859_1));
        assertThat(unicode.get("名前")).isEqualTo("値 ✓");
        assertThat((byte[]) unicode.get("raw")).isEqualTo(bytes("text"));
        Map<String, Object> binary = byKey.get(new String(concat(bytes(prefix), binaryKey), StandardCharsets.ISO_8859_1));
        assertThat((byte[]) binary.get("raw")).isEqualTo(allBytes);
        assertThatThrownBy(() -> Rows.collect(redis.scanStreams(scan(schema).build())))
                .isInstanceOf(ValueConversionException.class).hasMessageContaining("binaryKeys()");
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Test
    void aValueThatDoesNotParseFailsNamingKeyFieldAndValueOrBecomesNull() {
        xadd(prefix + "s", "1-1", "n", "12");
        xadd(prefix + "s", "1-2", "n", "twelve");
        assertThatThrownBy(() -> Rows.collect(redis.scanStreams(scan(NUMBER).build())))
                .isInstanceOf(ValueConversionException.class).hasMessageContaining("'twelve'")
                .hasMessageContaining("'n'").hasMessageContaining(prefix + "s");
        List<Map<String, Object>> rows = Rows.collect(redis.scanStreams(scan(NUMBER)
                .onParseError(ParseErrorPolicy.NULL).build()));
        assertThat(rows).extracting(row -> row.get("n")).containsExactly(12L, null);
        assertThat(ids(rows)).containsExactly("1-1", "1-2");
    }

    @Test
    void jsonFieldsFillNestedColumns() {
        xadd(prefix + "s", "1-1", "doc", "{\"city\":\"Oslo\",\"tags\":[\"a\",\"b\"]}", "n", "1");
        xadd(prefix + "s", "1-2", "doc", "not json", "n", "2");
        Field doc = new Field("doc", FieldType.nullable(ArrowType.Struct.INSTANCE), List.of(
                field("city", ArrowType.Utf8.INSTANCE),
                new Field("tags", FieldType.nullable(ArrowType.List.INSTANCE),
                        List.of(field("item", ArrowType.Utf8.INSTANCE)))));
        Schema schema = new Schema(List.of(doc, field("n", new ArrowType.Int(64, true))));
        assertThatThrownBy(() -> scan(schema).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("json(\"doc\")").hasMessageContaining("entry field");
        List<Map<String, Object>> rows = Rows.collect(redis.scanStreams(scan(schema).json("doc")
                .onParseError(ParseErrorPolicy.NULL).build()));
        assertThat(rows).hasSize(2);
        JsonStringHashMap<?, ?> first = (JsonStringHashMap<?, ?>) rows.get(0).get("doc");
        assertThat(first.get("city").toString()).isEqualTo("Oslo");
        assertThat(((JsonStringArrayList<?>) first.get("tags"))).extracting(Object::toString).containsExactly("a", "b");
        assertThat(rows.get(1).get("doc")).isNull();
        assertThat(rows.get(1).get("n")).isEqualTo(2L);
    }

    @Test
    void everyBatchHasTheAnnouncedSchemaInColumnOrder() {
        xadd(prefix + "s", "1-1", "a", "x");
        StreamScan scan = scan(TEXT).rowIndexColumn("_i").ttlColumn("_ttl").project("b", "a")
                .idColumns(StreamIdColumns.TIMESTAMP_AND_SEQUENCE).build();
        Schema announced = scan.batchSchema();
        assertThat(announced.getFields()).extracting(Field::getName)
                .containsExactly("_i", "_key", "_ttl", "_id_time", "_id_seq", "b", "a");
        redis.scanStreams(scan).doOnNext(batch -> {
            try (batch) {
                assertThat(batch.schema()).isEqualTo(announced);
            }
        }).blockLast();
    }

    /**
     * Entries appended while a stream is being read: the read goes by id, from after the last id
     * read, up to as many entries as the stream held when its read began. Reading the whole stream,
     * that is exactly the entries it held then; reading a range that starts inside it, appended
     * entries fill the rest. No entry ever comes twice.
     */
    @Test
    void entriesAppendedDuringASlowReadAreReadByIdNeverTwice() {
        loadEntries(prefix + "whole", 0, 1000);
        List<Map<String, Object>> whole = readAppendingOnFirstBatch(scan(NUMBER), prefix + "whole");
        assertThat(whole).extracting(row -> row.get("n")).as("the 1000 entries the stream held, none appended")
                .containsExactlyElementsOf(LongStream.range(0, 1000).boxed().toList());
        assertThat(commands().xlen(bytes(prefix + "whole"))).isEqualTo(1500);

        loadEntries(prefix + "part", 0, 1000);
        String middle = ids(Rows.collect(redis.scanStreams(StreamScan.builder().pattern(prefix + "part")
                .schema(NUMBER).limit(500).build()))).get(499);
        List<Map<String, Object>> fromMiddle = readAppendingOnFirstBatch(StreamScan.builder().pattern(prefix + "part")
                .schema(NUMBER).after(middle), prefix + "part");
        assertIncreasingIds(fromMiddle);
        assertThat(fromMiddle).extracting(row -> row.get("n")).as("the 500 entries after the middle, then 500 appended")
                .containsExactlyElementsOf(LongStream.range(500, 1500).boxed().toList());
    }

    /** Reads in batches of 50, appending 500 entries to {@code key} (n from 1000 on) on the first batch. */
    List<Map<String, Object>> readAppendingOnFirstBatch(StreamScan.Builder scan, String key) {
        List<Map<String, Object>> rows = new ArrayList<>();
        AtomicBoolean appended = new AtomicBoolean();
        redis.scanStreams(scan.batchSize(50).parallel(1).build()).doOnNext(batch -> {
            try (batch) {
                rows.addAll(Rows.of(batch.root()));
                if (appended.compareAndSet(false, true)) {
                    loadEntries(key, 1000, 500);
                }
            }
        }).blockLast();
        return rows;
    }

    /** A window that ends on the largest possible id ends its stream: nothing can come after it. */
    @Test
    void aStreamEndingOnTheLargestPossibleIdEndsThere() {
        xadd(prefix + "s", "1-1", "a", "x");
        xadd(prefix + "s", "1-2", "a", "x");
        xadd(prefix + "s", "1-3", "a", "x");
        xadd(prefix + "s", MAX + "-" + MAX, "a", "x");
        List<Map<String, Object>> rows = Rows.collect(redis.scanStreams(scan(TEXT).after("1-2").batchSize(2)
                .onParseError(ParseErrorPolicy.NULL).build()));
        assertThat(rows).extracting(row -> row.get("_id_ms")).containsExactly(1L, null);
    }

    @Test
    void aBigStreamAmongSmallOnesKeepsEveryBatchWithinBatchSize() {
        loadEntries(prefix + "big", 0, 250);
        for (int k = 0; k < 20; k++) {
            loadEntries(prefix + "small" + k, 0, 3);
        }
        List<Integer> sizes = new ArrayList<>();
        Map<Object, List<Object>> byKey = new LinkedHashMap<>();
        Flux<RecordBatch> batches = redis.scanStreams(scan(NUMBER).batchSize(40).parallel(2).build());
        batches.doOnNext(batch -> {
            try (batch) {
                sizes.add(batch.rowCount());
                for (Map<String, Object> row : Rows.of(batch.root())) {
                    byKey.computeIfAbsent(row.get("_key"), k -> new ArrayList<>()).add(row.get("n"));
                }
            }
        }).blockLast();
        assertThat(sizes).allSatisfy(size -> assertThat(size).isBetween(1, 40));
        assertThat(byKey).hasSize(21);
        assertThat(byKey.get(prefix + "big")).containsExactlyElementsOf(LongStream.range(0, 250).boxed().toList());
        Set<Object> smalls = new HashSet<>(byKey.keySet());
        smalls.remove(prefix + "big");
        smalls.forEach(key -> assertThat(byKey.get(key)).containsExactly(0L, 1L, 2L));
    }
}
