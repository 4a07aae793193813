package io.redisarrow.arrow;

import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hash writes against a real server: every mode on keys that exist and keys that do not, null
 * cells, TTLs, templates.
 */
class HashWriteIntegrationTests extends ScanTestSupport {

    static final Schema SCHEMA = new Schema(List.of(
            Field.nullable("_key", ArrowType.Utf8.INSTANCE),
            Field.nullable("name", ArrowType.Utf8.INSTANCE),
            Field.nullable("age", new ArrowType.Int(64, true)),
            Field.nullable("score", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE))));

    RecordBatch batch(Object[]... rows) {
        return TestBatches.of(allocator, SCHEMA, rows);
    }

    Map<String, String> hgetall(String key) {
        Map<String, String> out = new java.util.TreeMap<>();
        commands().hgetall(bytes(key)).forEach((k, v) -> out.put(new String(k), new String(v)));
        return out;
    }

    List<WriteResult> write(HashWrite write, RecordBatch... batches) {
        return redis.writeHashes(Flux.just(batches), write).collectList().block();
    }

    @Test
    void aWriteReportsItsRowsAndRoundTripsToTheMeterRegistry() {
        io.micrometer.core.instrument.simple.SimpleMeterRegistry meters =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        try (RedisArrow metered = RedisArrow.builder().url(server.url()).allocator(allocator).meterRegistry(meters)
                .build()) {
            List<WriteResult> results = metered.writeHashes(Flux.just(
                    batch(new Object[] { prefix + "a", "ann", 1L, null }, new Object[] { prefix + "b", "bob", 2L, null }),
                    batch(new Object[] { prefix + "c", "cid", 3L, null })), HashWrite.builder().build())
                    .collectList().block();
            assertThat(results).hasSize(2);
            assertThat(meters.get("redisarrow.rows").tag("operation", "write").counter().count()).isEqualTo(3);
            assertThat(meters.get("redisarrow.round.trips").tag("operation", "write").tag("outcome", "ok").timer()
                    .count()).isGreaterThanOrEqualTo(2);
            assertThat(meters.get("redisarrow.in.flight").tag("operation", "write").gauge().value()).isZero();
        }
    }

    @Test
    void mergeSetsNonNullFieldsAndKeepsTheOthers() {
        hset(prefix + "a", Map.of("name", "old", "other", "kept"));
        List<WriteResult> results = write(HashWrite.builder().build(),
                batch(new Object[] { prefix + "a", null, 30L, 1.5 }, new Object[] { prefix + "b", "bob", null, null }));
        assertThat(results).hasSize(1);
        assertThat(results.get(0).rows()).isEqualTo(2);
        assertThat(results.get(0).written()).isEqualTo(2);
        assertThat(hgetall(prefix + "a")).isEqualTo(Map.of("name", "old", "other", "kept", "age", "30", "score", "1.5"));
        assertThat(hgetall(prefix + "b")).isEqualTo(Map.of("name", "bob"));
    }

    @Test
    void replaceLeavesExactlyTheRowWithItsTtl() {
        hset(prefix + "a", Map.of("name", "old", "other", "gone"));
        commands().expire(bytes(prefix + "a"), 1000);
        write(HashWrite.builder().mode(WriteMode.REPLACE).build(), batch(new Object[] { prefix + "a", "ann", 7L, null }));
        assertThat(hgetall(prefix + "a")).isEqualTo(Map.of("name", "ann", "age", "7"));
        assertThat(commands().ttl(bytes(prefix + "a"))).isEqualTo(-1);
        write(HashWrite.builder().mode(WriteMode.REPLACE).ttl(Duration.ofSeconds(500)).build(),
                batch(new Object[] { prefix + "a", "ann", 8L, null }));
        assertThat(commands().pttl(bytes(prefix + "a"))).isBetween(490_000L, 500_000L);
    }

    @Test
    void skipExistingWritesOnlyNewKeys() {
        hset(prefix + "a", Map.of("name", "old"));
        List<WriteResult> results = write(HashWrite.builder().mode(WriteMode.SKIP_EXISTING).build(),
                batch(new Object[] { prefix + "a", "new", 1L, null }, new Object[] { prefix + "b", "new", 2L, null }));
        assertThat(results.get(0).written()).isEqualTo(1);
        assertThat(results.get(0).skipped()).isEqualTo(1);
        assertThat(hgetall(prefix + "a")).isEqualTo(Map.of("name", "old"));
        assertThat(hgetall(prefix + "b")).isEqualTo(Map.of("name", "new", "age", "2"));
    }

    @Test
    void wrongTypeKeyFailsAloneAndIsNamed() {
        commands().set(bytes(prefix + "s"), bytes("string"));
        List<WriteResult> results = write(HashWrite.builder().onWriteError(WriteErrorPolicy.REPORT).build(),
                batch(new Object[] { prefix + "a", "x", 1L, null }, new Object[] { prefix + "s", "y", 2L, null },
                        new Object[] { prefix + "c", "z", 3L, null }));
        WriteResult result = results.get(0);
        assertThat(result.written()).isEqualTo(2);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.key()).isEqualTo(prefix + "s");
            assertThat(f.reason()).startsWith("WRONGTYPE");
        });
        assertThat(hgetall(prefix + "c")).containsEntry("name", "z");
    }

    static final Schema TTL_SCHEMA = new Schema(List.of(
            Field.nullable("_key", ArrowType.Utf8.INSTANCE),
            Field.nullable("name", ArrowType.Utf8.INSTANCE),
            Field.nullable("_ttl", new ArrowType.Int(32, true))));

    @Test
    void ttlColumnSetsSecondsAndNullOrMinusOneMeansNoExpiry() {
        for (String key : List.of("a", "b", "c")) {
            hset(prefix + key, Map.of("name", "old"));
            commands().expire(bytes(prefix + key), 1000);
        }
        RecordBatch batch = TestBatches.of(allocator, TTL_SCHEMA, new Object[] { prefix + "a", "x", 300 },
                new Object[] { prefix + "b", "y", null }, new Object[] { prefix + "c", "z", -1 });
        List<WriteResult> results = redis.writeHashes(Flux.just(batch),
                HashWrite.builder().ttlColumn("_ttl").build()).collectList().block();
        assertThat(results.get(0).written()).isEqualTo(3);
        assertThat(commands().pttl(bytes(prefix + "a"))).isBetween(290_000L, 300_000L);
        assertThat(commands().ttl(bytes(prefix + "b"))).isEqualTo(-1);
        assertThat(commands().ttl(bytes(prefix + "c"))).isEqualTo(-1);
        assertThat(hgetall(prefix + "a")).as("the TTL column is not a field").isEqualTo(Map.of("name", "x"));
    }

    @Test
    void mergeKeepsTheTtlWhenTheWriteSetsNone() {
        hset(prefix + "a", Map.of("name", "old"));
        commands().expire(bytes(prefix + "a"), 1000);
        write(HashWrite.builder().build(), batch(new Object[] { prefix + "a", "new", null, null }));
        assertThat(commands().ttl(bytes(prefix + "a"))).isBetween(990L, 1000L);
    }

    @Test
    void fixedTtlIsExactToTheMillisecond() {
        write(HashWrite.builder().mode(WriteMode.REPLACE).ttl(Duration.ofMillis(123_456)).build(),
                batch(new Object[] { prefix + "a", "x", null, null }));
        write(HashWrite.builder().ttl(Duration.ofMillis(654_321)).build(),
                batch(new Object[] { prefix + "b", "x", null, null }));
        write(HashWrite.builder().mode(WriteMode.SKIP_EXISTING).ttl(Duration.ofMillis(111_111)).build(),
                batch(new Object[] { prefix + "c", "x", null, null }));
        assertThat(commands().pttl(bytes(prefix + "a"))).isBetween(123_000L, 123_456L);
        assertThat(commands().pttl(bytes(prefix + "b"))).isBetween(654_000L, 654_321L);
        assertThat(commands().pttl(bytes(prefix + "c"))).isBetween(110_700L, 111_111L);
    }

    @Test
    void mergeWithTtlSetsNoTtlOnAKeyOfAnotherType() {
        commands().set(bytes(prefix + "s"), bytes("string"));
        List<WriteResult> results = write(HashWrite.builder().ttl(Duration.ofSeconds(100))
                .onWriteError(WriteErrorPolicy.REPORT).build(), batch(new Object[] { prefix + "s", "x", null, null }));
        assertThat(results.get(0).failures()).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("WRONGTYPE"));
        assertThat(commands().ttl(bytes(prefix + "s"))).as("no TTL on the key the write failed").isEqualTo(-1);
    }

    @Test
    void skipExistingSkipsAKeyOfAnotherTypeToo() {
        commands().set(bytes(prefix + "s"), bytes("string"));
        List<WriteResult> results = write(HashWrite.builder().mode(WriteMode.SKIP_EXISTING).build(),
                batch(new Object[] { prefix + "s", "x", null, null }));
        assertThat(results.get(0).skipped()).isEqualTo(1);
        assertThat(commands().get(bytes(prefix + "s"))).isEqualTo(bytes("string"));
    }

    @Test
    void replaceOverwritesAKeyOfAnotherTypeAndDeletesOnAnAllNullRow() {
        commands().set(bytes(prefix + "s"), bytes("string"));
        hset(prefix + "h", Map.of("name", "old"));
        List<WriteResult> results = write(HashWrite.builder().mode(WriteMode.REPLACE).build(),
                batch(new Object[] { prefix + "s", "x", null, null }, new Object[] { prefix + "h", null, null, null }));
        assertThat(results.get(0).written()).isEqualTo(2);
        assertThat(hgetall(prefix + "s")).isEqualTo(Map.of("name", "x"));
        assertThat(commands().exists(bytes(prefix + "h"))).as("a hash with no fields does not exist").isZero();
    }

    @Test
    void mergeOfAnAllNullRowLeavesTheKeyAsItIs() {
        hset(prefix + "a", Map.of("name", "old"));
        List<WriteResult> results = write(HashWrite.builder().build(), batch(new Object[] { prefix + "a", null, null, null }));
        assertThat(results.get(0).written()).isEqualTo(1);
        assertThat(hgetall(prefix + "a")).isEqualTo(Map.of("name", "old"));
    }

    @Test
    void keyTemplateExcludeAndRename() {
        Schema schema = new Schema(List.of(Field.nullable("id", new ArrowType.Int(32, true)),
                Field.nullable("tenant", ArrowType.Utf8.INSTANCE), Field.nullable("name", ArrowType.Utf8.INSTANCE),
                Field.nullable("_index", new ArrowType.Int(64, true))));
        RecordBatch batch = TestBatches.of(allocator, schema, new Object[] { 7, "acme", "ann", 0L },
                new Object[] { -1, "ünï", "bob", 1L });
        redis.writeHashes(Flux.just(batch), HashWrite.builder().keyTemplate(prefix + "{tenant}:{{x}}:{id}")
                .exclude("_index", "tenant").rename("name", "full name").build()).blockLast();
        assertThat(hgetall(prefix + "acme:{x}:7")).isEqualTo(Map.of("id", "7", "full name", "ann"));
        assertThat(hgetall(prefix + "ünï:{x}:-1")).isEqualTo(Map.of("id", "-1", "full name", "bob"));
    }

    @Test
    void binaryAndUnicodeKeysAreWrittenAsTheirBytes() {
        Schema schema = new Schema(List.of(Field.nullable("_key", ArrowType.Binary.INSTANCE),
                Field.nullable("v", ArrowType.Binary.INSTANCE)));
        byte[] binaryKey = (prefix + "\u0000\r\n\u00ff").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] value = { 0, (byte) 0xff, '\r', '\n', '$', '*' };
        byte[] unicodeKey = bytes(prefix + "日本語 🎉");
        redis.writeHashes(Flux.just(TestBatches.of(allocator, schema, new Object[] { binaryKey, value },
                new Object[] { unicodeKey, new byte[0] })), HashWrite.builder().build()).blockLast();
        assertThat(commands().hget(binaryKey, bytes("v"))).isEqualTo(value);
        assertThat(commands().hget(unicodeKey, bytes("v"))).isEmpty();
    }

    @Test
    void resultsComeOnePerBatchInInputOrder() {
        List<RecordBatch> batches = new java.util.ArrayList<>();
        for (int b = 0; b < 30; b++) {
            Object[][] rows = new Object[b % 5 + 1][];
            for (int r = 0; r < rows.length; r++) {
                rows[r] = new Object[] { prefix + b + ":" + r, "n", (long) r, null };
            }
            batches.add(batch(rows));
        }
        List<WriteResult> results = redis.writeHashes(Flux.fromIterable(batches),
                HashWrite.builder().parallel(8).build()).collectList().block();
        assertThat(results).extracting(WriteResult::rows)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 30).mapToObj(b -> (long) (b % 5 + 1)).toList());
        assertThat(batches).allMatch(RecordBatch::isClosed);
    }

    @Test
    void failPolicyEmitsEarlierResultsThenFailsNamingTheKey() {
        commands().set(bytes(prefix + "s"), bytes("string"));
        Flux<RecordBatch> batches = Flux.just(batch(new Object[] { prefix + "a", "x", null, null }),
                batch(new Object[] { prefix + "b", "x", null, null }, new Object[] { prefix + "s", "x", null, null }));
        reactor.test.StepVerifier.create(redis.writeHashes(batches, HashWrite.builder().parallel(1).build()))
                .assertNext(r -> assertThat(r.written()).isEqualTo(1))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(WriteFailedException.class).hasMessageContaining(prefix + "s")
                            .hasMessageContaining("WRONGTYPE");
                    WriteResult result = ((WriteFailedException) e).result();
                    assertThat(result.written()).isEqualTo(1);
                    assertThat(result.failed()).isEqualTo(1);
                })
                .verify(Duration.ofSeconds(10));
        assertThat(hgetall(prefix + "b")).containsEntry("name", "x");
    }
}
