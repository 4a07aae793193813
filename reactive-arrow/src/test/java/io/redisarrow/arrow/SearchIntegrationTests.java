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

    @Test
    void sortsAndLimitsOnTheServerAndLeavesNoCursor() {
        String index = users(200);
        List<Map<String, Object>> rows = Rows.collect(redis.search(SearchQuery.builder().index(index)
                .query("@city:{Paris}").sortBy("age", SortOrder.DESC).limit(25).schema(USERS).batchSize(4)
                .pageSize(3).build()));
        assertThat(rows).hasSize(25);
        List<Long> ages = rows.stream().map(row -> (Long) row.get("age")).toList();
        assertThat(ages).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(ages.get(0)).isEqualTo(69L);
        assertNoCursorLeft(index);
    }

    @Test
    void streamsEveryMatchOfALargeResultPageByPage() {
        String index = users(20_000);
        long[] rows = { 0 };
        long[] batches = { 0 };
        redis.search(SearchQuery.builder().index(index).schema(USERS).returnFields("age").batchSize(700)
                .pageSize(1000).build()).doOnNext(batch -> {
                    try (batch) {
                        assertThat(batch.rowCount()).isBetween(1, 700);
                        rows[0] += batch.rowCount();
                        batches[0]++;
                    }
                }).blockLast();
        assertThat(rows[0]).isEqualTo(20_000);
        assertThat(batches[0]).isGreaterThanOrEqualTo(29);
        assertNoCursorLeft(index);
    }

    @Test
    void passesParametersApartFromTheQuery() {
        String index = users(60);
        List<Map<String, Object>> rows = Rows.collect(redis.search(SearchQuery.builder().index(index)
                .query("@age:[$lo $hi] @city:{$city}").param("lo", 25).param("hi", 26.0).param("city", "Oslo")
                .schema(USERS).build()));
        assertThat(rows).extracting(row -> row.get("_key")).containsExactlyInAnyOrder(prefix + "6");
    }

    @Test
    void keepsIntegersTheIndexWouldRoundAndAddsTtlAndRowIndex() {
        String index = createIndex("big", "HASH", "n", "NUMERIC");
        hset(prefix + "a", Map.of("n", "12345678901234567"));
        hset(prefix + "b", Map.of("n", "-9223372036854775808"));
        commands().expire(bytes(prefix + "a"), 1000);
        awaitIndexed(index, 2);
        List<Map<String, Object>> rows = Rows.sortedBy(Rows.collect(redis.search(SearchQuery.builder().index(index)
                .schema(new Schema(List.of(field("n", INT64)))).ttlColumn("ttl").rowIndexColumn("i").build())), "_key");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("n", 12345678901234567L).containsKey("i");
        assertThat((Long) rows.get(0).get("ttl")).isBetween(1L, 1000L);
        assertThat(rows.get(1)).containsEntry("n", Long.MIN_VALUE).containsEntry("ttl", -1L);
        assertThat(rows.stream().map(row -> row.get("i")).toList()).containsExactlyInAnyOrder(0L, 1L);
    }

    @Test
    void readsJsonDocumentsThroughTheirIndexPaths() {
        String index = createIndex("docs", "JSON", "$.name", "AS", "name", "TEXT", "$.address.city", "AS", "city",
                "TAG", "$.tags[*]", "AS", "tags", "TAG", "$.n", "AS", "n", "NUMERIC");
        jsonSet(prefix + "1", "{\"name\":\"Ann\",\"address\":{\"city\":\"Oslo\"},\"tags\":[\"a\",\"b\"],"
                + "\"n\":12345678901234567}");
        jsonSet(prefix + "2", "{\"name\":\"Bob\",\"address\":{\"city\":\"Rome\"},\"tags\":[],\"n\":2}");
        awaitIndexed(index, 2);
        Schema schema = new Schema(List.of(field("name", ArrowType.Utf8.INSTANCE), field("city", ArrowType.Utf8.INSTANCE),
                new Field("tags", FieldType.nullable(ArrowType.List.INSTANCE),
                        List.of(field("item", ArrowType.Utf8.INSTANCE))), field("n", INT64)));
        List<Map<String, Object>> rows = Rows.collect(redis.search(SearchQuery.builder().index(index)
                .query("@city:{Oslo}").schema(schema).build()));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("_key", prefix + "1").containsEntry("name", "Ann")
                .containsEntry("city", "Oslo").containsEntry("n", 12345678901234567L);
        assertThat(rows.get(0).get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        List<Map<String, Object>> whole = Rows.collect(redis.search(SearchQuery.builder().index(index)
                .query("@name:bob").schema(new Schema(List.of(field("name", ArrowType.Utf8.INSTANCE),
                        field("n", INT64)))).build()));
        assertThat(whole).containsExactly(Map.of("_key", prefix + "2", "name", "Bob", "n", 2L));
    }

    @Test
    void deletesTheCursorWhenTheSubscriberCancelsMidWay() {
        String index = users(500);
        reactor.test.StepVerifier.create(redis.search(SearchQuery.builder().index(index).schema(USERS).batchSize(10)
                .pageSize(20).build()).doOnNext(RecordBatch::close), 1)
                .expectNextCount(1)
                .then(() -> assertThat(openCursors(index)).as("the cursor is open while the read is paused").isOne())
                .thenCancel()
                .verify(java.time.Duration.ofSeconds(10));
        assertNoCursorLeft(index);
    }

    @Test
    void aQueryTheServerRejectsNamesTheQuery() {
        String index = users(3);
        assertThatThrownBy(() -> Rows.collect(redis.search(SearchQuery.builder().index(index).query("@name:(")
                .schema(USERS).build()))).isInstanceOf(RedisArrowException.class)
                .hasMessageContaining("RediSearch rejected the query on index '" + index + "'")
                .hasMessageContaining("Syntax error").hasMessageContaining("(query: @name:()");
    }

    @Test
    void columnsThatDoNotFitTheIndexAreRefusedBeforeAnyRead() {
        String index = users(3);
        assertThatThrownBy(() -> Rows.collect(redis.search(SearchQuery.builder().index(index).schema(USERS)
                .path("city", "$.city").build()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("path(...) is for JSON indexes");
        assertThatThrownBy(() -> SearchQuery.builder().index(index).schema(USERS).returnFields("nope").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nope'");
        assertThatThrownBy(() -> SearchQuery.builder().schema(USERS).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index must be set");
    }

    @Test
    void unicodeKeysAndValuesComeBackAsWritten() {
        String index = createIndex("uni", "HASH", "city", "TAG");
        hset(prefix + "ключ-😀", Map.of("city", "Zürich", "name", "名前"));
        awaitIndexed(index, 1);
        List<Map<String, Object>> rows = Rows.collect(redis.search(SearchQuery.builder().index(index)
                .schema(new Schema(List.of(field("city", ArrowType.Utf8.INSTANCE), field("name", ArrowType.Utf8.INSTANCE))))
                .build()));
        assertThat(rows).containsExactly(Map.of("_key", prefix + "ключ-😀", "city", "Zürich", "name", "名前"));
    }

    /**
     * RediSearch 2.x counts a query's TIMEOUT (500 ms by default) across the cursor's whole life and
     * then ends the results as if complete; a reader slower than that must still get every match.
     */
    @Test
    void aReaderSlowerThanTheServersQueryTimeoutStillGetsEveryMatch() {
        String index = users(300);
        long[] rows = { 0 };
        long start = System.nanoTime();
        redis.search(SearchQuery.builder().index(index).schema(USERS).batchSize(10).pageSize(10).build())
                .doOnNext(batch -> {
                    try (batch) {
                        rows[0] += batch.rowCount();
                        Thread.sleep(25);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }).blockLast();
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(java.time.Duration.ofMillis(600));
        assertThat(rows[0]).isEqualTo(300);
        long[] groups = { 0 };
        redis.aggregate(AggregateQuery.builder().index(index).load("name").schema(new Schema(List.of(
                field("name", ArrowType.Utf8.INSTANCE)))).batchSize(10).build()).doOnNext(batch -> {
                    try (batch) {
                        groups[0] += batch.rowCount();
                        Thread.sleep(25);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }).blockLast();
        assertThat(groups[0]).isEqualTo(300);
    }

    @Test
    void withoutASchemaTheColumnsAreTypedByTheIndex() {
        String index = createIndex("typed", "JSON", "$.name", "AS", "name", "TAG", "$.address.city", "AS", "city",
                "TAG", "$.tags[*]", "AS", "tags", "TAG", "$.n", "AS", "n", "NUMERIC");
        jsonSet(prefix + "1", "{\"name\":\"Ann\",\"address\":{\"city\":\"Oslo\"},\"tags\":[\"a\",\"b\"],\"n\":2.5}");
        awaitIndexed(index, 1);
        assertThat(redis.indexInfo(index).block().documents()).isOne();
        List<RecordBatch> batches = new java.util.ArrayList<>();
        try {
            redis.search(SearchQuery.builder().index(index).build()).doOnNext(batches::add).blockLast();
            assertThat(batches).hasSize(1);
            Schema schema = batches.get(0).root().getSchema();
            assertThat(schema.getFields()).extracting(Field::getName).containsExactly("_key", "name", "city", "tags", "n");
            assertThat(schema.findField("n").getType()).isEqualTo(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE));
            assertThat(schema.findField("tags").getType()).isEqualTo(ArrowType.List.INSTANCE);
            Map<String, Object> row = Rows.of(batches.get(0).root()).get(0);
            assertThat(row).containsEntry("name", "Ann").containsEntry("city", "Oslo").containsEntry("n", 2.5);
            assertThat(row.get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        } finally {
            batches.forEach(RecordBatch::close);
        }
    }

    @Test
    void anIndexStillIndexingIsRefusedUnlessAccepted() {
        var async = loaderConnection.async();
        loaderConnection.setAutoFlushCommands(false);
        try {
            List<io.lettuce.core.RedisFuture<String>> pending = new java.util.ArrayList<>();
            for (int i = 0; i < 200_000; i++) {
                pending.add(async.set(bytes(prefix + "junk:" + i), bytes("x")));
            }
            loaderConnection.flushCommands();
            pending.forEach(f -> f.toCompletableFuture().join());
        } finally {
            loaderConnection.setAutoFlushCommands(true);
        }
        String index = createIndex("busy", "HASH", "city", "TAG");
        org.junit.jupiter.api.Assumptions.assumeTrue(redis.indexInfo(index).block().indexing(),
                "the index finished its first scan before the search could start");
        assertThatThrownBy(() -> Rows.collect(redis.search(SearchQuery.builder().index(index).schema(USERS).build())))
                .isInstanceOf(RedisArrowException.class).hasMessageContaining("is still indexing")
                .hasMessageContaining("whileIndexing(true)");
        assertThatThrownBy(() -> Rows.collect(redis.aggregate(AggregateQuery.builder().index(index).load("city")
                .schema(USERS).build()))).isInstanceOf(RedisArrowException.class)
                .hasMessageContaining("is still indexing");
        assertThat(Rows.collect(redis.search(SearchQuery.builder().index(index).schema(USERS).whileIndexing(true)
                .build()))).isNotNull();
        commands().unlink(java.util.stream.IntStream.range(0, 200_000).mapToObj(i -> bytes(prefix + "junk:" + i))
                .toArray(byte[][]::new));
    }
}
