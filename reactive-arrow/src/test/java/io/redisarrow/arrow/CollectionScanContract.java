package io.redisarrow.arrow;

import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.Text;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every scan of a collection type does, run against a real server by each type's test class:
 * the subclass says how to load a key, how to read, and whether elements come in load order (lists
 * and sorted sets loaded with ascending scores) or in no order (sets).
 *
 * @param <B> the scan's builder
 */
abstract class CollectionScanContract<B extends CollectionScanBuilder<B>> extends ScanTestSupport {

    static Field field(String name, ArrowType type) {
        return new Field(name, FieldType.nullable(type), null);
    }

    static Schema schemaOf(String name, ArrowType type) {
        return new Schema(List.of(field(name, type)));
    }

    static final ArrowType INT64 = new ArrowType.Int(64, true);

    /** @return a fresh builder of the type's scan */
    abstract B builder();

    /** @return the scan built from the builder, subscribed through the type's {@code RedisArrow} method */
    abstract Flux<RecordBatch> scan(B builder);

    /** @return the scan's {@code batchSchema()} */
    abstract Schema batchSchema(B builder);

    /** Adds the elements to the key, in this order (a sorted set scores them 0, 1, 2, ...). */
    abstract void add(byte[] key, List<byte[]> elements);

    /** @return whether a key's elements come in the order they were added */
    abstract boolean ordered();

    /** @return the element column's name when no schema is given */
    abstract String elementColumn();

    /** @return the element of one item of a row per key (a sorted set's item is a member and a score) */
    Object elementOf(Object item) {
        return item;
    }

    void add(String key, String... elements) {
        add(bytes(key), Arrays.stream(elements).map(ScanTestSupport::bytes).toList());
    }

    void add(String key, List<String> elements) {
        add(bytes(key), elements.stream().map(ScanTestSupport::bytes).toList());
    }

    static List<String> numbered(String stem, int count) {
        return IntStream.range(0, count).mapToObj(i -> stem + String.format("%05d", i)).toList();
    }

    B scanOf(String pattern) {
        return builder().pattern(pattern);
    }

    B all() {
        return scanOf(prefix + "*");
    }

    /** The rows of every batch, batch by batch, values made plain (Text as String, nested lists and structs too). */
    List<List<Map<String, Object>>> batches(Flux<RecordBatch> scan) {
        List<List<Map<String, Object>>> batches = new ArrayList<>();
        scan.doOnNext(batch -> {
            try (batch) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Map<String, Object> row : Rows.of(batch.root())) {
                    Map<String, Object> plain = new LinkedHashMap<>();
                    row.forEach((name, value) -> plain.put(name, plain(value)));
                    rows.add(plain);
                }
                batches.add(rows);
            }
        }).blockLast();
        return batches;
    }

    List<Map<String, Object>> rows(Flux<RecordBatch> scan) {
        return batches(scan).stream().flatMap(List::stream).toList();
    }

    static Object plain(Object value) {
        if (value instanceof Text text) {
            return text.toString();
        }
        if (value instanceof List<?> list) {
            List<Object> plain = new ArrayList<>();
            list.forEach(item -> plain.add(plain(item)));
            return plain;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> plain = new LinkedHashMap<>();
            map.forEach((k, v) -> plain.put(k, plain(v)));
            return plain;
        }
        return value;
    }

    /** @return the elements of a row per key, in order */
    List<Object> elementsOf(Map<String, Object> row) {
        return ((List<?>) row.get(elementColumn())).stream().map(this::elementOf).toList();
    }

    /** Checks order as the type promises it: as given for ordered types, as a multiset for sets. */
    @SuppressWarnings("unchecked")
    void assertElements(List<?> actualElements, List<?> expected) {
        List<Object> actual = (List<Object>) actualElements;
        if (ordered()) {
            assertThat(actual).containsExactlyElementsOf((List<Object>) expected);
        } else {
            assertThat(actual).containsExactlyInAnyOrderElementsOf((List<Object>) expected);
        }
    }

    // ---- types ----

    record TypeCase(ArrowType type, List<String> values, List<Object> expected) {
    }

    static List<TypeCase> typeCases() {
        return List.of(
                new TypeCase(new ArrowType.Int(8, true), List.of("-128", "127", "0"), List.of((byte) -128, (byte) 127, (byte) 0)),
                new TypeCase(new ArrowType.Int(16, true), List.of("-32768", "32767"), List.of((short) -32768, (short) 32767)),
                new TypeCase(new ArrowType.Int(32, true), List.of("-2147483648", "2147483647"),
                        List.of(Integer.MIN_VALUE, Integer.MAX_VALUE)),
                new TypeCase(INT64, List.of("-9223372036854775808", "9223372036854775807", "+5"),
                        List.of(Long.MIN_VALUE, Long.MAX_VALUE, 5L)),
                new TypeCase(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), List.of("1.5", "-0.25"),
                        List.of(1.5f, -0.25f)),
                new TypeCase(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), List.of("-2.25e-3", "inf", "1e308"),
                        List.of(-2.25e-3, Double.POSITIVE_INFINITY, 1e308)),
                new TypeCase(ArrowType.Bool.INSTANCE, List.of("Yes", "0", "true"), List.of(true, false, true)),
                new TypeCase(new ArrowType.Date(DateUnit.DAY), List.of("2024-02-29", "1970-01-02"),
                        List.of((int) LocalDate.of(2024, 2, 29).toEpochDay(), 1)),
                new TypeCase(new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC"), List.of("2024-01-01T10:00:00+02:00"),
                        List.of(1704096000000L)),
                new TypeCase(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), List.of("2024-01-01 10:00:00.123456"),
                        List.of(LocalDateTime.of(2024, 1, 1, 10, 0, 0, 123_456_000))),
                new TypeCase(new ArrowType.Decimal(12, 2, 128), List.of("-12.3", "7"),
                        List.of(new BigDecimal("-12.30"), new BigDecimal("7.00"))),
                new TypeCase(ArrowType.Utf8.INSTANCE, List.of("héllo 世界 🎉", "", "plain"), List.of("héllo 世界 🎉", "", "plain")));
    }

    @Test
    void parsesElementsIntoEveryScalarType() {
        for (TypeCase c : typeCases()) {
            String key = prefix + "t" + typeCases().indexOf(c);
            add(key, c.values());
            List<Object> values = rows(scan(scanOf(key).schema(schemaOf("v", c.type())))).stream()
                    .map(row -> row.get("v")).toList();
            assertElements(values, c.expected());
            List<Map<String, Object>> grouped = rows(scan(scanOf(key).schema(schemaOf("v", c.type())).oneRowPerKey()));
            assertThat(grouped).hasSize(1);
            assertElements(((List<?>) grouped.get(0).get("v")).stream().map(this::elementOf).toList(), c.expected());
        }
    }

    @Test
    void readsBinaryElementsOfAll256ByteValues() {
        List<byte[]> elements = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            elements.add(new byte[] { (byte) b });
        }
        byte[] every = new byte[256];
        for (int b = 0; b < 256; b++) {
            every[b] = (byte) b;
        }
        elements.add(every);
        add(bytes(prefix + "bin"), elements);
        List<String> expected = elements.stream().map(HexFormat.of()::formatHex).toList();

        List<String> read = rows(scan(all().schema(schemaOf("b", ArrowType.Binary.INSTANCE)))).stream()
                .map(row -> HexFormat.of().formatHex((byte[]) row.get("b"))).toList();
        assertElements(read, expected);
        List<Map<String, Object>> grouped = rows(scan(all().schema(schemaOf("b", ArrowType.Binary.INSTANCE)).oneRowPerKey()));
        assertThat(grouped).hasSize(1);
        assertElements(((List<?>) grouped.get(0).get("b")).stream()
                .map(item -> HexFormat.of().formatHex((byte[]) elementOf(item))).toList(), expected);
    }

    @Test
    void aKeyLargerThanTheBatchComesInBatchesOfAtMostBatchSizeEveryElementOnce() {
        List<String> big = numbered("e", 1000);
        add(prefix + "big", big);
        add(prefix + "small", "s1", "s2", "s3");
        List<List<Map<String, Object>>> batches = batches(all().batchSize(100).parallel(2));
        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(100));
        List<Map<String, Object>> rows = batches.stream().flatMap(List::stream).toList();
        assertElements(rows.stream().filter(row -> row.get("_key").equals(prefix + "big")).map(row -> row.get(elementColumn()))
                .toList(), big);
        assertElements(rows.stream().filter(row -> row.get("_key").equals(prefix + "small"))
                .map(row -> row.get(elementColumn())).toList(), List.of("s1", "s2", "s3"));
        // a key that fits in a batch is never split across two
        assertThat(batches.stream().filter(batch -> batch.stream().anyMatch(row -> row.get("_key").equals(prefix + "small"))))
                .hasSize(1);
    }

    List<List<Map<String, Object>>> batches(B builder) {
        return batches(scan(builder));
    }

    @Test
    void oneRowPerKeyGivesEachKeyItsElementsAndSplitsABigKeyIntoConsecutiveRows() {
        List<String> big = numbered("e", 1000);
        add(prefix + "big", big);
        add(prefix + "a", "a1", "a2");
        add(prefix + "b", "b1");
        List<List<Map<String, Object>>> batches = batches(all().batchSize(100).oneRowPerKey());
        List<Map<String, Object>> rows = batches.stream().flatMap(List::stream).toList();
        assertThat(batches).allSatisfy(batch -> assertThat(batch.stream().mapToInt(row -> elementsOf(row).size()).sum())
                .isLessThanOrEqualTo(100));

        List<Integer> bigRows = new ArrayList<>();
        List<Object> bigElements = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            assertThat(row.keySet()).containsExactly("_key", elementColumn());
            String key = (String) row.get("_key");
            if (key.equals(prefix + "big")) {
                bigRows.add(i);
                bigElements.addAll(elementsOf(row));
            } else if (key.equals(prefix + "a")) {
                assertElements(elementsOf(row), List.of("a1", "a2"));
            } else {
                assertThat(key).isEqualTo(prefix + "b");
                assertThat(elementsOf(row)).containsExactly("b1");
            }
        }
        assertThat(rows).hasSize(2 + bigRows.size());
        assertThat(bigRows).hasSizeGreaterThanOrEqualTo(10);
        assertThat(bigRows.get(bigRows.size() - 1) - bigRows.get(0)).as("the big key's rows are consecutive")
                .isEqualTo(bigRows.size() - 1);
        assertElements(bigElements, big);
    }

    @Test
    void limitCountsElementsAndTheRowIndexRunsAcrossBatches() {
        for (int k = 0; k < 5; k++) {
            add(prefix + k, numbered("k" + k + "-", 40));
        }
        List<List<Map<String, Object>>> batches = batches(all().batchSize(50).limit(120).rowIndexColumn("_row"));
        List<Map<String, Object>> rows = batches.stream().flatMap(List::stream).toList();
        assertThat(rows).hasSize(120);
        assertThat(rows.stream().map(row -> row.get("_row"))).containsExactlyElementsOf(
                IntStream.range(0, 120).mapToObj(i -> (Object) (long) i).toList());
        assertThat(batches).hasSizeGreaterThan(2);
        assertThat(rows.get(0).keySet().iterator().next()).isEqualTo("_row");
    }

    @Test
    void withOneRowPerKeyTheLimitAndTheRowIndexCountRows() {
        for (int k = 0; k < 5; k++) {
            add(prefix + "k" + k, numbered("k" + k + "-", 3));
        }
        List<Map<String, Object>> rows = rows(scan(all().batchSize(4).oneRowPerKey().limit(3).rowIndexColumn("_row")));
        assertThat(rows).hasSize(3);
        assertThat(rows.stream().map(row -> row.get("_row"))).containsExactly(0L, 1L, 2L);
        assertThat(rows).allSatisfy(row -> assertThat(elementsOf(row)).hasSize(3));
        assertThat(rows.stream().map(row -> row.get("_key")).distinct()).hasSize(3);
    }

    @Test
    void withOneRowPerKeyTheLimitCountsEachRowOfABigKey() {
        add(prefix + "big", numbered("e", 1000));
        List<Map<String, Object>> rows = rows(scan(all().batchSize(100).oneRowPerKey().limit(3).rowIndexColumn("_row")));
        assertThat(rows).hasSize(3);
        assertThat(rows.stream().map(row -> row.get("_row"))).containsExactly(0L, 1L, 2L);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("_key")).isEqualTo(prefix + "big");
            assertThat(elementsOf(row)).hasSizeBetween(1, 100);
        });
    }

    @Test
    void skipsKeysOfOtherTypesWithAndWithoutTheServerSideTypeFilter() {
        add(prefix + "mine", "x", "y");
        hset(prefix + "hash", Map.of("f", "v"));
        commands().set(bytes(prefix + "string"), bytes("v"));
        commands().xadd(bytes(prefix + "stream"), Map.of(bytes("f"), bytes("v")));
        if (!(this instanceof SetScanIntegrationTests)) {
            commands().sadd(bytes(prefix + "set"), bytes("x"));
        }
        if (!(this instanceof ListScanIntegrationTests)) {
            commands().rpush(bytes(prefix + "list"), bytes("x"));
        }
        if (!(this instanceof SortedSetScanIntegrationTests)) {
            commands().zadd(bytes(prefix + "zset"), 1, bytes("x"));
        }
        for (boolean filter : new boolean[] { true, false }) {
            List<Map<String, Object>> rows = rows(scan(all().typeFilter(filter)));
            assertThat(rows).extracting(row -> row.get("_key")).containsOnly(prefix + "mine");
            assertElements(rows.stream().map(row -> row.get(elementColumn())).toList(), List.of("x", "y"));
            assertThat(rows(scan(all().typeFilter(filter).oneRowPerKey()))).hasSize(1);
        }
    }

    @Test
    void aKeyEmptiedBeforeTheReadGivesNoRows() {
        add(prefix + "emptied", "only");
        add(prefix + "kept", "k");
        removeAll(bytes(prefix + "emptied"));
        assertThat(commands().exists(bytes(prefix + "emptied"))).as("Redis deletes an emptied collection").isZero();
        assertThat(rows(scan(all()))).extracting(row -> row.get("_key")).containsExactly(prefix + "kept");
        assertThat(rows(scan(all().oneRowPerKey()))).extracting(row -> row.get("_key")).containsExactly(prefix + "kept");
    }

    /** Removes every element of the key with the type's own removal command. */
    abstract void removeAll(byte[] key);

    @Test
    void aKeyDeletedMidReadGivesNoFurtherRows() {
        add(prefix + "big", numbered("e", 3000));
        AtomicLong rows = new AtomicLong();
        StepVerifier.create(scan(all().batchSize(100).parallel(1)), 1)
                .consumeNextWith(batch -> {
                    try (batch) {
                        rows.addAndGet(batch.rowCount());
                    }
                    commands().del(bytes(prefix + "big"));
                })
                .thenRequest(Long.MAX_VALUE)
                .thenConsumeWhile(batch -> {
                    try (batch) {
                        rows.addAndGet(batch.rowCount());
                    }
                    return true;
                })
                .expectComplete()
                .verify(Duration.ofSeconds(30));
        // what was read ahead of the first batch's delivery still comes; nothing after the delete
        assertThat(rows.get()).isGreaterThanOrEqualTo(100).isLessThanOrEqualTo(500);
    }

    @Test
    void aKeyReplacedByAnotherTypeMidReadGivesNoFurtherRows() {
        add(prefix + "big", numbered("e", 3000));
        AtomicLong rows = new AtomicLong();
        StepVerifier.create(scan(all().batchSize(100).parallel(1)), 1)
                .consumeNextWith(batch -> {
                    try (batch) {
                        rows.addAndGet(batch.rowCount());
                    }
                    commands().del(bytes(prefix + "big"));
                    commands().set(bytes(prefix + "big"), bytes("now a string"));
                })
                .thenRequest(Long.MAX_VALUE)
                .thenConsumeWhile(batch -> {
                    try (batch) {
                        rows.addAndGet(batch.rowCount());
                    }
                    return true;
                })
                .expectComplete()
                .verify(Duration.ofSeconds(30));
        assertThat(rows.get()).isGreaterThanOrEqualTo(100).isLessThanOrEqualTo(500);
    }

    @Test
    void ttlColumnHoldsEachRowsKeyTtl() {
        add(prefix + "expiring", "a", "b");
        add(prefix + "lasting", "c");
        commands().expire(bytes(prefix + "expiring"), 1000);
        for (boolean grouped : new boolean[] { false, true }) {
            B builder = all().ttlColumn("_ttl").rowIndexColumn("_row");
            List<Map<String, Object>> rows = rows(scan(grouped ? builder.oneRowPerKey() : builder));
            assertThat(rows).hasSize(grouped ? 2 : 3);
            assertThat(rows.get(0).keySet()).startsWith("_row", "_key", "_ttl");
            for (Map<String, Object> row : rows) {
                if (row.get("_key").equals(prefix + "expiring")) {
                    assertThat((Long) row.get("_ttl")).isBetween(990L, 1000L);
                } else {
                    assertThat(row.get("_ttl")).isEqualTo(-1L);
                }
            }
        }
    }

    @Test
    void readsUnicodeAndBinaryKeys() {
        add(prefix + "集合 🎉", "u");
        byte[] binaryKey = Arrays.copyOf(bytes(prefix), prefix.length() + 3);
        binaryKey[prefix.length()] = (byte) 0xff;
        binaryKey[prefix.length() + 1] = 0;
        binaryKey[prefix.length() + 2] = (byte) 0xc3;
        add(binaryKey, List.of(bytes("b")));

        List<Map<String, Object>> rows = rows(scan(all().binaryKeys()));
        assertThat(rows).extracting(row -> HexFormat.of().formatHex((byte[]) row.get("_key"))).containsExactlyInAnyOrder(
                HexFormat.of().formatHex(bytes(prefix + "集合 🎉")), HexFormat.of().formatHex(binaryKey));
        assertThat(rows(scan(scanOf(prefix + "集*")))).extracting(row -> row.get("_key"))
                .containsExactly(prefix + "集合 🎉");
        StepVerifier.create(scan(all()).doOnNext(RecordBatch::close)).expectErrorSatisfies(e -> assertThat(e)
                .isInstanceOf(ValueConversionException.class).hasMessageContaining("binaryKeys()"))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void anElementThatDoesNotParseFailsTheReadNamingTheKeyAndTheValue() {
        add(prefix + "bad", "1", "not-a-number");
        for (boolean grouped : new boolean[] { false, true }) {
            B builder = all().schema(schemaOf("n", INT64));
            StepVerifier.create(scan(grouped ? builder.oneRowPerKey() : builder).doOnNext(RecordBatch::close))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ValueConversionException.class)
                            .hasMessageContaining(prefix + "bad").hasMessageContaining("not-a-number")
                            .hasMessageContaining("'n'").hasMessageContaining("Int64"))
                    .verify(Duration.ofSeconds(10));
        }
    }

    @Test
    void underTheNullPolicyAnElementThatDoesNotParseIsNullAndCounted() {
        add(prefix + "bad", "1", "not-a-number", "3");
        AtomicLong nulled = new AtomicLong();
        List<Object> values = new ArrayList<>();
        scan(all().schema(schemaOf("n", INT64)).onParseError(ParseErrorPolicy.NULL)).doOnNext(batch -> {
            try (batch) {
                nulled.addAndGet(batch.nulledValues());
                Rows.of(batch.root()).forEach(row -> values.add(row.get("n")));
            }
        }).blockLast();
        assertThat(nulled.get()).isEqualTo(1);
        assertElements(values, Arrays.asList(1L, null, 3L));

        nulled.set(0);
        List<Object> items = new ArrayList<>();
        scan(all().schema(schemaOf("n", INT64)).onParseError(ParseErrorPolicy.NULL).oneRowPerKey()).doOnNext(batch -> {
            try (batch) {
                nulled.addAndGet(batch.nulledValues());
                Rows.of(batch.root()).forEach(row -> ((List<?>) row.get("n")).forEach(item -> items.add(elementOf(plain(item)))));
            }
        }).blockLast();
        assertThat(nulled.get()).isEqualTo(1);
        assertElements(items, Arrays.asList(1L, null, 3L));
    }

    @Test
    void anEmptyResultHasNoBatchAndTheBatchSchemaIsKnownBefore() {
        add(prefix + "one", "x");
        for (boolean grouped : new boolean[] { false, true }) {
            B builder = scanOf(prefix + "nothing*").rowIndexColumn("_row").ttlColumn("_ttl");
            if (grouped) {
                builder.oneRowPerKey();
            }
            assertThat(batches(builder)).isEmpty();
            Schema schema = batchSchema(builder);
            assertThat(schema.getFields()).extracting(Field::getName).startsWith("_row", "_key", "_ttl", elementColumn());
            B reading = all().rowIndexColumn("_row").ttlColumn("_ttl");
            if (grouped) {
                reading.oneRowPerKey();
                assertThat(schema.findField(elementColumn()).getType()).isEqualTo(ArrowType.List.INSTANCE);
            } else {
                assertThat(schema.findField(elementColumn()).getType()).isEqualTo(ArrowType.Utf8.INSTANCE);
            }
            Schema[] seen = new Schema[1];
            scan(reading).doOnNext(batch -> {
                try (batch) {
                    seen[0] = batch.schema();
                }
            }).blockLast();
            assertThat(seen[0]).isEqualTo(schema);
        }
    }

    /** Runs a scan with every batch checked by {@code check}, then closed. */
    void forEachBatch(Flux<RecordBatch> scan, Consumer<RecordBatch> check) {
        scan.doOnNext(batch -> {
            try (batch) {
                check.accept(batch);
            }
        }).blockLast();
    }
}
