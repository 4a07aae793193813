package io.redisarrow.arrow;

import io.lettuce.core.ScoredValue;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.ValueOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.ProtocolKeyword;
import io.redisarrow.testing.RedisModule;
import io.redisarrow.testing.RequiresModule;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every writer on a real Redis Cluster: the keys of each batch span all masters, each batch still
 * has one result with the right counts, and what a Lettuce cluster client reads back is exactly
 * the rows, under REPLACE, MERGE and SKIP_EXISTING, with their TTLs.
 */
class ClusterWriteIntegrationTests extends ClusterWriteTestSupport {

    static final int KEYS = 90;

    static final ArrowType UTF8 = ArrowType.Utf8.INSTANCE;

    static final ArrowType INT64 = new ArrowType.Int(64, true);

    static final Schema HASH = new Schema(List.of(Field.nullable("_key", UTF8), Field.nullable("name", UTF8),
            Field.nullable("age", INT64)));

    static final Schema STRING = new Schema(List.of(Field.nullable("_key", UTF8), Field.nullable("v", UTF8),
            Field.nullable("ttl", INT64)));

    static final Schema MEMBER = new Schema(List.of(Field.nullable("_key", UTF8), Field.nullable("m", UTF8)));

    static final Schema SCORED = new Schema(List.of(Field.nullable("_key", UTF8), Field.nullable("m", UTF8),
            Field.nullable("s", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE))));

    String key(int i) {
        return prefix + i;
    }

    List<String> keys(int count) {
        return IntStream.range(0, count).mapToObj(this::key).toList();
    }

    /** Three batches of the rows {@code 0..count-1}, interleaved so each batch holds keys of every master. */
    List<RecordBatch> batches(Schema schema, int count, IntFunction<Object[]> row) {
        List<RecordBatch> batches = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            List<Object[]> rows = new ArrayList<>();
            for (int i = b; i < count; i += 3) {
                rows.add(row.apply(i));
            }
            batches.add(batch(schema, rows));
        }
        return batches;
    }

    static void assertCounts(List<WriteResult> results, long rows, long written, long skipped) {
        assertThat(results).as("one result per batch").hasSize(3);
        assertThat(results.stream().mapToLong(WriteResult::rows).sum()).isEqualTo(rows);
        assertThat(results.stream().mapToLong(WriteResult::written).sum()).isEqualTo(written);
        assertThat(results.stream().mapToLong(WriteResult::skipped).sum()).isEqualTo(skipped);
        assertThat(results).allSatisfy(result -> {
            assertThat(result.failed()).isZero();
            assertThat(result.written() + result.skipped()).isEqualTo(result.rows());
        });
    }

    @Test
    void hashesUnderEveryMode() {
        List<String> keys = keys(KEYS);
        assertSpanEveryMaster(keys.subList(0, KEYS / 3));
        for (int i = 0; i < KEYS; i += 3) {
            redis.hset(key(i), Map.of("name", "old", "other", "kept"));
            redis.expire(key(i), 1000);
        }
        assertCounts(arrow.writeHashes(Flux.fromIterable(batches(HASH, KEYS, i -> new Object[] { key(i), "n" + i,
                (long) i })), HashWrite.builder().build()).collectList().block(), KEYS, KEYS, 0);
        for (int i = 0; i < KEYS; i++) {
            if (i % 3 == 0) {
                assertThat(redis.hgetall(key(i))).isEqualTo(Map.of("name", "n" + i, "age", "" + i, "other", "kept"));
                assertThat(redis.ttl(key(i))).as("MERGE keeps the TTL").isGreaterThan(900);
            } else {
                assertThat(redis.hgetall(key(i))).isEqualTo(Map.of("name", "n" + i, "age", "" + i));
                assertThat(redis.ttl(key(i))).isEqualTo(-1);
            }
        }
        assertCounts(arrow.writeHashes(Flux.fromIterable(batches(HASH, KEYS, i -> new Object[] { key(i), "r" + i,
                null })), HashWrite.builder().mode(WriteMode.REPLACE).ttl(Duration.ofSeconds(500)).build())
                .collectList().block(), KEYS, KEYS, 0);
        for (int i = 0; i < KEYS; i++) {
            assertThat(redis.hgetall(key(i))).isEqualTo(Map.of("name", "r" + i));
            assertThat(redis.pttl(key(i))).isBetween(490_000L, 500_000L);
        }
        assertCounts(arrow.writeHashes(Flux.fromIterable(batches(HASH, KEYS + 30, i -> new Object[] { key(i), "s" + i,
                1L })), HashWrite.builder().mode(WriteMode.SKIP_EXISTING).build()).collectList().block(), KEYS + 30, 30,
                KEYS);
        for (int i = 0; i < KEYS + 30; i++) {
            assertThat(redis.hgetall(key(i))).isEqualTo(i < KEYS ? Map.of("name", "r" + i)
                    : Map.of("name", "s" + i, "age", "1"));
        }
    }

    @Test
    void aWrongTypeKeyFailsAloneInABatchSpanningEveryMaster() {
        List<String> keys = keys(30);
        assertSpanEveryMaster(keys);
        redis.set(key(7), "a string");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(new Object[] { key(i), "n" + i, (long) i });
        }
        List<WriteResult> results = arrow.writeHashes(Flux.just(batch(HASH, rows)),
                HashWrite.builder().mode(WriteMode.MERGE).ttl(Duration.ofSeconds(100))
                        .onWriteError(WriteErrorPolicy.REPORT).build()).collectList().block();
        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.rows()).isEqualTo(30);
            assertThat(result.written()).isEqualTo(29);
            assertThat(result.failed()).isEqualTo(1);
            assertThat(result.failures()).singleElement().satisfies(failure -> {
                assertThat(failure.key()).isEqualTo(key(7));
                assertThat(failure.reason()).contains("WRONGTYPE");
            });
        });
        assertThat(redis.get(key(7))).isEqualTo("a string");
        assertThat(redis.ttl(key(7))).as("no TTL on the failed key").isEqualTo(-1);
        assertThat(keys.stream().filter(key -> !key.equals(key(7))))
                .allSatisfy(key -> assertThat(redis.ttl(key)).isBetween(90L, 100L));
    }

    @Test
    void stringsUnderEveryMode() {
        List<String> keys = keys(KEYS);
        assertSpanEveryMaster(keys.subList(0, KEYS / 3));
        for (int i = 0; i < KEYS; i += 2) {
            redis.set(key(i), "old");
        }
        assertCounts(arrow.writeStrings(Flux.fromIterable(batches(STRING, KEYS, i -> new Object[] { key(i), "v" + i,
                i % 5 == 0 ? null : (long) (100 + i) })), StringWrite.builder().valueColumn("v").ttlColumn("ttl")
                .mode(WriteMode.REPLACE).build()).collectList().block(), KEYS, KEYS, 0);
        for (int i = 0; i < KEYS; i++) {
            assertThat(redis.get(key(i))).isEqualTo("v" + i);
            if (i % 5 == 0) {
                assertThat(redis.pttl(key(i))).isEqualTo(-1);
            } else {
                assertThat(redis.pttl(key(i))).isBetween((100L + i - 10) * 1000, (100L + i) * 1000);
            }
        }
        assertCounts(arrow.writeStrings(Flux.fromIterable(batches(STRING, KEYS + 30, i -> new Object[] { key(i),
                "s" + i, null })), StringWrite.builder().valueColumn("v").mode(WriteMode.SKIP_EXISTING).build())
                .collectList().block(), KEYS + 30, 30, KEYS);
        for (int i = 0; i < KEYS + 30; i++) {
            assertThat(redis.get(key(i))).isEqualTo(i < KEYS ? "v" + i : "s" + i);
        }
    }

    /** Rows adding members {@code m0..m2} to each of {@code keys} keys, in three batches; each key's rows in every batch. */
    List<RecordBatch> memberBatches(Schema schema, int keys, IntFunction<Object[]> member) {
        List<RecordBatch> batches = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < keys; i++) {
                Object[] values = member.apply(b);
                Object[] row = new Object[values.length + 1];
                row[0] = key(i);
                System.arraycopy(values, 0, row, 1, values.length);
                rows.add(row);
            }
            batches.add(batch(schema, rows));
        }
        return batches;
    }

    @Test
    void setsUnderEveryMode() {
        int keys = 60;
        assertSpanEveryMaster(keys(keys));
        for (int i = 0; i < keys; i += 2) {
            redis.sadd(key(i), "old");
        }
        assertCounts(arrow.writeSets(Flux.fromIterable(memberBatches(MEMBER, keys, b -> new Object[] { "m" + b })),
                SetWrite.builder().memberColumn("m").build()).collectList().block(), 3L * keys, 3L * keys, 0);
        for (int i = 0; i < keys; i++) {
            assertThat(redis.smembers(key(i))).isEqualTo(i % 2 == 0 ? Set.of("old", "m0", "m1", "m2")
                    : Set.of("m0", "m1", "m2"));
        }
        assertCounts(arrow.writeSets(Flux.fromIterable(memberBatches(MEMBER, keys, b -> new Object[] { "r" + b })),
                SetWrite.builder().memberColumn("m").mode(WriteMode.REPLACE).ttl(Duration.ofSeconds(300)).build())
                .collectList().block(), 3L * keys, 3L * keys, 0);
        for (int i = 0; i < keys; i++) {
            assertThat(redis.smembers(key(i))).as("each batch replaces the set").isEqualTo(Set.of("r2"));
            assertThat(redis.pttl(key(i))).isBetween(290_000L, 300_000L);
        }
    }

    @Test
    void listsUnderEveryMode() {
        int keys = 60;
        assertSpanEveryMaster(keys(keys));
        for (int i = 0; i < keys; i += 2) {
            redis.rpush(key(i), "old");
        }
        assertCounts(arrow.writeLists(Flux.fromIterable(memberBatches(MEMBER, keys, b -> new Object[] { "e" + b })),
                ListWrite.builder().elementColumn("m").parallel(3).build()).collectList().block(), 3L * keys, 3L * keys,
                0);
        for (int i = 0; i < keys; i++) {
            assertThat(redis.lrange(key(i), 0, -1)).as("elements in input order")
                    .isEqualTo(i % 2 == 0 ? List.of("old", "e0", "e1", "e2") : List.of("e0", "e1", "e2"));
        }
        assertCounts(arrow.writeLists(Flux.fromIterable(memberBatches(MEMBER, keys + 20, b -> new Object[] { "s" + b })),
                ListWrite.builder().elementColumn("m").mode(WriteMode.SKIP_EXISTING).ttl(Duration.ofSeconds(300))
                        .build()).collectList().block(), 3L * (keys + 20), 20, 3L * keys + 40);
        for (int i = 0; i < keys + 20; i++) {
            if (i < keys) {
                assertThat(redis.lrange(key(i), 0, -1)).hasSize(i % 2 == 0 ? 4 : 3);
                assertThat(redis.pttl(key(i))).isEqualTo(-1);
            } else {
                assertThat(redis.lrange(key(i), 0, -1)).isEqualTo(List.of("s0"));
                assertThat(redis.pttl(key(i))).isBetween(290_000L, 300_000L);
            }
        }
    }

    @Test
    void sortedSetsUnderEveryMode() {
        int keys = 60;
        assertSpanEveryMaster(keys(keys));
        for (int i = 0; i < keys; i += 2) {
            redis.zadd(key(i), 100.0, "m0");
            redis.zadd(key(i), 7.0, "old");
        }
        assertCounts(arrow.writeSortedSets(Flux.fromIterable(memberBatches(SCORED, keys, b -> new Object[] { "m" + b,
                (double) b })), SortedSetWrite.builder().memberColumn("m").scoreColumn("s").build()).collectList()
                .block(), 3L * keys, 3L * keys, 0);
        for (int i = 0; i < keys; i++) {
            Map<String, Double> expected = new LinkedHashMap<>(Map.of("m0", 0.0, "m1", 1.0, "m2", 2.0));
            if (i % 2 == 0) {
                expected.put("old", 7.0);
            }
            assertThat(zrange(key(i))).isEqualTo(expected);
        }
        assertCounts(arrow.writeSortedSets(Flux.fromIterable(memberBatches(SCORED, keys, b -> new Object[] { "r",
                (double) b })), SortedSetWrite.builder().memberColumn("m").scoreColumn("s").mode(WriteMode.REPLACE)
                .ttl(Duration.ofSeconds(300)).build()).collectList().block(), 3L * keys, 3L * keys, 0);
        for (int i = 0; i < keys; i++) {
            assertThat(zrange(key(i))).isEqualTo(Map.of("r", 2.0));
            assertThat(redis.pttl(key(i))).isBetween(290_000L, 300_000L);
        }
    }

    Map<String, Double> zrange(String key) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (ScoredValue<String> value : redis.zrangeWithScores(key, 0, -1)) {
            out.put(value.getValue(), value.getScore());
        }
        return out;
    }

    static final ProtocolKeyword JSON_GET = new ProtocolKeyword() {
        @Override
        public byte[] getBytes() {
            return "JSON.GET".getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public String toString() {
            return "JSON.GET";
        }
    };

    String jsonGet(String key) {
        return redis.dispatch(JSON_GET, new ValueOutput<>(StringCodec.UTF8), new CommandArgs<>(StringCodec.UTF8)
                .addKey(key));
    }

    @Test
    @RequiresModule(RedisModule.JSON)
    void jsonUnderEveryMode() {
        List<String> keys = keys(KEYS);
        assertSpanEveryMaster(keys.subList(0, KEYS / 3));
        for (int i = 0; i < KEYS; i += 3) {
            redis.dispatch(new ProtocolKeyword() {
                @Override
                public byte[] getBytes() {
                    return "JSON.SET".getBytes(StandardCharsets.US_ASCII);
                }
            }, new ValueOutput<>(StringCodec.UTF8), new CommandArgs<>(StringCodec.UTF8).addKey(key(i)).add("$")
                    .add("{\"name\":\"old\",\"other\":true}"));
        }
        assertCounts(arrow.writeJson(Flux.fromIterable(batches(HASH, KEYS, i -> new Object[] { key(i), "n" + i,
                i % 2 == 0 ? null : (long) i })), JsonWrite.builder().build()).collectList().block(), KEYS, KEYS, 0);
        for (int i = 0; i < KEYS; i++) {
            String expected = (i % 3 == 0 ? "{\"name\":\"n" + i + "\",\"other\":true" : "{\"name\":\"n" + i + "\"")
                    + (i % 2 == 0 ? "" : ",\"age\":" + i) + "}";
            assertThat(jsonGet(key(i))).as(key(i)).isEqualTo(expected);
        }
        assertCounts(arrow.writeJson(Flux.fromIterable(batches(HASH, KEYS, i -> new Object[] { key(i), "r" + i, 1L })),
                JsonWrite.builder().mode(WriteMode.REPLACE).ttl(Duration.ofSeconds(500)).build()).collectList().block(),
                KEYS, KEYS, 0);
        for (int i = 0; i < KEYS; i++) {
            assertThat(jsonGet(key(i))).isEqualTo("{\"name\":\"r" + i + "\",\"age\":1}");
            assertThat(redis.pttl(key(i))).isBetween(490_000L, 500_000L);
        }
        assertCounts(arrow.writeJson(Flux.fromIterable(batches(HASH, KEYS + 30, i -> new Object[] { key(i), "s", 2L })),
                JsonWrite.builder().mode(WriteMode.SKIP_EXISTING).build()).collectList().block(), KEYS + 30, 30, KEYS);
        for (int i = 0; i < KEYS + 30; i++) {
            assertThat(jsonGet(key(i))).isEqualTo(i < KEYS ? "{\"name\":\"r" + i + "\",\"age\":1}"
                    : "{\"name\":\"s\",\"age\":2}");
        }
    }
}
