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
}
