package io.redisarrow.arrow;

import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RedisArrow#scanSortedSets(SortedSetScan)} against a real server: the shared behaviours of
 * {@link CollectionScanContract} (members scored 0, 1, 2, ... in load order), and the sorted set's
 * own (score order, ties, infinities, score types).
 */
class SortedSetScanIntegrationTests extends CollectionScanContract<SortedSetScan.Builder> {

    static final ArrowType FLOAT64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);

    @Override
    SortedSetScan.Builder builder() {
        return SortedSetScan.builder();
    }

    @Override
    Flux<RecordBatch> scan(SortedSetScan.Builder builder) {
        return redis.scanSortedSets(builder.build());
    }

    @Override
    Schema batchSchema(SortedSetScan.Builder builder) {
        return builder.build().batchSchema();
    }

    @Override
    void add(byte[] key, List<byte[]> elements) {
        Object[] scored = new Object[elements.size() * 2];
        for (int i = 0; i < elements.size(); i++) {
            scored[2 * i] = (double) i;
            scored[2 * i + 1] = elements.get(i);
        }
        commands().zadd(key, scored);
    }

    @Override
    void removeAll(byte[] key) {
        commands().zremrangebyrank(key, 0, -1);
    }

    @Override
    boolean ordered() {
        return true;
    }

    @Override
    String elementColumn() {
        return SortedSetScan.DEFAULT_MEMBER_COLUMN;
    }

    /** An item is a member and its score; the member is the child that is not the score. */
    @Override
    Object elementOf(Object item) {
        return ((Map<?, ?>) item).entrySet().stream().filter(e -> !e.getKey().equals(SortedSetScan.DEFAULT_SCORE_COLUMN))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    void zadd(String key, double score, String member) {
        commands().zadd(bytes(key), score, bytes(member));
    }

    @Test
    void readsMembersInScoreOrderWithTiesInMemberByteOrderAndInfinities() {
        String key = prefix + "z";
        zadd(key, 2, "b");
        zadd(key, 2, "a");
        zadd(key, 2, "B");
        zadd(key, 2, "ab");
        commands().zadd(bytes(key), 2, new byte[] { (byte) 0xc3, (byte) 0xa9 }); // é, after every ASCII byte
        zadd(key, Double.POSITIVE_INFINITY, "top");
        zadd(key, Double.NEGATIVE_INFINITY, "bottom");
        zadd(key, -1.5, "neg");
        zadd(key, 1e-7, "tiny");
        SortedSetScan scan = SortedSetScan.builder().pattern(prefix + "*").build();
        assertThat(scan.batchSchema()).isEqualTo(new Schema(List.of(
                new Field("_key", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null),
                new Field("member", FieldType.nullable(ArrowType.Utf8.INSTANCE), null),
                new Field("_score", FieldType.nullable(FLOAT64), null))));
        List<Map<String, Object>> rows = rows(redis.scanSortedSets(scan));
        assertThat(rows).extracting(row -> row.get("member"))
                .containsExactly("bottom", "neg", "tiny", "B", "a", "ab", "b", "é", "top");
        assertThat(rows).extracting(row -> row.get("_score")).containsExactly(Double.NEGATIVE_INFINITY, -1.5, 1e-7, 2.0,
                2.0, 2.0, 2.0, 2.0, Double.POSITIVE_INFINITY);
    }

    @Test
    void scoresKeepEveryDoubleRedisHolds() {
        double[] scores = { 0.1, 1.0 / 3, -2.5e-300, 1.7976931348623157e308, 4.9e-324, 9007199254740993.0, -0.0 };
        for (int i = 0; i < scores.length; i++) {
            zadd(prefix + "z", scores[i], "m" + i);
        }
        List<Object> read = rows(scan(all())).stream().map(row -> row.get("_score")).toList();
        // Redis replies 0 for a score of -0 (seen on Redis 7.0 and Valkey 8.0), so -0.0 reads as 0.0
        assertThat(read).containsExactlyInAnyOrderElementsOf(Arrays.stream(scores).map(d -> d == 0 ? 0.0 : d).boxed()
                .map(d -> (Object) d).toList());
    }

    @Test
    void aBigSortedSetComesInScoreOrderAcrossBatches() {
        String key = prefix + "z";
        Object[] scored = new Object[2000];
        for (int i = 0; i < 1000; i++) {
            scored[2 * i] = (i * 7919) % 1000 / 4.0;
            scored[2 * i + 1] = bytes(String.format("m%05d", i));
        }
        commands().zadd(bytes(key), scored);
        List<List<Map<String, Object>>> batches = batches(all().batchSize(100));
        assertThat(batches).hasSize(10).allSatisfy(batch -> assertThat(batch).hasSize(100));
        List<Map<String, Object>> rows = batches.stream().flatMap(List::stream).toList();
        List<Double> scores = rows.stream().map(row -> (Double) row.get("_score")).toList();
        assertThat(scores).isSorted();
        assertThat(rows.stream().map(row -> row.get("member")).distinct()).hasSize(1000);
        for (int i = 1; i < rows.size(); i++) {
            if (scores.get(i).equals(scores.get(i - 1))) {
                assertThat((String) rows.get(i).get("member")).isGreaterThan((String) rows.get(i - 1).get("member"));
            }
        }
    }

    @Test
    void scoresReadAsInt64OrDecimal() {
        zadd(prefix + "z", 3, "three");
        zadd(prefix + "z", -12, "minus");
        zadd(prefix + "z", 1.25, "frac");
        List<Map<String, Object>> decimal = rows(scan(all().scoreColumn("s", new ArrowType.Decimal(10, 2, 128))));
        assertThat(decimal).extracting(row -> row.get("s")).containsExactly(new BigDecimal("-12.00"),
                new BigDecimal("1.25"), new BigDecimal("3.00"));

        List<Map<String, Object>> integral = rows(scan(all().scoreColumn("s", INT64).onParseError(ParseErrorPolicy.NULL)));
        assertThat(integral).extracting(row -> row.get("s")).containsExactly(-12L, null, 3L);

        StepVerifier.create(scan(all().scoreColumn("s", INT64)).doOnNext(RecordBatch::close))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ValueConversionException.class)
                        .hasMessageContaining("'s'").hasMessageContaining("1.25").hasMessageContaining(prefix + "z"))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void anInfiniteScoreDoesNotParseIntoDecimal() {
        zadd(prefix + "z", Double.POSITIVE_INFINITY, "top");
        zadd(prefix + "z", 1, "one");
        StepVerifier.create(scan(all().scoreColumn("_score", new ArrowType.Decimal(10, 2, 128)))
                .doOnNext(RecordBatch::close))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ValueConversionException.class)
                        .hasMessageContaining("inf").hasMessageContaining("'_score'"))
                .verify(Duration.ofSeconds(10));
        List<Object> scores = new ArrayList<>();
        forEachBatch(scan(all().scoreColumn("_score", new ArrowType.Decimal(10, 2, 128)).onParseError(ParseErrorPolicy.NULL)
                .oneRowPerKey()), batch -> {
                    assertThat(batch.nulledValues()).isEqualTo(1);
                    Rows.of(batch.root()).forEach(row -> ((List<?>) row.get("member")).forEach(item ->
                            scores.add(((Map<?, ?>) item).get("_score"))));
                });
        assertThat(scores).containsExactly(new BigDecimal("1.00"), null);
    }

    @Test
    void oneRowPerKeyHoldsMembersAndScoresInScoreOrder() {
        zadd(prefix + "z", 2, "two");
        zadd(prefix + "z", Double.NEGATIVE_INFINITY, "low");
        zadd(prefix + "z", 1, "one");
        SortedSetScan scan = SortedSetScan.builder().pattern(prefix + "*").schema(schemaOf("m", ArrowType.Utf8.INSTANCE))
                .scoreColumn("score").oneRowPerKey().build();
        assertThat(scan.scoreColumn()).isEqualTo("score");
        assertThat(scan.batchSchema()).isEqualTo(new Schema(List.of(
                new Field("_key", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null),
                new Field("m", FieldType.notNullable(ArrowType.List.INSTANCE), List.of(new Field("item",
                        FieldType.notNullable(ArrowType.Struct.INSTANCE), List.of(field("m", ArrowType.Utf8.INSTANCE),
                                field("score", FLOAT64))))))));
        List<Map<String, Object>> rows = rows(redis.scanSortedSets(scan));
        assertThat(rows).hasSize(1);
        assertThat(new ArrayList<Object>((List<?>) rows.get(0).get("m"))).containsExactly(Map.of("m", "low", "score", Double.NEGATIVE_INFINITY),
                Map.of("m", "one", "score", 1.0), Map.of("m", "two", "score", 2.0));
    }
}
