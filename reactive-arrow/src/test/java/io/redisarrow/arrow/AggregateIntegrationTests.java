package io.redisarrow.arrow;

import io.redisarrow.core.RedisArrowException;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code aggregate} against a real RediSearch 2.x: every reducer checked against the same
 * aggregation computed in Java, APPLY, FILTER, SORTBY and LIMIT, the precision of server-computed
 * numbers, cursors left behind, and errors.
 */
class AggregateIntegrationTests extends SearchTestSupport {

    static final ArrowType INT64 = new ArrowType.Int(64, true);

    static final ArrowType FLOAT64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);

    static Field field(String name, ArrowType type) {
        return new Field(name, FieldType.nullable(type), null);
    }

    static Field list(String name) {
        return new Field(name, FieldType.nullable(ArrowType.List.INSTANCE), List.of(field("item", ArrowType.Utf8.INSTANCE)));
    }

    static final String[] CITIES = { "Oslo", "New York", "São Paulo", "x{y}|z" };

    static String city(int i) {
        return CITIES[i % CITIES.length];
    }

    static long age(int i) {
        return 18 + (i * 7) % 60;
    }

    static String users(SearchTestSupport test, int count) {
        test.loadHashes(count, i -> Map.of("name", "n" + i, "city", city(i), "age", Long.toString(age(i))));
        String index = test.createIndex("agg", "HASH", "name", "TAG", "city", "TAG", "SORTABLE", "UNF", "age", "NUMERIC",
                "SORTABLE");
        test.awaitIndexed(index, count);
        return index;
    }

    @Test
    void everyReducerAgreesWithTheSameAggregationInJava() {
        int count = 1000;
        String index = users(this, count);
        Schema schema = new Schema(List.of(field("city", ArrowType.Utf8.INSTANCE), field("n", INT64),
                field("ages", INT64), field("total", INT64), field("mean", FLOAT64), field("youngest", INT64),
                field("oldest", INT64), list("names"), field("first", ArrowType.Utf8.INSTANCE)));
        List<Map<String, Object>> rows = Rows.collect(redis.aggregate(AggregateQuery.builder().index(index)
                .groupBy("city").reduce(Reducer.count().as("n"), Reducer.countDistinct("age").as("ages"),
                        Reducer.sum("age").as("total"), Reducer.avg("age").as("mean"), Reducer.min("age").as("youngest"),
                        Reducer.max("age").as("oldest"), Reducer.toList("name").as("names"),
                        Reducer.firstValue("name", "age", SortOrder.DESC).as("first"))
                .schema(schema).batchSize(3).build()));
        Map<String, List<Integer>> groups = IntStream.range(0, count).boxed()
                .collect(Collectors.groupingBy(AggregateIntegrationTests::city));
        assertThat(rows).hasSize(CITIES.length);
        for (Map<String, Object> row : rows) {
            List<Integer> members = groups.get((String) row.get("city"));
            assertThat(members).as("group %s", row.get("city")).isNotNull();
            long total = members.stream().mapToLong(AggregateIntegrationTests::age).sum();
            assertThat(row).containsEntry("n", (long) members.size())
                    .containsEntry("ages", members.stream().map(AggregateIntegrationTests::age).distinct().count())
                    .containsEntry("total", total)
                    .containsEntry("youngest", members.stream().mapToLong(AggregateIntegrationTests::age).min().orElseThrow())
                    .containsEntry("oldest", members.stream().mapToLong(AggregateIntegrationTests::age).max().orElseThrow());
            double mean = (double) total / members.size();
            assertThat((Double) row.get("mean")).isEqualTo(twelveDigits(mean));
            assertThat(new TreeSet<>(((List<?>) row.get("names")).stream().map(Object::toString).toList()))
                    .isEqualTo(members.stream().map(i -> "n" + i).collect(Collectors.toCollection(TreeSet::new)));
            long oldest = members.stream().mapToLong(AggregateIntegrationTests::age).max().orElseThrow();
            assertThat(members.stream().filter(i -> age(i) == oldest).map(i -> "n" + i).toList())
                    .contains((String) row.get("first"));
        }
        assertNoCursorLeft(index);
    }

    /** @return the double the server's 12 significant digits give back */
    static double twelveDigits(double value) {
        return new BigDecimal(value).round(new MathContext(12)).doubleValue();
    }

    @Test
    void applyFilterSortAndLimitRunInOrderOnTheServer() {
        String index = users(this, 400);
        Schema schema = new Schema(List.of(field("name", ArrowType.Utf8.INSTANCE), field("age", INT64),
                field("months", FLOAT64)));
        List<Map<String, Object>> rows = Rows.collect(redis.aggregate(AggregateQuery.builder().index(index)
                .query("@city:{Oslo}").load("name", "age").apply("@age * 12", "months").filter("@months >= 600")
                .sortBy("age", SortOrder.DESC).sortBy("name").limit(7).schema(schema).rowIndexColumn("i")
                .batchSize(2).build()));
        List<Map<String, Object>> expected = IntStream.range(0, 400).filter(i -> city(i).equals("Oslo"))
                .filter(i -> age(i) * 12 >= 600).boxed()
                .sorted(java.util.Comparator.comparingLong((Integer i) -> -age(i)).thenComparing(i -> "n" + i))
                .limit(7).map(i -> Map.<String, Object>of("name", "n" + i, "age", age(i), "months", age(i) * 12.0))
                .toList();
        assertThat(rows).hasSize(7);
        for (int r = 0; r < rows.size(); r++) {
            Map<String, Object> row = new TreeMap<>(rows.get(r));
            assertThat(row.remove("i")).isEqualTo((long) r);
            assertThat(row).isEqualTo(new TreeMap<>(expected.get(r)));
        }
        assertNoCursorLeft(index);
    }

    @Test
    void serverComputedNumbersCarryTwelveDigits() {
        String index = createIndex("precision", "HASH", "g", "TAG", "x", "NUMERIC");
        hset(prefix + "1", Map.of("g", "a", "x", "1"));
        hset(prefix + "2", Map.of("g", "a", "x", "1"));
        hset(prefix + "3", Map.of("g", "a", "x", "2"));
        awaitIndexed(index, 3);
        List<Map<String, Object>> rows = Rows.collect(redis.aggregate(AggregateQuery.builder().index(index)
                .groupBy("g").reduce(Reducer.avg("x").as("mean")).apply("@mean / 7", "seventh")
                .schema(new Schema(List.of(field("mean", FLOAT64), field("seventh", FLOAT64)))).build()));
        double mean = 4.0 / 3;
        assertThat(rows).containsExactly(Map.of("mean", twelveDigits(mean), "seventh", twelveDigits(twelveDigits(mean) / 7)));
        assertThat((Double) rows.get(0).get("mean")).isNotEqualTo(mean);
        assertThatThrownBy(() -> AggregateQuery.builder().index(index).groupBy("g").reduce(Reducer.avg("x").as("mean"))
                .schema(new Schema(List.of(field("mean", new ArrowType.Decimal(20, 10, 128))))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("declare it Float64");
    }

    @Test
    void deletesTheCursorOnTakeAndLimit() {
        String index = users(this, 300);
        Schema schema = new Schema(List.of(field("name", ArrowType.Utf8.INSTANCE)));
        List<Map<String, Object>> taken = new java.util.ArrayList<>();
        redis.aggregate(AggregateQuery.builder().index(index).load("name").schema(schema).batchSize(10).build())
                .take(2).doOnNext(batch -> {
                    try (batch) {
                        taken.addAll(Rows.of(batch.root()));
                    }
                }).blockLast();
        assertThat(taken).hasSize(20);
        assertNoCursorLeft(index);
    }

    @Test
    void aStepTheServerRejectsNamesTheQuery() {
        String index = users(this, 5);
        assertThatThrownBy(() -> Rows.collect(redis.aggregate(AggregateQuery.builder().index(index)
                .apply("nosuchfunction(@age)", "x").schema(new Schema(List.of(field("x", FLOAT64)))).build())))
                .isInstanceOf(RedisArrowException.class).hasMessageContaining(index)
                .hasMessageContaining("(query: *)");
        assertThatThrownBy(() -> Rows.collect(redis.aggregate(AggregateQuery.builder().index(prefix + "none")
                .schema(new Schema(List.of(field("x", FLOAT64)))).build())))
                .isInstanceOf(RedisArrowException.class).hasMessageContaining("no search index '" + prefix + "none'");
    }

    @Test
    void aSortableFieldWithoutUnfGroupsByItsNormalizedForm() {
        String index = createIndex("norm", "HASH", "city", "TAG", "SORTABLE", "town", "TAG", "SORTABLE", "UNF");
        hset(prefix + "1", Map.of("city", "New York", "town", "New York"));
        awaitIndexed(index, 1);
        Schema schema = new Schema(List.of(field("city", ArrowType.Utf8.INSTANCE)));
        assertThat(Rows.collect(redis.aggregate(AggregateQuery.builder().index(index).groupBy("city").schema(schema)
                .build()))).containsExactly(Map.of("city", "new york"));
        Schema town = new Schema(List.of(field("town", ArrowType.Utf8.INSTANCE)));
        assertThat(Rows.collect(redis.aggregate(AggregateQuery.builder().index(index).groupBy("town").schema(town)
                .build()))).containsExactly(Map.of("town", "New York"));
    }
}
