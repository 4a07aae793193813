package io.redisarrow.arrow;

import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.ValueOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.ProtocolKeyword;
import io.redisarrow.arrow.internal.json.JsonDocuments;
import io.redisarrow.core.RawBatch;
import io.redisarrow.core.RedisArrowException;
import io.redisarrow.testing.LocalRedisServer;
import io.redisarrow.testing.RedisModule;
import io.redisarrow.testing.RequiresModule;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.redisarrow.arrow.JsonScanIntegrationTests.field;
import static io.redisarrow.arrow.JsonScanIntegrationTests.list;
import static io.redisarrow.arrow.JsonScanIntegrationTests.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * JSON writes against a real server with the JSON module: every mode on keys that exist and keys
 * that do not, TTLs, a key of another type failing alone, member names that need escaping, and
 * writes read back by {@code scanJson} (and nested hash fields by {@code scanHashes} with
 * {@code json}) with the same schema as the same rows.
 */
@RequiresModule(RedisModule.JSON)
class JsonWriteIntegrationTests extends ScanTestSupport {

    static final ArrowType INT64 = new ArrowType.Int(64, true);

    static final ArrowType FLOAT64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);

    static final List<Field> VALUES = List.of(
            field("name", ArrowType.Utf8.INSTANCE),
            field("age", INT64),
            field("profile", ArrowType.Struct.INSTANCE, field("city", ArrowType.Utf8.INSTANCE),
                    list("langs", field("item", ArrowType.Utf8.INSTANCE))),
            list("scores", field("item", FLOAT64)),
            map("attrs", INT64),
            field("price", new ArrowType.Decimal(20, 2, 128)),
            field("seen", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")));

    static final Schema SCHEMA = withKey(VALUES);

    static Schema withKey(List<Field> values) {
        List<Field> fields = new ArrayList<>();
        fields.add(field("_key", ArrowType.Utf8.INSTANCE));
        fields.addAll(values);
        return new Schema(fields);
    }

    static final ProtocolKeyword JSON_GET = new ProtocolKeyword() {
        @Override
        public byte[] getBytes() {
            return bytes("JSON.GET");
        }

        @Override
        public String toString() {
            return "JSON.GET";
        }
    };

    /** The document at {@code key}, as the server prints it, or null when there is none. */
    static String jsonGet(String key) {
        byte[] reply = commands().dispatch(JSON_GET, new ValueOutput<>(ByteArrayCodec.INSTANCE),
                new CommandArgs<>(ByteArrayCodec.INSTANCE).addKey(bytes(key)));
        return reply == null ? null : new String(reply, StandardCharsets.UTF_8);
    }

    /** A batch of {@code values}' columns filled from one JSON document per key (the decoder's rules). */
    RecordBatch batch(List<Field> values, Map<String, String> documents) {
        RawBatch raw = new RawBatch(1, documents.size(), false);
        for (Map.Entry<String, String> document : documents.entrySet()) {
            int row = raw.startRow(bytes(document.getKey()));
            byte[] reply = bytes("[" + document.getValue() + "]");
            raw.copyValue(row, 0, reply, 0, reply.length);
        }
        List<FieldVector> vectors = new ArrayList<>();
        VarCharVector keys = new VarCharVector("_key", allocator);
        vectors.add(keys);
        try {
            keys.allocateNew();
            for (int row = 0; row < raw.rowCount(); row++) {
                keys.setSafe(row, raw.key(row));
            }
            keys.setValueCount(raw.rowCount());
            List<FieldVector> data = new ArrayList<>();
            for (Field field : values) {
                data.add(field.createVector(allocator));
            }
            vectors.addAll(data);
            JsonDocuments.members(values).decode(raw, 0, data, ParseErrorPolicy.FAIL);
            VectorSchemaRoot root = new VectorSchemaRoot(withKey(values).getFields(), vectors, raw.rowCount());
            return RecordBatch.of(root);
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            throw e;
        }
    }

    RecordBatch batch(Map<String, String> documents) {
        return batch(VALUES, documents);
    }

    List<WriteResult> write(JsonWrite write, RecordBatch... batches) {
        return redis.writeJson(Flux.just(batches), write).collectList().block(Duration.ofSeconds(30));
    }

    @Test
    void replaceLeavesExactlyTheRowWithItsTtlOverAKeyOfAnyType() {
        jsonSet(prefix + "a", "{\"name\":\"old\",\"other\":\"gone\"}");
        commands().expire(bytes(prefix + "a"), 1000);
        hset(prefix + "h", Map.of("was", "a hash"));
        List<WriteResult> results = write(JsonWrite.builder().mode(WriteMode.REPLACE).build(), batch(Map.of(
                prefix + "a", "{\"name\":\"ann\",\"age\":7,\"scores\":[1.5,null]}",
                prefix + "h", "{}")));
        assertThat(results.get(0).written()).isEqualTo(2);
        assertThat(jsonGet(prefix + "a")).isEqualTo("{\"name\":\"ann\",\"age\":7,\"scores\":[1.5,null]}");
        assertThat(commands().ttl(bytes(prefix + "a"))).isEqualTo(-1);
        assertThat(jsonGet(prefix + "h")).isEqualTo("{}");
        write(JsonWrite.builder().mode(WriteMode.REPLACE).ttl(Duration.ofSeconds(500)).build(),
                batch(Map.of(prefix + "a", "{\"age\":8}")));
        assertThat(jsonGet(prefix + "a")).isEqualTo("{\"age\":8}");
        assertThat(commands().pttl(bytes(prefix + "a"))).isBetween(490_000L, 500_000L);
    }

    @Test
    void mergeSetsNonNullMembersWholeAndKeepsTheOthers() {
        jsonSet(prefix + "a", "{\"name\":\"old\",\"other\":\"kept\",\"profile\":{\"city\":\"x\",\"zip\":1}}");
        commands().expire(bytes(prefix + "a"), 1000);
        List<WriteResult> results = write(JsonWrite.builder().build(), batch(Map.of(
                prefix + "a", "{\"age\":30,\"profile\":{\"langs\":[\"en\"]}}",
                prefix + "b", "{\"name\":\"bob\"}",
                prefix + "c", "{}")));
        assertThat(results.get(0).written()).isEqualTo(3);
        assertThat(jsonGet(prefix + "a"))
                .isEqualTo("{\"name\":\"old\",\"other\":\"kept\",\"profile\":{\"langs\":[\"en\"]},\"age\":30}");
        assertThat(commands().ttl(bytes(prefix + "a"))).isBetween(990L, 1000L);
        assertThat(jsonGet(prefix + "b")).isEqualTo("{\"name\":\"bob\"}");
        assertThat(commands().exists(bytes(prefix + "c"))).as("an all-null row writes nothing").isZero();
        write(JsonWrite.builder().ttl(Duration.ofSeconds(500)).build(), batch(Map.of(prefix + "a", "{\"age\":31}")));
        assertThat(jsonGet(prefix + "a")).contains("\"age\":31").contains("\"other\":\"kept\"");
        assertThat(commands().pttl(bytes(prefix + "a"))).isBetween(490_000L, 500_000L);
        write(JsonWrite.builder().ttl(Duration.ofSeconds(500)).build(), batch(Map.of(prefix + "d", "{}")));
        assertThat(commands().exists(bytes(prefix + "d"))).as("an all-null row with a TTL creates nothing").isZero();
    }

    @Test
    void mergeSetsMembersWhoseNamesNeedEscaping() {
        jsonSet(prefix + "a", "{\"kept\":true}");
        List<String> names = List.of("q\"uote", "back\\slash", "é 😀 直", "a.b", "$[0]", "new\nline", "tab\t", "'");
        List<Field> values = new ArrayList<>();
        StringBuilder document = new StringBuilder("{");
        JsonWrite.Builder write = JsonWrite.builder();
        for (int i = 0; i < names.size(); i++) {
            values.add(field("c" + i, INT64));
            write.rename("c" + i, names.get(i));
            document.append(i == 0 ? "" : ",").append("\"c").append(i).append("\":").append(i);
        }
        document.append("}");
        write(write.build(), batch(values, Map.of(prefix + "a", document.toString())));
        List<Field> read = new ArrayList<>();
        for (String name : names) {
            read.add(field(name, INT64));
        }
        read.add(field("kept", ArrowType.Bool.INSTANCE));
        List<Map<String, Object>> rows = Rows.collect(redis.scanJson(JsonScan.builder().pattern(prefix + "*")
                .schema(new Schema(read)).build()));
        assertThat(rows).hasSize(1);
        for (int i = 0; i < names.size(); i++) {
            assertThat(rows.get(0).get(names.get(i))).as(names.get(i)).isEqualTo((long) i);
        }
        assertThat(rows.get(0).get("kept")).isEqualTo(true);
        assertThat(jsonGet(prefix + "a")).startsWith("{\"kept\":true,\"q\\\"uote\":0,\"back\\\\slash\":1,");
    }

    @Test
    void mergeRefusesNamesTheModuleReadsAsPointersBeforeWriting() {
        List<Field> values = List.of(field("a/b", INT64));
        RecordBatch batch = batch(values, Map.of(prefix + "a", "{\"a/b\":1}"));
        StepVerifier.create(redis.writeJson(Flux.just(batch), JsonWrite.builder().build()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("member 'a/b'").hasMessageContaining("REPLACE"))
                .verify(Duration.ofSeconds(10));
        assertThat(commands().exists(bytes(prefix + "a"))).isZero();
        write(JsonWrite.builder().mode(WriteMode.REPLACE).build(),
                batch(List.of(field("a/b", INT64), field("~", INT64)), Map.of(prefix + "a", "{\"a/b\":1,\"~\":2}")));
        assertThat(jsonGet(prefix + "a")).isEqualTo("{\"a/b\":1,\"~\":2}");
    }

    @Test
    void skipExistingWritesOnlyAbsentKeysWithOrWithoutTtl() {
        jsonSet(prefix + "a", "{\"name\":\"old\"}");
        commands().expire(bytes(prefix + "a"), 1000);
        hset(prefix + "h", Map.of("f", "v"));
        List<WriteResult> results = write(JsonWrite.builder().mode(WriteMode.SKIP_EXISTING).build(), batch(Map.of(
                prefix + "a", "{\"name\":\"new\"}", prefix + "b", "{\"name\":\"new\"}", prefix + "h", "{\"name\":\"new\"}")));
        assertThat(results.get(0).written()).isEqualTo(1);
        assertThat(results.get(0).skipped()).isEqualTo(2);
        assertThat(jsonGet(prefix + "a")).isEqualTo("{\"name\":\"old\"}");
        assertThat(jsonGet(prefix + "b")).isEqualTo("{\"name\":\"new\"}");
        assertThat(commands().hgetall(bytes(prefix + "h"))).hasSize(1);
        results = write(JsonWrite.builder().mode(WriteMode.SKIP_EXISTING).ttl(Duration.ofSeconds(500)).build(),
                batch(Map.of(prefix + "a", "{\"name\":\"newer\"}", prefix + "c", "{\"age\":1}")));
        assertThat(results.get(0).written()).isEqualTo(1);
        assertThat(results.get(0).skipped()).isEqualTo(1);
        assertThat(jsonGet(prefix + "a")).isEqualTo("{\"name\":\"old\"}");
        assertThat(commands().ttl(bytes(prefix + "a"))).isBetween(990L, 1000L);
        assertThat(jsonGet(prefix + "c")).isEqualTo("{\"age\":1}");
        assertThat(commands().pttl(bytes(prefix + "c"))).isBetween(490_000L, 500_000L);
    }

    @Test
    void aKeyOfAnotherTypeFailsAloneUnderMergeAndGetsNoTtl() {
        commands().set(bytes(prefix + "s"), bytes("string"));
        List<WriteResult> results = write(JsonWrite.builder().ttl(Duration.ofSeconds(500))
                .onWriteError(WriteErrorPolicy.REPORT).build(), batch(Map.of(
                prefix + "a", "{\"age\":1}", prefix + "s", "{\"age\":2}", prefix + "c", "{\"age\":3}")));
        WriteResult result = results.get(0);
        assertThat(result.written()).isEqualTo(2);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.key()).isEqualTo(prefix + "s");
            assertThat(f.reason()).contains("WRONGTYPE");
        });
        assertThat(commands().ttl(bytes(prefix + "s"))).isEqualTo(-1);
        assertThat(new String(commands().get(bytes(prefix + "s")))).isEqualTo("string");
        assertThat(jsonGet(prefix + "c")).isEqualTo("{\"age\":3}");
        assertThat(commands().pttl(bytes(prefix + "c"))).isBetween(490_000L, 500_000L);
    }

    @Test
    void writtenRowsScanBackEqualWithTheSameSchema() {
        Map<String, String> documents = new java.util.LinkedHashMap<>();
        documents.put(prefix + "1", "{\"name\":\"Ada \\\"é\\\" 😀\\n\",\"age\":-9223372036854775808,"
                + "\"profile\":{\"city\":\"Zürich\",\"langs\":[\"en\",null,\"直\"]},\"scores\":[0.1,\"nan\",\"-inf\",1e23,null],"
                + "\"attrs\":{\"k\":1,\"é\\\\\":null},\"price\":123456789012345678.91,\"seen\":\"2024-01-01T10:00:00.123456Z\"}");
        documents.put(prefix + "2", "{\"profile\":{},\"scores\":[],\"attrs\":{}}");
        documents.put(prefix + "3", "{}");
        RecordBatch batch = batch(documents);
        List<Map<String, Object>> expected = Rows.of(batch.root());
        write(JsonWrite.builder().mode(WriteMode.REPLACE).build(), batch);
        List<Map<String, Object>> rows = Rows.collect(redis.scanJson(JsonScan.builder().pattern(prefix + "*")
                .schema(new Schema(VALUES)).build()));
        assertThat(Rows.sortedBy(rows, "_key")).isEqualTo(Rows.sortedBy(expected, "_key"));
        assertThat(jsonGet(prefix + "1")).contains("\"price\":\"123456789012345678.91\"")
                .contains("\"scores\":[0.1,\"nan\",\"-inf\",1.0E23,null]");
    }

    @Test
    void nestedColumnsOfAHashAreJsonTextsTheHashScanReadsBack() {
        Map<String, String> documents = Map.of(
                prefix + "1", "{\"name\":\"Ada\",\"age\":36,\"profile\":{\"langs\":[\"en\",\"fr\"]},\"scores\":[1.5,null],"
                        + "\"attrs\":{\"é\":1}}",
                prefix + "2", "{\"name\":\"Bob\"}");
        RecordBatch batch = batch(documents);
        List<Map<String, Object>> expected = Rows.of(batch.root());
        redis.writeHashes(Flux.just(batch), HashWrite.builder().build()).blockLast(Duration.ofSeconds(30));
        Map<String, String> hash = new java.util.TreeMap<>();
        commands().hgetall(bytes(prefix + "1")).forEach((k, v) -> hash.put(new String(k, StandardCharsets.UTF_8),
                new String(v, StandardCharsets.UTF_8)));
        assertThat(hash).isEqualTo(Map.of("name", "Ada", "age", "36", "profile", "{\"langs\":[\"en\",\"fr\"]}",
                "scores", "[1.5,null]", "attrs", "{\"é\":1}"));
        List<Map<String, Object>> rows = Rows.collect(redis.scanHashes(HashScan.builder().pattern(prefix + "*")
                .schema(new Schema(VALUES)).json("profile", "scores", "attrs").build()));
        assertThat(Rows.sortedBy(rows, "_key")).isEqualTo(Rows.sortedBy(expected, "_key"));
    }

    @Test
    void binaryColumnsAreRefusedBeforeAnythingIsWritten() {
        Schema schema = new Schema(List.of(field("_key", ArrowType.Utf8.INSTANCE),
                field("doc", ArrowType.Struct.INSTANCE, field("blob", ArrowType.Binary.INSTANCE))));
        RecordBatch batch = TestBatches.of(allocator, schema, List.<Object[]>of());
        StepVerifier.create(redis.writeJson(Flux.just(batch), JsonWrite.builder().build()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(UnsupportedArrowTypeException.class)
                        .hasMessageContaining("doc.blob").hasMessageContaining("JSON has no bytes"))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void aServerWithoutTheJsonModuleFailsTheWriteSayingWhatToLoad() {
        try (LocalRedisServer plain = LocalRedisServer.builder().noModules().start();
                BufferAllocator own = new RootAllocator();
                RedisArrow bare = RedisArrow.builder().url(plain.url()).allocator(own).build()) {
            // made only when the write asks for it: it never does
            Flux<RecordBatch> batches = Flux.defer(() -> Flux.just(TestBatches.of(own, new Schema(List.of(
                    field("_key", ArrowType.Utf8.INSTANCE), field("n", INT64))), new Object[] { "k", 1L })));
            StepVerifier.create(bare.writeJson(batches, JsonWrite.builder().build()))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RedisArrowException.class)
                            .hasMessageContaining("does not know JSON.SET")
                            .hasMessageContaining("load the JSON module")
                            .hasMessageContaining(plain.host() + ":" + plain.port()))
                    .verify(Duration.ofSeconds(10));
            assertThat(own.getAllocatedMemory()).isZero();
        }
    }

    @Test
    void optionsAreChecked() {
        assertThatThrownBy(() -> redis.writeJson(Flux.empty(), null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("write");
    }
}
