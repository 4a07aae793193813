package io.redisarrow.arrow;

import io.redisarrow.core.RedisArrowException;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code search} against a real RediSearch 2.x: what a query matches, typed columns with the
 * documents' exact values, hash and JSON indexes, sorting, limits, parameters, cursors left
 * behind, and the errors a user meets.
 */
class SearchIntegrationTests extends SearchTestSupport {

    static final ArrowType INT64 = new ArrowType.Int(64, true);

    static Field field(String name, ArrowType type) {
        return new Field(name, FieldType.nullable(type), null);
    }

    static final Schema USERS = new Schema(List.of(field("name", ArrowType.Utf8.INSTANCE),
            field("city", ArrowType.Utf8.INSTANCE), field("age", INT64),
            field("balance", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE))));

    String users(int count) {
        loadHashes(count, i -> Map.of("name", "user " + i, "city", i % 3 == 0 ? "Oslo" : "Paris",
                "age", Long.toString(20 + i % 50), "balance", Double.toString(i * 0.5)));
        String index = createIndex("users", "HASH", "name", "TEXT", "city", "TAG", "age", "NUMERIC", "SORTABLE",
                "balance", "NUMERIC");
        awaitIndexed(index, count);
        return index;
    }

    @Test
    void readsEveryMatchWithItsExactValues() {
        String index = users(100);
        List<Map<String, Object>> rows = Rows.collect(redis.search(SearchQuery.builder().index(index)
                .query("@city:{Oslo} @age:[30 39]").schema(USERS).batchSize(7).pageSize(5).build()));
        List<Integer> expected = java.util.stream.IntStream.range(0, 100)
                .filter(i -> i % 3 == 0 && 20 + i % 50 >= 30 && 20 + i % 50 <= 39).boxed().toList();
        assertThat(rows).hasSize(expected.size());
        assertThat(rows).allSatisfy(row -> {
            int i = Integer.parseInt(row.get("_key").toString().substring(prefix.length()));
            assertThat(expected).contains(i);
            assertThat(row).containsEntry("name", "user " + i).containsEntry("city", "Oslo")
                    .containsEntry("age", 20L + i % 50).containsEntry("balance", i * 0.5);
        });
        assertNoCursorLeft(index);
    }

    @Test
    void unknownIndexIsAClearError() {
        assertThatThrownBy(() -> Rows.collect(redis.search(SearchQuery.builder().index(prefix + "nope")
                .schema(USERS).build()))).isInstanceOf(RedisArrowException.class)
                .hasMessageContaining("no search index '" + prefix + "nope'");
    }
}
