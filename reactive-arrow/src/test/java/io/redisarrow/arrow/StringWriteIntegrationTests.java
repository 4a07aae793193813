package io.redisarrow.arrow;

import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * String writes against a real server: every mode on keys that exist (strings and other types) and
 * keys that do not, null values, exact TTLs, binary and unicode values, bad input.
 */
class StringWriteIntegrationTests extends ScanTestSupport {

    static final Schema SCHEMA = new Schema(List.of(
            Field.nullable("_key", ArrowType.Utf8.INSTANCE),
            Field.nullable("v", ArrowType.Utf8.INSTANCE),
            Field.nullable("ttl", new ArrowType.Int(64, true))));

    RecordBatch batch(Object[]... rows) {
        return TestBatches.of(allocator, SCHEMA, rows);
    }

    StringWrite.Builder write() {
        return StringWrite.builder().valueColumn("v");
    }

    WriteResult write(StringWrite write, RecordBatch batch) {
        List<WriteResult> results = redis.writeStrings(Flux.just(batch), write).collectList().block();
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    static String get(String key) {
        byte[] value = commands().get(bytes(key));
        return value == null ? null : new String(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    static long pttl(String key) {
        return commands().pttl(bytes(key));
    }

    void setWithTtl(String key, String value, long seconds) {
        commands().set(bytes(key), bytes(value));
        commands().expire(bytes(key), seconds);
    }

    @Test
    void replaceSetsTheValueDropsTheTtlAndReplacesOtherTypes() {
        setWithTtl(prefix + "old", "was", 1000);
        hset(prefix + "hash", Map.of("f", "v"));
        WriteResult result = write(write().mode(WriteMode.REPLACE).build(), batch(
                new Object[] { prefix + "old", "now", null },
                new Object[] { prefix + "hash", "str", null },
                new Object[] { prefix + "new", "fresh", null }));
        assertThat(result.written()).isEqualTo(3);
        assertThat(get(prefix + "old")).isEqualTo("now");
        assertThat(pttl(prefix + "old")).isEqualTo(-1);
        assertThat(get(prefix + "hash")).isEqualTo("str");
        assertThat(get(prefix + "new")).isEqualTo("fresh");
    }

    @Test
    void replaceWithANullValueDeletesTheKey() {
        commands().set(bytes(prefix + "a"), bytes("x"));
        hset(prefix + "h", Map.of("f", "v"));
        WriteResult result = write(write().mode(WriteMode.REPLACE).build(), batch(
                new Object[] { prefix + "a", null, null },
                new Object[] { prefix + "h", null, null },
                new Object[] { prefix + "missing", null, null }));
        assertThat(result.written()).isEqualTo(3);
        assertThat(commands().exists(bytes(prefix + "a"), bytes(prefix + "h"), bytes(prefix + "missing"))).isZero();
    }

    @Test
    void replaceTtlsAreExact() {
        setWithTtl(prefix + "c", "x", 1000);
        write(write().mode(WriteMode.REPLACE).ttl(Duration.ofMillis(123_456)).build(),
                batch(new Object[] { prefix + "a", "1", null }));
        assertThat(pttl(prefix + "a")).isBetween(120_000L, 123_456L);
        write(write().mode(WriteMode.REPLACE).ttlColumn("ttl").build(), batch(
                new Object[] { prefix + "b", "2", 77L },
                new Object[] { prefix + "c", "3", null }));
        assertThat(pttl(prefix + "b")).isBetween(70_000L, 77_000L);
        assertThat(pttl(prefix + "c")).isEqualTo(-1);
    }

    @Test
    void mergeWithoutTtlKeepsTheKeysTtl() {
        setWithTtl(prefix + "a", "old", 1000);
        WriteResult result = write(write().build(), batch(
                new Object[] { prefix + "a", "new", null },
                new Object[] { prefix + "b", "created", null }));
        assertThat(result.written()).isEqualTo(2);
        assertThat(get(prefix + "a")).isEqualTo("new");
        assertThat(pttl(prefix + "a")).isBetween(990_000L, 1_000_000L);
        assertThat(get(prefix + "b")).isEqualTo("created");
        assertThat(pttl(prefix + "b")).isEqualTo(-1);
    }

    @Test
    void mergeWithTtlSetsItAndANullTtlCellRemovesIt() {
        setWithTtl(prefix + "a", "old", 1000);
        setWithTtl(prefix + "b", "old", 1000);
        write(write().ttlColumn("ttl").build(), batch(
                new Object[] { prefix + "a", "new", 50L },
                new Object[] { prefix + "b", "new", null }));
        assertThat(pttl(prefix + "a")).isBetween(45_000L, 50_000L);
        assertThat(get(prefix + "b")).isEqualTo("new");
        assertThat(pttl(prefix + "b")).isEqualTo(-1);
        write(write().ttl(Duration.ofSeconds(200)).build(), batch(new Object[] { prefix + "a", "again", null }));
        assertThat(get(prefix + "a")).isEqualTo("again");
        assertThat(pttl(prefix + "a")).isBetween(195_000L, 200_000L);
    }

    @Test
    void mergeWithAValueReplacesAKeyOfAnotherType() {
        hset(prefix + "h", Map.of("f", "v"));
        WriteResult result = write(write().build(), batch(new Object[] { prefix + "h", "str", null }));
        assertThat(result.written()).isEqualTo(1);
        assertThat(get(prefix + "h")).isEqualTo("str");
    }

    @Test
    void mergeWithANullValueAndNoTtlChangesNothing() {
        setWithTtl(prefix + "a", "kept", 1000);
        WriteResult result = write(write().build(), batch(
                new Object[] { prefix + "a", null, null },
                new Object[] { prefix + "missing", null, null }));
        assertThat(result.written()).isEqualTo(2);
        assertThat(get(prefix + "a")).isEqualTo("kept");
        assertThat(pttl(prefix + "a")).isBetween(990_000L, 1_000_000L);
        assertThat(commands().exists(bytes(prefix + "missing"))).isZero();
    }

    @Test
    void mergeWithANullValueAndATtlSetsOnlyTheTtlOfStrings() {
        commands().set(bytes(prefix + "a"), bytes("kept"));
        setWithTtl(prefix + "b", "kept", 1000);
        hset(prefix + "h", Map.of("f", "v"));
        WriteResult result = write(write().ttlColumn("ttl").onWriteError(WriteErrorPolicy.REPORT).build(), batch(
                new Object[] { prefix + "a", null, 60L },
                new Object[] { prefix + "h", null, 60L },
                new Object[] { prefix + "b", null, null },
                new Object[] { prefix + "missing", null, 60L }));
        assertThat(result.written()).isEqualTo(3);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.key()).isEqualTo(prefix + "h");
            assertThat(f.reason()).contains("WRONGTYPE");
        });
        assertThat(get(prefix + "a")).isEqualTo("kept");
        assertThat(pttl(prefix + "a")).isBetween(55_000L, 60_000L);
        assertThat(pttl(prefix + "h")).as("a key of another type gets no TTL").isEqualTo(-1);
        assertThat(get(prefix + "b")).isEqualTo("kept");
        assertThat(pttl(prefix + "b")).isEqualTo(-1);
        assertThat(commands().exists(bytes(prefix + "missing"))).isZero();
    }

    @Test
    void skipExistingWritesOnlyAbsentKeys() {
        setWithTtl(prefix + "a", "old", 1000);
        hset(prefix + "h", Map.of("f", "v"));
        WriteResult result = write(write().mode(WriteMode.SKIP_EXISTING).ttl(Duration.ofSeconds(30)).build(), batch(
                new Object[] { prefix + "a", "new", null },
                new Object[] { prefix + "h", "new", null },
                new Object[] { prefix + "b", "new", null },
                new Object[] { prefix + "c", null, null }));
        assertThat(result.written()).isEqualTo(1);
        assertThat(result.skipped()).isEqualTo(3);
        assertThat(get(prefix + "a")).isEqualTo("old");
        assertThat(pttl(prefix + "a")).isBetween(990_000L, 1_000_000L);
        assertThat(commands().hget(bytes(prefix + "h"), bytes("f"))).isEqualTo(bytes("v"));
        assertThat(get(prefix + "b")).isEqualTo("new");
        assertThat(pttl(prefix + "b")).isBetween(25_000L, 30_000L);
        assertThat(commands().exists(bytes(prefix + "c"))).isZero();
    }

    @Test
    void binaryValuesGoAsTheyAreAndUnicodeRoundTrips() {
        Schema schema = new Schema(List.of(
                Field.nullable("_key", ArrowType.Binary.INSTANCE),
                Field.nullable("v", ArrowType.Binary.INSTANCE)));
        byte[] binaryKey = { 'k', 0, (byte) 0xff, '\r', '\n' };
        byte[] key = new byte[prefix.length() + binaryKey.length];
        System.arraycopy(bytes(prefix), 0, key, 0, prefix.length());
        System.arraycopy(binaryKey, 0, key, prefix.length(), binaryKey.length);
        byte[] value = { 0, 1, (byte) 0x80, (byte) 0xff, '\r', '\n', '$' };
        String unicode = "ключ-🙂-値";
        write(write().build(), TestBatches.of(allocator, schema,
                new Object[] { key, value },
                new Object[] { bytes(prefix + unicode), bytes(unicode) }));
        assertThat(commands().get(key)).isEqualTo(value);
        assertThat(get(prefix + unicode)).isEqualTo(unicode);
    }

    @Test
    void otherTypesAreWrittenAsTheirText() {
        Schema schema = new Schema(List.of(
                Field.nullable("_key", ArrowType.Utf8.INSTANCE),
                Field.nullable("n", new ArrowType.Int(64, true)),
                Field.nullable("d", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE))));
        write(StringWrite.builder().valueColumn("n").build(), TestBatches.of(allocator, schema,
                new Object[] { prefix + "n", -42L, 1.5 }));
        write(StringWrite.builder().valueColumn("d").build(), TestBatches.of(allocator, schema,
                new Object[] { prefix + "d", 1L, 1.5 }));
        assertThat(get(prefix + "n")).isEqualTo("-42");
        assertThat(get(prefix + "d")).isEqualTo("1.5");
    }

    @Test
    void badInputFailsBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> StringWrite.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("valueColumn");
        assertThatThrownBy(() -> write(StringWrite.builder().valueColumn("nope").build(),
                batch(new Object[] { prefix + "a", "x", null })))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("valueColumn 'nope'");
        assertThatThrownBy(() -> write(write().build(), batch(
                new Object[] { prefix + "a", "x", null },
                new Object[] { null, "y", null })))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1");
        assertThatThrownBy(() -> write(write().ttlColumn("ttl").build(), batch(
                new Object[] { prefix + "a", "x", 0L })))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 0");
        assertThat(commands().exists(bytes(prefix + "a"))).isZero();
    }
}
