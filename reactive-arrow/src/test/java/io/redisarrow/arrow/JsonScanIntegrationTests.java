package io.redisarrow.arrow;

import io.redisarrow.testing.RedisModule;
import io.redisarrow.testing.RequiresModule;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * {@code scanJson} against a real server with the JSON module: every type, nested structures,
 * paths, projection, the shared options, keys of other types, and the errors a user meets.
 */
@RequiresModule(RedisModule.JSON)
class JsonScanIntegrationTests extends ScanTestSupport {

    static Field field(String name, ArrowType type, Field... children) {
        return new Field(name, FieldType.nullable(type), children.length == 0 ? null : List.of(children));
    }

    static Field list(String name, Field element) {
        return field(name, ArrowType.List.INSTANCE, element);
    }

    static Field map(String name, ArrowType valueType) {
        Field entries = new Field("entries", FieldType.notNullable(ArrowType.Struct.INSTANCE), List.of(
                new Field("key", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null),
                field("value", valueType)));
        return new Field(name, FieldType.nullable(new ArrowType.Map(false)), List.of(entries));
    }

    static final ArrowType INT64 = new ArrowType.Int(64, true);

    static final Schema ALL = new Schema(List.of(
            field("s", ArrowType.Utf8.INSTANCE),
            field("i32", new ArrowType.Int(32, true)),
            field("i64", INT64),
            field("f64", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
            field("b", ArrowType.Bool.INSTANCE),
            field("d", new ArrowType.Date(DateUnit.DAY)),
            field("ts", new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC")),
            field("dec", new ArrowType.Decimal(38, 2, 128)),
            field("address", ArrowType.Struct.INSTANCE, field("city", ArrowType.Utf8.INSTANCE),
                    field("zip", INT64)),
            list("tags", field("item", ArrowType.Utf8.INSTANCE)),
            list("items", field("item", ArrowType.Struct.INSTANCE, field("sku", ArrowType.Utf8.INSTANCE),
                    field("qty", INT64))),
            list("matrix", list("item", field("item", INT64))),
            map("counts", INT64),
            field("raw", ArrowType.Utf8.INSTANCE)));

    static final String FULL = "{\"s\":\"h\\u00e9llo \\uD83D\\uDE00 \\\"q\\\" \\\\ \\n\",\"i32\":-2147483648,"
            + "\"i64\":9223372036854775807,\"f64\":-2.25e-3,\"b\":true,\"d\":\"2024-02-29\","
            + "\"ts\":\"2024-01-01T10:00:00+02:00\",\"dec\":123456789012345678901234567890.12,"
            + "\"address\":{\"zip\":12345,\"city\":\"Oslo\",\"extra\":[1,{\"deep\":true}]},"
            + "\"tags\":[\"a\",\"\",\"\u4e16\u754c\"],\"items\":[{\"sku\":\"x\",\"qty\":2},{\"sku\":\"y\"}],"
            + "\"matrix\":[[1,2],[],[3]],\"counts\":{\"a\":1,\"b c\":2},\"raw\":{\"k\":[1,2,{\"z\":null}]},"
            + "\"ignored\":{\"big\":[1,2,3]}}";

    JsonScan.Builder scan(Schema schema) {
        return JsonScan.builder().pattern(prefix + "*").schema(schema);
    }

    Map<String, Map<String, Object>> rowsByKey(JsonScan scan) {
        return Rows.collect(redis.scanJson(scan)).stream()
                .collect(Collectors.toMap(row -> (String) row.get("_key"), row -> row));
    }

    @Test
    void readsEveryTypeNestedStructuresUnicodeAndEscapes() {
        jsonSet(prefix + "full", FULL);
        jsonSet(prefix + "sparse", "{\"s\":null,\"tags\":[],\"address\":{},\"counts\":{},\"items\":null}");

        Map<String, Map<String, Object>> rows = rowsByKey(scan(ALL).build());

        Map<String, Object> f = rows.get(prefix + "full");
        assertThat(f).contains(entry("s", "h\u00e9llo \uD83D\uDE00 \"q\" \\ \n"), entry("i32", Integer.MIN_VALUE),
                entry("i64", Long.MAX_VALUE), entry("f64", -2.25e-3), entry("b", true),
                entry("d", (int) LocalDate.of(2024, 2, 29).toEpochDay()), entry("ts", 1704096000000L),
                entry("dec", new BigDecimal("123456789012345678901234567890.12")));
        assertThat(f.get("address").toString()).isEqualTo("{\"city\":\"Oslo\",\"zip\":12345}");
        assertThat(f.get("tags").toString()).isEqualTo("[\"a\",\"\",\"\u4e16\u754c\"]");
        assertThat(f.get("items").toString()).isEqualTo("[{\"sku\":\"x\",\"qty\":2},{\"sku\":\"y\"}]");
        assertThat(f.get("matrix").toString()).isEqualTo("[[1,2],[],[3]]");
        assertThat(f.get("counts").toString())
                .isEqualTo("[{\"key\":\"a\",\"value\":1},{\"key\":\"b c\",\"value\":2}]");
        assertThat(f.get("raw")).isEqualTo("{\"k\":[1,2,{\"z\":null}]}");

        Map<String, Object> s = rows.get(prefix + "sparse");
        assertThat(s.get("s")).isNull();
        assertThat(s.get("i64")).isNull();
        assertThat(s.get("tags").toString()).isEqualTo("[]");
        assertThat(s.get("address").toString()).isEqualTo("{}");
        assertThat(s.get("counts").toString()).isEqualTo("[]");
        assertThat(s.get("items")).isNull();
    }

    @Test
    void pathsReadNestedValuesAndListsOfMatches() {
        jsonSet(prefix + "1", FULL);
        Schema schema = new Schema(List.of(field("city", ArrowType.Utf8.INSTANCE), field("firstTag", ArrowType.Utf8.INSTANCE),
                list("skus", field("item", ArrowType.Utf8.INSTANCE)), field("missing", INT64),
                field("i64", INT64)));
        Map<String, Object> row = rowsByKey(scan(schema).path("city", "$.address.city").path("firstTag", "$.tags[0]")
                .path("skus", "$.items[*].sku").path("missing", "$.address.nothing").build()).get(prefix + "1");
        assertThat(row).contains(entry("city", "Oslo"), entry("firstTag", "a"), entry("i64", Long.MAX_VALUE));
        assertThat(row.get("skus").toString()).isEqualTo("[\"x\",\"y\"]");
        assertThat(row.get("missing")).isNull();
    }

    @Test
    void aPathMatchingSeveralValuesForAColumnThatIsNotAListFailsNamingThePath() {
        jsonSet(prefix + "1", FULL);
        Schema schema = new Schema(List.of(field("sku", ArrowType.Utf8.INSTANCE)));
        StepVerifier.create(redis.scanJson(scan(schema).path("sku", "$.items[*].sku").build()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ValueConversionException.class)
                        .hasMessageContaining("$.items[*].sku").hasMessageContaining(prefix + "1"))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void projectionReadsOnlyTheNamedMembersWhateverTheirNames() {
        String[] names = { "plain", "a b", "q\"x", "back\\slash", "\u00fc", "x.y", "it's", "[0]", "$" };
        StringBuilder doc = new StringBuilder("{");
        for (int i = 0; i < names.length; i++) {
            doc.append(i == 0 ? "" : ",").append('"').append(names[i].replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\":").append(i);
        }
        jsonSet(prefix + "1", doc.append(",\"other\":\"not read\"}").toString());
        List<Field> fields = new java.util.ArrayList<>();
        for (String name : names) {
            fields.add(field(name, INT64));
        }
        fields.add(field("other", ArrowType.Utf8.INSTANCE));
        Map<String, Object> row = rowsByKey(scan(new Schema(fields)).project(names).build()).get(prefix + "1");
        assertThat(row).doesNotContainKey("other");
        for (int i = 0; i < names.length; i++) {
            assertThat(row).as(names[i]).containsEntry(names[i], (long) i);
        }
        Map<String, Object> whole = rowsByKey(scan(new Schema(fields)).build()).get(prefix + "1");
        assertThat(whole).containsEntry("other", "not read").containsEntry("q\"x", 2L);
    }

    @Test
    void sharedOptionsApply() {
        loadJson(30, i -> "{\"n\":" + i + "}");
        commands().expire(bytes(prefix + "7"), 1000);
        Schema schema = new Schema(List.of(field("n", INT64)));
        List<Map<String, Object>> rows = Rows.collect(redis.scanJson(scan(schema).ttlColumn("ttl").rowIndexColumn("idx")
                .keyColumn("k").batchSize(4).parallel(2).countHint(7).limit(25).build()));
        assertThat(rows).hasSize(25);
        assertThat(rows.get(0).keySet()).containsExactly("idx", "k", "ttl", "n");
        assertThat(rows).extracting(r -> r.get("idx")).containsExactlyElementsOf(
                java.util.stream.LongStream.range(0, 25).boxed().toList());
        for (Map<String, Object> row : rows) {
            String key = (String) row.get("k");
            assertThat(row.get("n")).isEqualTo(Long.parseLong(key.substring(prefix.length())));
            if (key.equals(prefix + "7")) {
                assertThat((Long) row.get("ttl")).isBetween(990L, 1000L);
            } else {
                assertThat(row.get("ttl")).isEqualTo(-1L);
            }
        }
    }

    @Test
    void skipsKeysOfOtherTypesAndReadsBinaryAndUnicodeKeys() {
        jsonSet(prefix + "doc", "{\"n\":1}");
        jsonSet(prefix + "\u00e9\u4e16", "{\"n\":2}");
        byte[] binary = bytes(prefix + "bin\u0000");
        binary[binary.length - 1] = (byte) 0xff;
        jsonSet(binary, "{\"n\":3}");
        hset(prefix + "hash", Map.of("n", "4"));
        commands().set(bytes(prefix + "string"), bytes("{\"n\":5}"));
        commands().sadd(bytes(prefix + "set"), bytes("x"));
        Schema schema = new Schema(List.of(field("n", INT64)));
        for (io.redisarrow.core.TypeFilter filter : io.redisarrow.core.TypeFilter.values()) {
            List<Map<String, Object>> rows = Rows.collect(redis.scanJson(scan(schema).binaryKeys().typeFilter(filter)
                    .batchSize(2).build()));
            assertThat(rows).as("typeFilter %s", filter).extracting(r -> r.get("n")).containsExactlyInAnyOrder(1L, 2L, 3L);
        }
    }

    @Test
    void mgetReadsTheSameRowsAsJsonGetEvenAmongKeysOfOtherTypes() {
        loadJson(40, i -> "{\"n\":" + i + ",\"s\":\"v" + i + "\"}");
        for (int i = 0; i < 5; i++) {
            hset(prefix + "hash" + i, Map.of("n", "x"));
        }
        commands().expire(bytes(prefix + "3"), 1000);
        Schema schema = new Schema(List.of(field("n", INT64), field("s", ArrowType.Utf8.INSTANCE)));
        for (io.redisarrow.core.TypeFilter filter : io.redisarrow.core.TypeFilter.values()) {
            JsonScan mget = scan(schema).mget(true).typeFilter(filter).batchSize(7).ttlColumn("ttl").build();
            assertThat(mget.mget()).isTrue();
            Map<String, Map<String, Object>> byMget = rowsByKey(mget);
            Map<String, Map<String, Object>> byGet = rowsByKey(scan(schema).typeFilter(filter).batchSize(7)
                    .ttlColumn("ttl").build());
            assertThat(byMget).as("typeFilter %s", filter).hasSize(40);
            assertThat(byMget.keySet()).isEqualTo(byGet.keySet());
            for (String key : byGet.keySet()) {
                Map<String, Object> a = new java.util.HashMap<>(byMget.get(key));
                Map<String, Object> b = new java.util.HashMap<>(byGet.get(key));
                assertThat(a.remove("ttl") instanceof Long ttl && ttl >= -1).isTrue();
                b.remove("ttl");
                assertThat(a).isEqualTo(b);
            }
        }
        // one path reads with JSON.MGET too; several paths never
        assertThat(scan(schema).mget(true).project("s").build().mget()).isTrue();
        assertThat(scan(schema).mget(true).project("s", "n").build().mget()).isFalse();
        assertThat(scan(schema).build().mget()).isEqualTo(JsonScan.DEFAULT_MGET);
    }

    @Test
    void keysDeletedMidScanGiveNoRow() {
        loadJson(50, i -> "{\"n\":" + i + "}");
        Schema schema = new Schema(List.of(field("n", INT64)));
        List<Long> seen = new java.util.ArrayList<>();
        StepVerifier.create(redis.scanJson(scan(schema).batchSize(1).parallel(1).build()), 1)
                .consumeNextWith(batch -> {
                    try (batch) {
                        seen.add(batch.rowCount() == 1 ? 1L : 0L);
                    }
                    for (int i = 0; i < 50; i++) {
                        commands().del(bytes(prefix + i));
                    }
                })
                .thenRequest(Long.MAX_VALUE)
                .thenConsumeWhile(batch -> {
                    try (batch) {
                        seen.add((long) batch.rowCount());
                    }
                    return true;
                })
                .verifyComplete();
        // the first batch, and at most the round trips already in flight or waiting when the keys went
        assertThat(seen.stream().mapToLong(Long::longValue).sum()).isBetween(1L, 3L);
    }

    @Test
    void aValueOfTheWrongJsonTypeFailsNamingKeyPathValueAndTypeOrIsNulled() {
        jsonSet(prefix + "bad", "{\"address\":{\"zip\":\"not a zip\"}}");
        Schema schema = new Schema(List.of(field("address", ArrowType.Struct.INSTANCE, field("zip", INT64))));
        StepVerifier.create(redis.scanJson(scan(schema).build()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ValueConversionException.class)
                        .hasMessageContaining(prefix + "bad").hasMessageContaining("$.address.zip")
                        .hasMessageContaining("not a zip").hasMessageContaining("Int64"))
                .verify(Duration.ofSeconds(10));
        List<RecordBatch> batches = redis.scanJson(scan(schema).onParseError(ParseErrorPolicy.NULL).build())
                .collectList().block();
        try {
            assertThat(batches).hasSize(1);
            assertThat(batches.get(0).nulledValues()).isEqualTo(1);
            assertThat(Rows.of(batches.get(0).root()).get(0).get("address").toString()).isEqualTo("{}");
        } finally {
            batches.forEach(RecordBatch::close);
        }
    }

    @Test
    void numbersBeyondInt64GoToDecimalExactlyOrFail() {
        jsonSet(prefix + "1", "{\"n\":123456789012345678901234567890}");
        Map<String, Object> row = rowsByKey(scan(new Schema(List.of(field("n", new ArrowType.Decimal(38, 0, 128)))))
                .build()).get(prefix + "1");
        assertThat(row).containsEntry("n", new BigDecimal("123456789012345678901234567890"));
        StepVerifier.create(redis.scanJson(scan(new Schema(List.of(field("n", INT64)))).build()))
                .expectError(ValueConversionException.class).verify(Duration.ofSeconds(10));
    }

    @Test
    void aTenMegabyteDocumentRoundTrips() {
        String big = "x".repeat(10 * 1024 * 1024);
        jsonSet(prefix + "big", "{\"s\":\"" + big + "\",\"n\":7}");
        Schema schema = new Schema(List.of(field("s", ArrowType.Utf8.INSTANCE), field("n", INT64)));
        Map<String, Object> row = rowsByKey(scan(schema).build()).get(prefix + "big");
        assertThat(row).containsEntry("n", 7L);
        assertThat((String) row.get("s")).hasSize(big.length()).isEqualTo(big);
    }

    @Test
    void aMissingNonNullableMemberFails() {
        jsonSet(prefix + "1", "{\"other\":1}");
        Schema schema = new Schema(List.of(new Field("n", FieldType.notNullable(INT64), null)));
        StepVerifier.create(redis.scanJson(scan(schema).build()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ValueConversionException.class)
                        .hasMessageContaining("not nullable"))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void builderRejectsBadOptionsNamingThem() {
        Schema schema = new Schema(List.of(field("a", INT64), field("b", INT64)));
        assertThatThrownBy(() -> JsonScan.builder().schema(schema).path("zz", "$.a").build())
                .hasMessageContaining("'zz'");
        assertThatThrownBy(() -> JsonScan.builder().schema(schema).path("a", "a.b"))
                .hasMessageContaining("jsonPath must start with '$'");
        assertThatThrownBy(() -> JsonScan.builder().schema(schema).path("b", "$.a").build())
                .hasMessageContaining("columns 'a' and 'b' read the same path '$.a'");
        assertThatThrownBy(() -> JsonScan.builder().schema(new Schema(List.of(
                field("u", new ArrowType.Int(32, false))))).build())
                .isInstanceOf(UnsupportedArrowTypeException.class);
    }
}
