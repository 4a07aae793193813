package io.redisarrow.arrow;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.ProtocolKeyword;
import io.redisarrow.core.RedisArrowException;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Schema inference on a real server: the types inferred for hashes and JSON documents, the
 * promise that scanning the sampled hashes with the inferred schema never fails to parse and
 * reads back every value, the spread of the sample, and the argument and empty-sample errors.
 */
class SchemaInferenceIntegrationTests extends ScanTestSupport {

    static final ArrowType INT64 = new ArrowType.Int(64, true);

    static final ArrowType FLOAT64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);

    static final ArrowType UTF8 = ArrowType.Utf8.INSTANCE;

    /** The hashes written, by key, field name and raw value, to compare a scan with. */
    final Map<String, Map<String, byte[]>> written = new HashMap<>();

    void write(String key, Map<String, byte[]> fields) {
        commands().hset(bytes(key), new LinkedHashMap<>(fields.entrySet().stream().collect(
                LinkedHashMap<byte[], byte[]>::new, (m, e) -> m.put(bytes(e.getKey()), e.getValue()), Map::putAll)));
        written.put(key, fields);
    }

    static String two(int n) {
        return String.format(Locale.ROOT, "%02d", n);
    }

    /** Sixty hashes whose fields each call for one type. */
    void writeTypedHashes() {
        String[] words = { "true", "false", "yes", "no", "T", "n" };
        for (int i = 0; i < 60; i++) {
            Map<String, byte[]> f = new LinkedHashMap<>();
            f.put("id", bytes(i == 7 ? "007" : Integer.toString(i)));
            f.put("flag", bytes(Integer.toString(i % 2)));
            f.put("price", bytes(i % 3 == 0 ? "12.5" : i % 3 == 1 ? "1e3" : Integer.toString(i)));
            f.put("amount", bytes("12345678901234567." + two(i)));
            f.put("big", bytes("1844674407370955161" + (i % 10)));
            f.put("active", bytes(words[i % words.length]));
            f.put("born", bytes(LocalDate.of(1950 + i, 1 + i % 12, 1 + i % 28).toString()));
            f.put("seen", bytes("2024-01-" + two(1 + i % 28) + (i % 2 == 0 ? "T" : " ") + "10:" + two(i) + ":00"
                    + (i % 4 == 0 ? ".123" : "")));
            f.put("at", bytes("2024-02-" + two(1 + i % 28) + "T08:00:00" + (i % 2 == 0 ? "Z" : "+02:00")));
            f.put("precise", bytes("2024-03-01T00:00:" + two(i) + "." + (123456 + i) + "Z"));
            f.put("name", bytes("Zoë " + i + " 🙂"));
            f.put("blob", new byte[] { (byte) 0xff, (byte) 0xfe, (byte) i });
            if (i % 2 == 0) {
                f.put("note", bytes("note " + i));
            }
            f.put("mixed", bytes(i % 2 == 0 ? Integer.toString(i) : "n/a"));
            write(prefix + i, f);
        }
    }

    @Test
    void infersTheNarrowestTypeOfEachHashField() {
        writeTypedHashes();

        Schema schema = redis.inferHashSchema(prefix + "*", 1000).block();

        Map<String, ArrowType> types = new LinkedHashMap<>();
        schema.getFields().forEach(field -> types.put(field.getName(), field.getType()));
        assertThat(types).containsOnly(
                Map.entry("id", INT64),
                Map.entry("flag", INT64),
                Map.entry("price", FLOAT64),
                Map.entry("amount", new ArrowType.Decimal(19, 2, 128)),
                Map.entry("big", new ArrowType.Decimal(20, 0, 128)),
                Map.entry("active", ArrowType.Bool.INSTANCE),
                Map.entry("born", new ArrowType.Date(DateUnit.DAY)),
                Map.entry("seen", new ArrowType.Timestamp(TimeUnit.MILLISECOND, null)),
                Map.entry("at", new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC")),
                Map.entry("precise", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")),
                Map.entry("name", UTF8),
                Map.entry("blob", ArrowType.Binary.INSTANCE),
                Map.entry("note", UTF8),
                Map.entry("mixed", UTF8));
        assertThat(schema.getFields()).filteredOn(Field::isNullable).extracting(Field::getName).containsExactly("note");
        assertThat(schema.findField("note").getMetadata()).containsEntry(InferenceMetadata.SAMPLED, "60")
                .containsEntry(InferenceMetadata.PRESENT, "30").containsEntry(InferenceMetadata.TYPES, "string:30");
        assertThat(schema.findField("mixed").getMetadata()).containsEntry(InferenceMetadata.TYPES,
                "integer:30,string:30");
    }

    @Test
    void scanningTheSampledHashesWithTheInferredSchemaNeverFailsAndReadsEveryValue() {
        writeTypedHashes();
        writeRandomHashes(400, new Random(20240601));

        Schema schema = redis.inferHashSchema(prefix + "*", 1000).block();
        assertThat(schema.findField("big").getMetadata()).containsEntry(InferenceMetadata.SAMPLED, "460");

        AtomicInteger rows = new AtomicInteger();
        redis.scanHashes(HashScan.builder().pattern(prefix + "*").schema(schema).keyColumn("_key")
                .onParseError(ParseErrorPolicy.FAIL).build())
                .doOnNext(batch -> {
                    try (batch) {
                        assertThat(batch.nulledValues()).isZero();
                        rows.addAndGet(batch.rowCount());
                        assertReadsWhatWasWritten(batch.root());
                    }
                }).blockLast();
        assertThat(rows).hasValue(460);
    }

    /** Hashes whose fields mix values of the pools below at random, each present four times in five. */
    void writeRandomHashes(int count, Random random) {
        String[][] pools = {
            { "0", "1", "007", "+5", "-0", "9223372036854775807", "-9223372036854775808" },
            { "1", "-12", "99999999999999999999", "123456789012345678901234567890" },
            { "0.1", "2.5", "1e5", ".5", "5.", "-inf", "NaN", "1.7976931348623157e308", "3" },
            { "0.1", "12345678901234567.125", "-0.00000000000000000001", "42" },
            { "true", "false", "YES", "no", "t", "F", "y", "N" },
            { "true", "false", "0", "1" },
            { "2024-02-29", "1900-01-01", "2099-12-31" },
            { "2024-02-29", "2024-03-01T12:30", "2024-03-01 12:30:45.5" },
            { "2024-03-01T12:30:00Z", "2024-03-01T12:30:00+0530", "2024-03-01T12:30:00-03", "2024-03-01T12:30:00-03:00",
                "2024-03-01T12:30" },
            { "2024-03-01T12:30:00.123456789", "2024-03-01T12:30:00.1" },
            { "plain", "Zoë", "🙂", "日本", " spaced " },
            { "1", "2.5", "true", "2024-01-01", "text", "" },
            { "", "1" },
            { "1700000000", "2024-03-01T12:30:00" },
        };
        for (int i = 0; i < count; i++) {
            Map<String, byte[]> f = new LinkedHashMap<>();
            for (int p = 0; p < pools.length; p++) {
                if (random.nextInt(5) > 0) {
                    f.put("r" + p, bytes(pools[p][random.nextInt(pools[p].length)]));
                }
            }
            if (f.isEmpty()) {
                f.put("r0", bytes("1"));
            }
            write(prefix + "r:" + i, f);
        }
    }

    /** Every value of the batch equals the value written, read by the JDK's own parsers; a missing field is null. */
    void assertReadsWhatWasWritten(VectorSchemaRoot root) {
        VarCharVector keys = (VarCharVector) root.getVector("_key");
        for (int row = 0; row < root.getRowCount(); row++) {
            String key = new String(keys.get(row), StandardCharsets.UTF_8);
            Map<String, byte[]> fields = written.get(key);
            assertThat(fields).as("key %s", key).isNotNull();
            for (FieldVector vector : root.getFieldVectors()) {
                if (vector == keys) {
                    continue;
                }
                byte[] raw = fields.get(vector.getName());
                if (raw == null) {
                    assertThat(vector.isNull(row)).as("%s.%s", key, vector.getName()).isTrue();
                } else {
                    assertThat(vector.isNull(row)).as("%s.%s", key, vector.getName()).isFalse();
                    assertSameValue(vector, row, raw, key);
                }
            }
        }
    }

    static void assertSameValue(FieldVector vector, int row, byte[] raw, String key) {
        String text = new String(raw, StandardCharsets.UTF_8);
        String what = key + "." + vector.getName() + " = '" + text + "'";
        if (vector instanceof BigIntVector v) {
            assertThat(v.get(row)).as(what).isEqualTo(Long.parseLong(text));
        } else if (vector instanceof Float8Vector v) {
            double value = v.get(row);
            assertThat(Double.compare(value, javaDouble(text))).as(what).isZero();
            if (Double.isFinite(value) && value != 0) {
                // no digit lost: the double, written with the text's digits, is the text's number
                BigDecimal exact = new BigDecimal(text);
                assertThat(new BigDecimal(value).round(new java.math.MathContext(exact.stripTrailingZeros().precision())))
                        .as(what).isEqualByComparingTo(exact);
            }
        } else if (vector instanceof DecimalVector v) {
            assertThat(v.getObject(row)).as(what).isEqualByComparingTo(new BigDecimal(text));
        } else if (vector instanceof BitVector v) {
            assertThat(v.get(row) == 1).as(what).isEqualTo(List.of("true", "yes", "t", "y", "1")
                    .contains(text.toLowerCase(Locale.ROOT)));
        } else if (vector instanceof DateDayVector v) {
            assertThat((long) v.get(row)).as(what).isEqualTo(LocalDate.parse(text).toEpochDay());
        } else if (vector instanceof TimeStampVector v) {
            TimeUnit unit = ((ArrowType.Timestamp) v.getField().getType()).getUnit();
            assertThat(v.get(row)).as(what).isEqualTo(epoch(text, unit));
        } else if (vector instanceof VarCharVector v) {
            assertThat(new String(v.get(row), StandardCharsets.UTF_8)).as(what).isEqualTo(text);
        } else if (vector instanceof VarBinaryVector v) {
            assertThat(v.get(row)).as(what).isEqualTo(raw);
        } else {
            throw new AssertionError("no check for " + vector.getField());
        }
    }

    static double javaDouble(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String unsigned = lower.replaceFirst("^[+-]", "");
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return unsigned.equals("nan") ? Double.NaN : Double.parseDouble(text);
    }

    /**
     * An ISO-8601 text as a count of {@code unit} since the epoch, by java.time (offsets applied,
     * none read as UTC); the unit must hold the text's fraction whole.
     */
    static long epoch(String text, TimeUnit unit) {
        String iso = text.length() == 10 ? text + "T00:00" : text.substring(0, 10) + "T" + text.substring(11);
        iso = iso.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2").replaceFirst("(T[^+-]*[+-]\\d\\d)$", "$1:00");
        OffsetDateTime time = iso.matches(".*(Z|[+-]\\d\\d:\\d\\d)$") ? OffsetDateTime.parse(iso)
                : LocalDateTime.parse(iso).atOffset(ZoneOffset.UTC);
        long perSecond = switch (unit) {
            case SECOND -> 1L;
            case MILLISECOND -> 1_000L;
            case MICROSECOND -> 1_000_000L;
            case NANOSECOND -> 1_000_000_000L;
        };
        assertThat(time.getNano() % (1_000_000_000L / perSecond)).as("%s fits %s without truncation", text, unit)
                .isZero();
        return time.toEpochSecond() * perSecond + time.getNano() / (1_000_000_000L / perSecond);
    }

    @Test
    void theSampleIsSpreadOverTheKeyspaceNotTakenFromTheFirstScanPages() throws InterruptedException {
        int keys = 50_000;
        loadHashes(keys, i -> Map.of("v", Integer.toString(i)));
        var connection = loaderClient.connect(StringCodec.UTF8);
        try {
            // the first pages of a plain SCAN get text values: a sample of those pages would be all
            // text. Redis moves keys to its grown table bit by bit, which changes the SCAN order for
            // a while, so the pages are read until they stay the same.
            List<String> first = firstKeys(connection.sync(), keys / 20);
            List<String> again = firstKeys(connection.sync(), keys / 20);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!again.equals(first) && System.nanoTime() < deadline) {
                Thread.sleep(100);
                first = again;
                again = firstKeys(connection.sync(), keys / 20);
            }
            for (String key : again) {
                connection.sync().hset(key, "v", "text");
            }
        } finally {
            connection.close();
        }

        Schema schema = redis.inferHashSchema(prefix + "*", 1000).block();

        Map<String, String> metadata = schema.findField("v").getMetadata();
        assertThat(metadata).containsEntry(InferenceMetadata.SAMPLED, "1000");
        String types = metadata.get(InferenceMetadata.TYPES);
        assertThat(count(types, "integer")).as(types).isGreaterThan(800);
    }

    /** @return at least {@code count} keys of the test, in the order a plain SCAN from cursor 0 returns them */
    List<String> firstKeys(io.lettuce.core.api.sync.RedisCommands<String, String> sync, int count) {
        List<String> order = new ArrayList<>();
        ScanArgs args = ScanArgs.Builder.matches(prefix + "*").limit(1000);
        KeyScanCursor<String> cursor = sync.scan(args);
        order.addAll(cursor.getKeys());
        while (!cursor.isFinished() && order.size() < count) {
            cursor = sync.scan(ScanCursor.of(cursor.getCursor()), args);
            order.addAll(cursor.getKeys());
        }
        return order;
    }

    static long count(String types, String kind) {
        return Arrays.stream(types.split(",")).filter(pair -> pair.startsWith(kind + ":"))
                .mapToLong(pair -> Long.parseLong(pair.substring(kind.length() + 1))).sum();
    }

    @Test
    void samplesAtMostSampleSizeHashesAndNoKeyOfAnotherType() {
        loadHashes(500, i -> Map.of("n", Integer.toString(i)));
        for (int i = 0; i < 50; i++) {
            commands().set(bytes(prefix + "s" + i), bytes("not a hash"));
        }
        assertThat(redis.inferHashSchema(prefix + "*", 100).block().findField("n").getMetadata())
                .containsEntry(InferenceMetadata.SAMPLED, "100");
        assertThat(redis.inferHashSchema(prefix + "*", 10_000).block().findField("n").getMetadata())
                .containsEntry(InferenceMetadata.SAMPLED, "500");
    }

    @Test
    void sampleSizeAndPatternAreCheckedAtOnce() {
        assertThatThrownBy(() -> redis.inferHashSchema(prefix + "*", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sampleSize must be >= 1");
        assertThatThrownBy(() -> redis.inferJsonSchema(prefix + "*", -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sampleSize must be >= 1");
        assertThatThrownBy(() -> redis.inferHashSchema("", 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pattern must not be empty");
    }

    @Test
    void noMatchingKeyIsAnErrorNamingThePattern() {
        commands().set(bytes(prefix + "string"), bytes("not a hash"));
        StepVerifier.create(redis.inferHashSchema(prefix + "*", 10))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RedisArrowException.class)
                        .hasMessageContaining("no hash matches '" + prefix + "*'"))
                .verify();
        StepVerifier.create(redis.inferJsonSchema(prefix + "*", 10))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RedisArrowException.class)
                        .hasMessageContaining("no JSON document matches '" + prefix + "*'"))
                .verify();
    }

    @Test
    void inferringAfterCloseFails() {
        hset(prefix + "a", Map.of("n", "1"));
        Mono<Schema> schema = redis.inferHashSchema(prefix + "*", 10);
        redis.close();
        StepVerifier.create(schema).expectError(IllegalStateException.class).verify();
    }

    void jsonSet(String key, String json) {
        loaderConnection.sync().dispatch(JSON_SET, new StatusOutput<>(io.lettuce.core.codec.ByteArrayCodec.INSTANCE),
                new CommandArgs<>(io.lettuce.core.codec.ByteArrayCodec.INSTANCE).addKey(bytes(key)).add("$").add(json));
    }

    static final ProtocolKeyword JSON_SET = new ProtocolKeyword() {
        @Override
        public byte[] getBytes() {
            return "JSON.SET".getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public String toString() {
            return "JSON.SET";
        }
    };

    static String members(String prefix, int count) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(prefix).append(i).append("\":").append(i);
        }
        return json.append('}').toString();
    }

    static Field child(Field field, String name) {
        return field.getChildren().stream().filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void infersNestedTypesForJsonDocuments() {
        server.requireJson();
        jsonSet(prefix + "1", "{\"id\":1,\"name\":\"Ada\",\"score\":9.5,\"big\":123456789012345678901234,"
                + "\"active\":true,\"born\":\"1990-05-01\",\"seen\":\"2024-01-01T10:00:00Z\","
                + "\"address\":{\"city\":\"Oslo\",\"zip\":\"0150\"},\"tags\":[\"a\",\"b\"],"
                + "\"orders\":[{\"sku\":\"x\",\"qty\":2},{\"sku\":\"y\",\"qty\":1,\"gift\":true}],"
                + "\"attrs\":" + members("a", 70) + ",\"maybe\":null,\"mixed\":1,\"empty\":[]}");
        jsonSet(prefix + "2", "{\"id\":2,\"name\":\"Bob\",\"score\":7,\"big\":5,\"active\":false,"
                + "\"born\":\"1991-06-02\",\"seen\":\"2024-01-02T11:00:00+02:00\",\"address\":{\"city\":\"Rome\"},"
                + "\"tags\":[],\"orders\":[],\"attrs\":" + members("b", 70) + ",\"mixed\":\"one\",\"empty\":[]}");
        jsonSet(prefix + "3", "{\"id\":3,\"name\":\"Cy\",\"score\":1.25,\"big\":-7,\"active\":true,"
                + "\"born\":\"1992-07-03\",\"seen\":\"2024-01-03T12:00:00Z\",\"address\":null,\"tags\":[\"c\"],"
                + "\"orders\":[{\"sku\":\"z\",\"qty\":3}],\"attrs\":" + members("c", 70) + ","
                + "\"extra\":{\"deep\":[[1,2],[3]]},\"mixed\":[1],\"empty\":[]}");
        hset(prefix + "hash", Map.of("id", "not JSON"));

        Schema schema = redis.inferJsonSchema(prefix + "*", 1000).block();

        assertThat(schema.getFields()).extracting(Field::getName).containsExactlyInAnyOrder("id", "name", "score",
                "big", "active", "born", "seen", "address", "tags", "orders", "attrs", "maybe", "mixed", "empty",
                "extra");
        assertThat(schema.findField("id").getType()).isEqualTo(INT64);
        assertThat(schema.findField("id").getMetadata()).containsEntry(InferenceMetadata.SAMPLED, "3");
        assertThat(schema.findField("name").getType()).isEqualTo(UTF8);
        assertThat(schema.findField("score").getType()).isEqualTo(FLOAT64);
        assertThat(schema.findField("big").getType()).isEqualTo(new ArrowType.Decimal(24, 0, 128));
        assertThat(schema.findField("active").getType()).isEqualTo(ArrowType.Bool.INSTANCE);
        assertThat(schema.findField("born").getType()).isEqualTo(new ArrowType.Date(DateUnit.DAY));
        assertThat(schema.findField("seen").getType()).isEqualTo(new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC"));
        assertThat(schema.findField("maybe").getType()).isEqualTo(UTF8);
        assertThat(schema.findField("maybe").isNullable()).isTrue();
        assertThat(schema.findField("mixed").getType()).isEqualTo(UTF8);

        Field address = schema.findField("address");
        assertThat(address.getType()).isEqualTo(ArrowType.Struct.INSTANCE);
        assertThat(address.isNullable()).isTrue();
        assertThat(child(address, "city").isNullable()).isFalse();
        assertThat(child(address, "zip").isNullable()).isTrue();
        assertThat(child(address, "zip").getType()).isEqualTo(UTF8);

        Field tags = schema.findField("tags");
        assertThat(tags.getType()).isEqualTo(ArrowType.List.INSTANCE);
        assertThat(tags.getChildren().get(0).getType()).isEqualTo(UTF8);

        Field order = schema.findField("orders").getChildren().get(0);
        assertThat(order.getType()).isEqualTo(ArrowType.Struct.INSTANCE);
        assertThat(order.getChildren()).extracting(Field::getName).containsExactly("sku", "qty", "gift");
        assertThat(child(order, "qty").getType()).isEqualTo(INT64);
        assertThat(child(order, "gift").isNullable()).isTrue();

        Field attrs = schema.findField("attrs");
        assertThat(attrs.getType()).isEqualTo(new ArrowType.Map(false));
        assertThat(attrs.getChildren().get(0).getChildren().get(1).getType()).isEqualTo(INT64);

        Field empty = schema.findField("empty");
        assertThat(empty.getType()).isEqualTo(ArrowType.List.INSTANCE);
        assertThat(empty.getChildren().get(0).getType()).isEqualTo(UTF8);

        Field extra = schema.findField("extra");
        assertThat(extra.isNullable()).isTrue();
        Field deep = child(extra, "deep");
        assertThat(deep.getType()).isEqualTo(ArrowType.List.INSTANCE);
        assertThat(deep.getChildren().get(0).getType()).isEqualTo(ArrowType.List.INSTANCE);
        assertThat(deep.getChildren().get(0).getChildren().get(0).getType()).isEqualTo(INT64);
    }

    /**
     * The never-fails guarantee for JSON: documents mixing every JSON type, nesting, nulls,
     * missing members and conflicts, all sampled; scanning them with the inferred schema under
     * FAIL reads every document without a parse error.
     */
    @Test
    void scanningTheSampledDocumentsWithTheInferredSchemaNeverFails() {
        server.requireJson();
        Random random = new Random(42);
        String[] scalars = { "1", "-9223372036854775808", "123456789012345678901234", "2.5", "1e-7", "0.1",
                "true", "false", "null", "\"text\"", "\"2024-01-02\"", "\"2024-01-02T03:04:05.123456Z\"",
                "\"2024-01-02 03:04:05\"", "\"\\u00e9\\\"q\"", "\"\"", "\"12.50\"", "\"true\"" };
        int documents = 300;
        for (int d = 0; d < documents; d++) {
            StringBuilder doc = new StringBuilder("{");
            int members = 0;
            for (int m = 0; m < 12; m++) {
                if (random.nextInt(4) == 0) {
                    continue;
                }
                doc.append(members++ == 0 ? "" : ",").append("\"m").append(m).append("\":")
                        .append(randomValue(random, scalars, m, 0));
            }
            jsonSet(prefix + d, doc.append('}').toString());
        }
        Schema schema = redis.inferJsonSchema(prefix + "*", 1000).block();
        assertThat(schema.getFields()).isNotEmpty();
        long rows = redis.scanJson(JsonScan.builder().pattern(prefix + "*").schema(schema).build())
                .map(batch -> {
                    try (batch) {
                        return (long) batch.rowCount();
                    }
                })
                .reduce(0L, Long::sum).block();
        assertThat(rows).isEqualTo(documents);
    }

    /** A value of one of a few shapes per member, so members mostly agree and sometimes conflict. */
    private static String randomValue(Random random, String[] scalars, int member, int depth) {
        int shape = depth > 2 ? 0 : (member + random.nextInt(3)) % 5;
        switch (shape) {
            case 1:
                return "{\"a\":" + randomValue(random, scalars, member + 1, depth + 1) + ",\"b\":"
                        + scalars[random.nextInt(scalars.length)] + "}";
            case 2:
                StringBuilder array = new StringBuilder("[");
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.append(array.length() > 1 ? "," : "").append(randomValue(random, scalars, member, depth + 1));
                }
                return array.append(']').toString();
            default:
                return scalars[(member * 3 + random.nextInt(4)) % scalars.length];
        }
    }
}
