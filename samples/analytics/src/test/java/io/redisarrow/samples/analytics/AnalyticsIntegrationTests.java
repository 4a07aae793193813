package io.redisarrow.samples.analytics;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.redisarrow.arrow.HashScan;
import io.redisarrow.arrow.RecordBatch;
import io.redisarrow.arrow.RedisArrow;
import io.redisarrow.testing.RedisServerExtension;
import io.redisarrow.testing.RedisTestServer;
import org.apache.arrow.memory.AllocationListener;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.rounding.SegmentRoundingPolicy;
import org.apache.arrow.vector.FieldVector;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real Redis, real DuckDB: the SQL over a scan, its check, its memory, and its cancel and failure paths. */
@ExtendWith(RedisServerExtension.class)
class AnalyticsIntegrationTests {

    private static final int USERS = 6000;

    private static final int BATCH_SIZE = 200;

    private static final int BATCHES = USERS / BATCH_SIZE;

    /** DuckDB's threads, pinned so that the memory bound does not depend on the machine's cores. */
    private static final int DUCKDB_THREADS = 2;

    private BufferAllocator root;

    /** The batches' allocator, a child of {@link #root} as in the main. */
    private BufferAllocator allocator;

    private RedisArrow redis;

    private DuckDBConnection duckdb;

    private String url;

    private String prefix;

    private HashScan scan;

    @BeforeEach
    void open(RedisTestServer server) throws SQLException {
        url = server.url();
        prefix = server.uniquePrefix("analytics");
        // rounded as RedisArrow's own allocator rounds, so the peak is what the main reports
        root = new RootAllocator(AllocationListener.NOOP, Long.MAX_VALUE,
                new SegmentRoundingPolicy(RedisArrow.ALLOCATION_SEGMENT_BYTES));
        allocator = root.newChildAllocator("redis-arrow", 0, Long.MAX_VALUE);
        redis = RedisArrow.builder().url(url).allocator(allocator).build();
        duckdb = DriverManager.getConnection("jdbc:duckdb:").unwrap(DuckDBConnection.class);
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("SET threads TO " + DUCKDB_THREADS);
        }
        scan = HashScan.builder().pattern(prefix + "*").schema(Users.SCHEMA).project("city", "age").noKeyColumn()
                .batchSize(BATCH_SIZE).build();
    }

    @AfterEach
    void close() throws SQLException {
        duckdb.close();
        redis.close();
        assertThat(root.getAllocatedMemory()).as("Arrow bytes left after the test").isZero();
        allocator.close();
        root.close();
    }

    private void hset(String key, Map<String, String> fields) {
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().hset(key, fields);
        } finally {
            client.shutdown();
        }
    }

    /** Users, plus some without a city (all aged 99: the top row) and a city whose users have no age. */
    private void loadUsersWithGaps() {
        Users.load(url, prefix, USERS);
        for (int i = 0; i < 7; i++) {
            hset(prefix + "nocity:" + i, Map.of("name", "nocity", "age", "99"));
            hset(prefix + "noage:" + i, Map.of("name", "noage", "city", "Atlantis"));
        }
    }

    @Test
    void theSqlTopTenEqualsTheJavaAggregationOverTheSameScan() throws SQLException {
        loadUsersWithGaps();
        List<CityRow> sql = TopCities.sql(duckdb, redis.scanHashes(scan), scan.batchSchema(), allocator);
        CityStats java = TopCities.java(redis.scanHashes(scan));
        assertThat(java.users()).isEqualTo(USERS + 14);
        assertThat(sql).hasSize(TopCities.LIMIT);
        assertThat(sql.get(0)).isEqualTo(new CityRow(null, 99.0, 7));
        assertThat(Analytics.agree(sql, java.top(TopCities.LIMIT))).as("%s%nvs%n%s", sql, java.top(10)).isTrue();
    }

    @Test
    void everyGroupEqualsTheJavaAggregationNullsIncluded() throws SQLException {
        loadUsersWithGaps();
        List<CityRow> sql = ArrowStreamQuery.run(duckdb, "users", redis.scanHashes(scan), scan.batchSchema(),
                allocator, "SELECT city, avg(age), count(*) FROM users GROUP BY city ORDER BY 2 DESC, 1", result -> {
                    List<CityRow> rows = new ArrayList<>();
                    while (result.next()) {
                        rows.add(CityRow.read(result));
                    }
                    return rows;
                });
        List<CityRow> java = TopCities.java(redis.scanHashes(scan)).top(Integer.MAX_VALUE);
        assertThat(sql).hasSize(Users.CITIES.size() + 2).contains(new CityRow("Atlantis", null, 7));
        assertThat(Analytics.agree(sql, java)).as("%s%nvs%n%s", sql, java).isTrue();
    }

    @Test
    void theArrowMemoryHeldWhileDuckDbReadsStaysAFewBatches() throws SQLException {
        Users.load(url, prefix, USERS);
        AtomicLong largest = new AtomicLong();
        AtomicLong total = new AtomicLong();
        Flux<RecordBatch> batches = redis.scanHashes(scan).doOnNext(batch -> {
            largest.accumulateAndGet(accounted(batch), Math::max);
            total.addAndGet(accounted(batch));
        });
        TopCities.sql(duckdb, batches, scan.batchSchema(), allocator);
        long peak = allocator.getPeakMemoryAllocation();
        // prefetched + being decoded + in the reader's root + one per DuckDB thread, plus the C structures
        long bound = (ArrowStreamQuery.PREFETCH + 2 + DUCKDB_THREADS + 1) * largest.get();
        assertThat(peak).as("peak vs the largest batch %d and %d in all", largest.get(), total.get())
                .isLessThanOrEqualTo(bound).isLessThan(total.get() / 4);
    }

    /** @return the bytes a batch's buffers hold in the allocator, rounding included */
    private static long accounted(RecordBatch batch) {
        long bytes = 0;
        for (FieldVector vector : batch.root().getFieldVectors()) {
            for (ArrowBuf buffer : vector.getBuffers(false)) {
                bytes += buffer.getActualMemoryConsumed();
            }
        }
        return bytes;
    }

    @Test
    void aLimitThatStopsDuckDbEarlyCancelsTheScanAndLeaksNothing() throws SQLException {
        Users.load(url, prefix, USERS);
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicInteger emitted = new AtomicInteger();
        Flux<RecordBatch> batches = redis.scanHashes(scan).doOnNext(b -> emitted.incrementAndGet())
                .doOnCancel(() -> cancelled.set(true));
        int rows = ArrowStreamQuery.run(duckdb, "users", batches, scan.batchSchema(), allocator,
                "SELECT * FROM users LIMIT 5", result -> {
                    int count = 0;
                    while (result.next()) {
                        count++;
                    }
                    return count;
                });
        assertThat(rows).isEqualTo(5);
        assertThat(cancelled).as("scan cancelled").isTrue();
        assertThat(emitted.get()).as("batches emitted of %d", BATCHES).isLessThan(BATCHES);
    }

    @Test
    void aScanThatFailsMidwayFailsTheQueryWithItsMessageAndLeaksNothing() {
        Users.load(url, prefix, USERS);
        hset(prefix + "bad", Map.of("name", "bad", "city", "Oslo", "age", "old"));
        AtomicInteger emitted = new AtomicInteger();
        Flux<RecordBatch> batches = redis.scanHashes(scan).doOnNext(b -> emitted.incrementAndGet());
        assertThatThrownBy(() -> TopCities.sql(duckdb, batches, scan.batchSchema(), allocator))
                .isInstanceOf(SQLException.class).hasMessageContaining("the scan failed").hasMessageContaining("old");
    }

    @Test
    void aQueryThatFailsBeforeReadingNeverStartsTheScan() {
        AtomicBoolean subscribed = new AtomicBoolean();
        Flux<RecordBatch> batches = redis.scanHashes(scan).doOnSubscribe(s -> subscribed.set(true));
        assertThatThrownBy(() -> ArrowStreamQuery.run(duckdb, "users", batches, scan.batchSchema(), allocator,
                "SELECT no_such_column FROM users", result -> null))
                .isInstanceOf(SQLException.class).hasMessageContaining("no_such_column");
        assertThat(subscribed).isFalse();
    }

    @Test
    void theViewIsDroppedAfterTheQuery() throws SQLException {
        Users.load(url, prefix, 10);
        TopCities.sql(duckdb, redis.scanHashes(scan), scan.batchSchema(), allocator);
        try (Statement statement = duckdb.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM users"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("users");
        }
    }

    @Test
    void theLastRunningAggregateEqualsTheFullAggregate() {
        loadUsersWithGaps();
        AtomicInteger emitted = new AtomicInteger();
        int every = 7;
        List<CityStats> updates = RunningAggregates.every(redis.scanHashes(scan).doOnNext(b -> emitted.incrementAndGet()),
                every).collectList().block();
        CityStats full = TopCities.java(redis.scanHashes(scan));
        assertThat(updates).hasSize((emitted.get() + every - 1) / every);
        assertThat(updates.get(updates.size() - 1)).isEqualTo(full);
        assertThat(updates).extracting(CityStats::users).isSorted();
    }

    @Test
    void theMainPrintsTheTableTheTimingsAndTheChecks() throws SQLException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean agreed = Analytics.run(url, prefix, 3000, new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(agreed).as(printed).isTrue();
        assertThat(printed).contains("loading 3,000 users", "DuckDB v", "avg_age", "SQL over 3,000 users",
                "Arrow memory held while DuckDB read: batches' peak", "same table as the SQL: yes",
                "last running aggregate equals the full aggregate: yes");
    }
}
