package io.redisarrow.arrow;

import io.lettuce.core.ScoredValue;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * Sorted-set writes against a real server: scores of every numeric type, every mode on keys that
 * exist (sorted sets and other types) and keys that do not, TTLs, duplicate and null members, null
 * and NaN scores, a key with very many rows.
 */
class SortedSetWriteIntegrationTests extends ScanTestSupport {

    static final Schema SCHEMA = new Schema(List.of(
            Field.nullable("_key", ArrowType.Utf8.INSTANCE),
            Field.nullable("m", ArrowType.Utf8.INSTANCE),
            Field.nullable("s", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
            Field.nullable("ttl", new ArrowType.Int(64, true))));

    RecordBatch batch(Object[]... rows) {
        return TestBatches.of(allocator, SCHEMA, rows);
    }

    SortedSetWrite.Builder write() {
        return SortedSetWrite.builder().memberColumn("m").scoreColumn("s");
    }

    WriteResult write(SortedSetWrite write, RecordBatch batch) {
        List<WriteResult> results = redis.writeSortedSets(Flux.just(batch), write).collectList().block();
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    /** @return member → score, in ZRANGE WITHSCORES order */
    static Map<String, Double> zrange(String key) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (ScoredValue<byte[]> value : commands().zrangeWithScores(bytes(key), 0, -1)) {
            out.put(new String(value.getValue(), StandardCharsets.UTF_8), value.getScore());
        }
        return out;
    }

    static long pttl(String key) {
        return commands().pttl(bytes(key));
    }

    @Test
    void mergeAddsMembersAndUpdatesScoresTheLastDuplicateWinning() {
        commands().zadd(bytes(prefix + "a"), 5.0, bytes("old"));
        commands().zadd(bytes(prefix + "a"), 1.0, bytes("moved"));
        WriteResult result = write(write().build(), batch(
                new Object[] { prefix + "a", "moved", 10.0, null },
                new Object[] { prefix + "b", "x", -1.25, null },
                new Object[] { prefix + "a", "new", 2.0, null },
                new Object[] { prefix + "a", "new", 3.0, null },
                new Object[] { prefix + "b", "inf", Double.POSITIVE_INFINITY, null },
                new Object[] { prefix + "b", "-inf", Double.NEGATIVE_INFINITY, null }));
        assertThat(result.written()).isEqualTo(6);
        assertThat(zrange(prefix + "a")).containsExactly(entry("new", 3.0), entry("old", 5.0), entry("moved", 10.0));
        assertThat(zrange(prefix + "b")).containsExactly(entry("-inf", Double.NEGATIVE_INFINITY),
                entry("x", -1.25), entry("inf", Double.POSITIVE_INFINITY));
    }

    @Test
    void scoresOfIntegerAndDecimalColumns() {
        for (ArrowType type : List.of(new ArrowType.Int(32, true), new ArrowType.Int(16, true),
                new ArrowType.Decimal(20, 3, 128), new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE))) {
            Schema schema = new Schema(List.of(
                    Field.nullable("_key", ArrowType.Utf8.INSTANCE),
                    Field.nullable("m", ArrowType.Utf8.INSTANCE),
                    Field.nullable("s", type)));
            boolean decimal = type instanceof ArrowType.Decimal;
            String key = prefix + type;
            write(write().mode(WriteMode.REPLACE).build(), TestBatches.of(allocator, schema,
                    new Object[] { key, "a", decimal ? new BigDecimal("12.500") : 12 },
                    new Object[] { key, "b", decimal ? new BigDecimal("-3.250") : 3 }));
            assertThat(zrange(key)).as(type.toString()).containsExactly(
                    entry("b", decimal ? -3.25 : 3.0), entry("a", decimal ? 12.5 : 12.0));
        }
    }

    @Test
    void ttlsOfEveryMode() {
        commands().zadd(bytes(prefix + "a"), 1.0, bytes("old"));
        commands().expire(bytes(prefix + "a"), 1000);
        write(write().build(), batch(new Object[] { prefix + "a", "x", 2.0, null }));
        assertThat(pttl(prefix + "a")).isBetween(990_000L, 1_000_000L);
        write(write().ttlColumn("ttl").build(), batch(
                new Object[] { prefix + "a", "y", 3.0, 900L },
                new Object[] { prefix + "a", "z", 4.0, 33L }));
        assertThat(pttl(prefix + "a")).isBetween(28_000L, 33_000L);
        assertThat(zrange(prefix + "a")).containsOnlyKeys("old", "x", "y", "z");
        write(write().mode(WriteMode.REPLACE).ttl(Duration.ofSeconds(80)).build(),
                batch(new Object[] { prefix + "a", "only", 1.0, null }));
        assertThat(zrange(prefix + "a")).containsExactly(entry("only", 1.0));
        assertThat(pttl(prefix + "a")).isBetween(75_000L, 80_000L);
        write(write().mode(WriteMode.REPLACE).build(), batch(new Object[] { prefix + "a", "again", 1.0, null }));
        assertThat(pttl(prefix + "a")).isEqualTo(-1);
        write(write().mode(WriteMode.SKIP_EXISTING).ttl(Duration.ofSeconds(90)).build(), batch(
                new Object[] { prefix + "a", "no", 1.0, null },
                new Object[] { prefix + "b", "yes", 1.0, null }));
        assertThat(zrange(prefix + "a")).containsExactly(entry("again", 1.0));
        assertThat(pttl(prefix + "a")).isEqualTo(-1);
        assertThat(zrange(prefix + "b")).containsExactly(entry("yes", 1.0));
        assertThat(pttl(prefix + "b")).isBetween(85_000L, 90_000L);
    }

    @Test
    void replaceAndSkipExistingOnKeysOfOtherTypes() {
        commands().set(bytes(prefix + "s"), bytes("string"));
        commands().set(bytes(prefix + "t"), bytes("string"));
        WriteResult replaced = write(write().mode(WriteMode.REPLACE).build(),
                batch(new Object[] { prefix + "s", "m", 1.0, null }, new Object[] { prefix + "new", "n", 2.0, null }));
        assertThat(replaced.written()).isEqualTo(2);
        assertThat(zrange(prefix + "s")).containsExactly(entry("m", 1.0));
        assertThat(zrange(prefix + "new")).containsExactly(entry("n", 2.0));
        WriteResult skipped = write(write().mode(WriteMode.SKIP_EXISTING).build(),
                batch(new Object[] { prefix + "t", "m", 1.0, null }));
        assertThat(skipped.skipped()).isEqualTo(1);
        assertThat(commands().get(bytes(prefix + "t"))).isEqualTo(bytes("string"));
    }

    @Test
    void aWrongTypeKeyFailsAloneWithoutGettingTheTtl() {
        commands().rpush(bytes(prefix + "l"), bytes("e"));
        WriteResult result = write(write().ttl(Duration.ofSeconds(60)).onWriteError(WriteErrorPolicy.REPORT).build(),
                batch(new Object[] { prefix + "a", "1", 1.0, null },
                        new Object[] { prefix + "l", "x", 1.0, null },
                        new Object[] { prefix + "b", "2", 2.0, null }));
        assertThat(result.written()).isEqualTo(2);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.key()).isEqualTo(prefix + "l");
            assertThat(f.reason()).contains("WRONGTYPE");
        });
        assertThat(pttl(prefix + "l")).isEqualTo(-1);
        assertThat(zrange(prefix + "b")).containsExactly(entry("2", 2.0));
    }

    @Test
    void aNullMemberIsSkippedWhateverItsScore() {
        WriteResult result = write(write().build(), batch(
                new Object[] { prefix + "a", null, null, null },
                new Object[] { prefix + "a", "x", 1.0, null },
                new Object[] { prefix + "b", null, 2.0, null }));
        assertThat(result.written()).isEqualTo(1);
        assertThat(result.skipped()).isEqualTo(2);
        assertThat(zrange(prefix + "a")).containsExactly(entry("x", 1.0));
        assertThat(commands().exists(bytes(prefix + "b"))).isZero();
    }

    @Test
    void aNullOrNaNScoreFailsTheBatchNamingTheRow() {
        assertThatThrownBy(() -> write(write().build(), batch(
                new Object[] { prefix + "a", "x", 1.0, null },
                new Object[] { prefix + "b", "y", 1.0, null },
                new Object[] { prefix + "a", "z", null, null })))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 2")
                .hasMessageContaining("'s'");
        assertThatThrownBy(() -> write(write().build(), batch(
                new Object[] { prefix + "a", "x", Double.NaN, null })))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 0")
                .hasMessageContaining("NaN");
        assertThat(commands().exists(bytes(prefix + "a"), bytes(prefix + "b"))).isZero();
    }

    @Test
    void badColumnsFail() {
        assertThatThrownBy(() -> SortedSetWrite.builder().memberColumn("m").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("scoreColumn");
        assertThatThrownBy(() -> SortedSetWrite.builder().scoreColumn("s").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("memberColumn");
        assertThatThrownBy(() -> SortedSetWrite.builder().memberColumn("m").scoreColumn("m").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'m'");
        assertThatThrownBy(() -> write(write().memberColumn("nope").build(),
                batch(new Object[] { prefix + "a", "x", 1.0, null })))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memberColumn 'nope'");
        assertThatThrownBy(() -> write(write().scoreColumn("nope").build(),
                batch(new Object[] { prefix + "a", "x", 1.0, null })))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scoreColumn 'nope'");
        assertThatThrownBy(() -> write(write().scoreColumn("m").memberColumn("_key").build(),
                batch(new Object[] { prefix + "a", "x", 1.0, null })))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scoreColumn 'm'")
                .hasMessageContaining("Utf8");
        assertThat(commands().exists(bytes(prefix + "a"))).isZero();
    }

    @Test
    void binaryAndUnicodeMembersRoundTrip() {
        Schema schema = new Schema(List.of(
                Field.nullable("_key", ArrowType.Utf8.INSTANCE),
                Field.nullable("m", ArrowType.Binary.INSTANCE),
                Field.nullable("s", new ArrowType.Int(64, true))));
        byte[] binary = { 0, (byte) 0xfe, '\r', '\n' };
        String unicode = "🙂-ключ";
        write(write().build(), TestBatches.of(allocator, schema,
                new Object[] { prefix + "a", binary, 1L },
                new Object[] { prefix + "a", bytes(unicode), 2L }));
        List<ScoredValue<byte[]>> stored = commands().zrangeWithScores(bytes(prefix + "a"), 0, -1);
        assertThat(stored).hasSize(2);
        assertThat(stored.get(0).getValue()).isEqualTo(binary);
        assertThat(new String(stored.get(1).getValue(), StandardCharsets.UTF_8)).isEqualTo(unicode);
    }

    @Test
    void aKeyWithAHundredThousandRowsInOneBatch() {
        int rows = 100_000;
        List<Object[]> data = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            data.add(new Object[] { prefix + "big", "m" + i, (double) (rows - i), 200L });
        }
        for (SortedSetWrite write : List.of(write().ttlColumn("ttl").build(),
                write().mode(WriteMode.REPLACE).ttlColumn("ttl").build())) {
            WriteResult result = write(write, TestBatches.of(allocator, SCHEMA, data));
            assertThat(result.written()).isEqualTo(rows);
            assertThat(commands().zcard(bytes(prefix + "big"))).isEqualTo(rows);
            assertThat(commands().zscore(bytes(prefix + "big"), bytes("m0"))).isEqualTo((double) rows);
            assertThat(commands().zscore(bytes(prefix + "big"), bytes("m" + (rows - 1)))).isEqualTo(1.0);
            assertThat(pttl(prefix + "big")).isBetween(190_000L, 200_000L);
        }
    }
}
