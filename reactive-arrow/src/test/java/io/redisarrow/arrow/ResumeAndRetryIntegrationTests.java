package io.redisarrow.arrow;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.redisarrow.core.RetryPolicy;
import io.redisarrow.core.ScanCheckpoint;
import io.redisarrow.testing.LocalRedisServer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Retries and resumed scans against real standalone servers that stall, die and restart from their
 * RDB file: a retried scan loses no key, a scan resumed from its last checkpoint reads what the first
 * did not, on the same server (its cursor goes on) or after a restart (the node is read again from
 * its start, since the old cursor means nothing to the new process), and its row index and limit
 * go on from the rows delivered before.
 */
class ResumeAndRetryIntegrationTests {

    private static final Schema SCHEMA = new Schema(List.of(Field.nullable("name", new ArrowType.Utf8())));

    private static final int KEYS = 4000;

    BufferAllocator allocator;

    @BeforeEach
    void open() {
        allocator = new RootAllocator(Long.MAX_VALUE);
    }

    @AfterEach
    void close() {
        assertThat(allocator.getAllocatedMemory()).as("Arrow memory left allocated").isZero();
        allocator.close();
    }

    static void load(LocalRedisServer server, int count) {
        RedisClient client = RedisClient.create(server.url());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            List<io.lettuce.core.RedisFuture<Long>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                pending.add(c.async().hset("k:" + i, Map.of("name", "n" + i)));
            }
            pending.forEach(f -> f.toCompletableFuture().join());
            c.sync().save();
        } finally {
            client.shutdown();
        }
    }

    static void command(LocalRedisServer server, Consumer<StatefulRedisConnection<String, String>> command) {
        RedisClient client = RedisClient.create(server.url());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            command.accept(c);
        } finally {
            client.shutdown();
        }
    }

    /** The keys of a batch, closing it. */
    static List<String> keysOf(RecordBatch batch) {
        try (batch) {
            VarCharVector keys = (VarCharVector) batch.root().getVector("_key");
            List<String> found = new ArrayList<>();
            for (int i = 0; i < batch.rowCount(); i++) {
                found.add(new String(keys.get(i), StandardCharsets.UTF_8));
            }
            return found;
        }
    }

    static Set<String> all(int count) {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < count; i++) {
            keys.add("k:" + i);
        }
        return keys;
    }

    static LocalRedisServer restart(int port, Path dir) {
        return LocalRedisServer.builder().search(false).port(port).directory(dir).start();
    }

    @Test
    void aStalledServerIsRiddenOutByRetriesAndEachRetryIsCounted() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (LocalRedisServer server = LocalRedisServer.builder().search(false).start();
                RedisArrow redis = RedisArrow.builder().url(server.url()).allocator(allocator)
                        .commandTimeout(Duration.ofMillis(300)).meterRegistry(meters)
                        .retry(RetryPolicy.of(10, Duration.ofMillis(50), Duration.ofMillis(300))).build()) {
            load(server, KEYS);
            Set<String> seen = new HashSet<>();
            AtomicInteger batches = new AtomicInteger();
            redis.scanHashes(HashScan.builder().schema(SCHEMA).batchSize(200).parallel(2).build())
                    .doOnNext(batch -> {
                        if (batches.incrementAndGet() == 2) {
                            command(server, c -> c.sync().clientPause(1200));
                        }
                        seen.addAll(keysOf(batch));
                    })
                    .blockLast(Duration.ofSeconds(60));
            assertThat(seen).isEqualTo(all(KEYS));
            assertThat(meters.get("redisarrow.retries").counter().count()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void whenTheRetriesRunOutTheScanFailsWithTheLastFailureSayingHowManyWereMade() {
        LocalRedisServer server = LocalRedisServer.builder().search(false).start();
        try (RedisArrow redis = RedisArrow.builder().url(server.url()).allocator(allocator)
                .connectTimeout(Duration.ofSeconds(1))
                .retry(RetryPolicy.of(2, Duration.ofMillis(20), Duration.ofMillis(40))).build()) {
            load(server, KEYS);
            AtomicInteger batches = new AtomicInteger();
            assertThatThrownBy(() -> redis.scanHashes(HashScan.builder().schema(SCHEMA).batchSize(100).countHint(100)
                    .build())
                    .doOnNext(batch -> {
                        keysOf(batch);
                        if (batches.incrementAndGet() == 2) {
                            server.kill();
                        }
                    })
                    .blockLast(Duration.ofSeconds(60)))
                    .isInstanceOf(io.lettuce.core.RedisException.class)
                    .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage)
                            .anyMatch(message -> message.contains("gave up after 2 retries")));
        } finally {
            server.close();
        }
    }

    @Test
    void aServerRestartedMidScanIsRiddenOutAndEveryKeyIsRead(@TempDir Path dir) {
        LocalRedisServer first = LocalRedisServer.builder().search(false).directory(dir).start();
        int port = first.port();
        LocalRedisServer[] second = new LocalRedisServer[1];
        try (RedisArrow redis = RedisArrow.builder().url(first.url()).allocator(allocator)
                .retry(RetryPolicy.of(20, Duration.ofMillis(100), Duration.ofMillis(500))).build()) {
            load(first, KEYS);
            Set<String> seen = new HashSet<>();
            List<ScanCheckpoint> checkpoints = new ArrayList<>();
            AtomicInteger batches = new AtomicInteger();
            redis.scanHashes(HashScan.builder().schema(SCHEMA).batchSize(100).parallel(1).countHint(100).build())
                    .doOnNext(batch -> {
                        if (batches.incrementAndGet() == 3) {
                            first.kill();
                            second[0] = restart(port, dir);
                        }
                        checkpoints.add(batch.checkpoint());
                        seen.addAll(keysOf(batch));
                    })
                    .blockLast(Duration.ofSeconds(90));
            assertThat(seen).isEqualTo(all(KEYS));
            // the restarted process has another run_id: its keys were read again from its start
            Set<String> runIds = new HashSet<>();
            checkpoints.forEach(c -> runIds.add(c.nodes().get(0).runId()));
            assertThat(runIds).hasSize(2);
            assertThat(checkpoints.get(checkpoints.size() - 1).finished()).isTrue();
        } finally {
            first.close();
            if (second[0] != null) {
                second[0].close();
            }
        }
    }

    @Test
    void aScanThatFailsWhenTheServerDiesIsResumedAfterTheRestartAndTheUnionHoldsEveryKey(@TempDir Path dir) {
        LocalRedisServer first = LocalRedisServer.builder().search(false).directory(dir).start();
        int port = first.port();
        LocalRedisServer second = null;
        try {
            load(first, KEYS);
            List<String> before = new CopyOnWriteArrayList<>();
            ScanCheckpoint[] saved = new ScanCheckpoint[1];
            try (RedisArrow redis = RedisArrow.builder().url(first.url()).allocator(allocator)
                    .retry(RetryPolicy.NONE).build()) {
                AtomicInteger batches = new AtomicInteger();
                assertThatThrownBy(() -> redis.scanHashes(HashScan.builder().schema(SCHEMA).batchSize(100)
                        .countHint(100).build())
                        .doOnNext(batch -> {
                            saved[0] = batch.checkpoint();
                            before.addAll(keysOf(batch));
                            if (batches.incrementAndGet() == 4) {
                                first.kill();
                            }
                        })
                        .blockLast(Duration.ofSeconds(30)))
                        .isInstanceOf(io.lettuce.core.RedisException.class)
                        .hasMessageContaining("127.0.0.1:" + port);
            }
            second = restart(port, dir);
            ScanCheckpoint checkpoint = ScanCheckpoint.parse(saved[0].toString());
            try (RedisArrow redis = RedisArrow.builder().url(second.url()).allocator(allocator).build()) {
                List<String> after = keys(redis.scanHashes(HashScan.builder().schema(SCHEMA).batchSize(100)
                        .countHint(100).resumeFrom(checkpoint).build()));
                Set<String> union = new HashSet<>(before);
                union.addAll(after);
                assertThat(union).isEqualTo(all(KEYS));
            }
        } finally {
            first.close();
            if (second != null) {
                second.close();
            }
        }
    }

    @Test
    void aScanResumedOnTheSameServerGoesOnFromItsCursorWithItsRowIndexAndLimit() {
        try (LocalRedisServer server = LocalRedisServer.builder().search(false).start();
                RedisArrow redis = RedisArrow.builder().url(server.url()).allocator(allocator).build()) {
            load(server, KEYS);
            List<String> before = new ArrayList<>();
            ScanCheckpoint[] saved = new ScanCheckpoint[1];
            redis.scanHashes(HashScan.builder().schema(SCHEMA).batchSize(100).countHint(100).build()).take(5)
                    .doOnNext(batch -> {
                        saved[0] = batch.checkpoint();
                        before.addAll(keysOf(batch));
                    }).blockLast(Duration.ofSeconds(30));
            assertThat(saved[0].rows()).isEqualTo(before.size());
            List<Long> index = new ArrayList<>();
            List<String> after = new ArrayList<>();
            redis.scanHashes(HashScan.builder().schema(SCHEMA).batchSize(100).countHint(100).rowIndexColumn("_index")
                    .resumeFrom(saved[0]).build())
                    .doOnNext(batch -> {
                        BigIntVector rows = (BigIntVector) batch.root().getVector("_index");
                        for (int i = 0; i < batch.rowCount(); i++) {
                            index.add(rows.get(i));
                        }
                        after.addAll(keysOf(batch));
                    }).blockLast(Duration.ofSeconds(30));
            Set<String> union = new HashSet<>(before);
            union.addAll(after);
            assertThat(union).isEqualTo(all(KEYS));
            Set<String> repeated = new HashSet<>(before);
            repeated.retainAll(after);
            assertThat(repeated.size()).as("keys read twice: at most the checkpoint's SCAN page").isLessThan(300);
            assertThat(index.get(0)).isEqualTo(before.size());
            assertThat(index).hasSize(after.size());

            long limit = before.size() + 250L;
            List<String> limited = keys(redis.scanHashes(HashScan.builder().schema(SCHEMA).batchSize(100)
                    .countHint(100).limit(limit).resumeFrom(saved[0]).build()));
            assertThat(limited).hasSize(250);
        }
    }

    /**
     * The batch the limit cuts does not move the checkpoint past its keys: a scan resumed from the
     * last checkpoint of a limited scan still reads the keys the cut left out.
     */
    @Test
    void aScanStoppedByItsLimitResumesWithoutLosingTheKeysTheCutLeftOut() {
        try (LocalRedisServer server = LocalRedisServer.builder().search(false).start();
                RedisArrow redis = RedisArrow.builder().url(server.url()).allocator(allocator).build()) {
            load(server, KEYS);
            List<String> before = new ArrayList<>();
            ScanCheckpoint[] saved = new ScanCheckpoint[1];
            redis.scanHashes(HashScan.builder().schema(SCHEMA).batchSize(100).countHint(100).limit(250).build())
                    .doOnNext(batch -> {
                        saved[0] = batch.checkpoint();
                        before.addAll(keysOf(batch));
                    }).blockLast(Duration.ofSeconds(30));
            assertThat(before).hasSize(250);
            assertThat(saved[0].rows()).isEqualTo(250);
            List<String> after = keys(redis.scanHashes(HashScan.builder().schema(SCHEMA).batchSize(100).countHint(100)
                    .resumeFrom(saved[0]).build()));
            Set<String> union = new HashSet<>(before);
            union.addAll(after);
            assertThat(union).isEqualTo(all(KEYS));
        }
    }

    static List<String> keys(Flux<RecordBatch> batches) {
        List<String> keys = new ArrayList<>();
        batches.doOnNext(batch -> keys.addAll(keysOf(batch))).blockLast(Duration.ofSeconds(60));
        return keys;
    }
}
