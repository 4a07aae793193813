package io.redisarrow.arrow;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.redisarrow.testing.FakeServer;
import io.redisarrow.core.RetryPolicy;
import io.redisarrow.testing.LocalRedisServer;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stalled or vanished server ends the scan with an error, in bounded time, with nothing leaked;
 * a scan that is cancelled or fails with round trips in flight ends quietly, dropping no error.
 */
class FaultIntegrationTests extends ScanTestSupport {

    static final Schema SCHEMA = new Schema(List.of(new Field("v", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)));

    static void load(LocalRedisServer server, int count) {
        RedisClient client = RedisClient.create(server.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < count; i++) {
                values.put("v", "value-" + i);
                connection.sync().hset("k:" + i, values);
            }
        } finally {
            client.shutdown();
        }
    }

    static void pause(LocalRedisServer server, long millis) {
        RedisClient client = RedisClient.create(server.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().clientPause(millis);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void withRetriesOffAStalledServerFailsTheScanWithinTheCommandTimeout() {
        try (LocalRedisServer server = LocalRedisServer.builder().search(false).start();
                RedisArrow redis = RedisArrow.builder().url(server.url()).allocator(allocator)
                        .commandTimeout(Duration.ofMillis(300)).retry(RetryPolicy.NONE).build()) {
            load(server, 100);
            Rows.collect(redis.scanHashes(HashScan.builder().schema(SCHEMA).build()));
            pause(server, 3000);
            long start = System.nanoTime();
            StepVerifier.create(redis.scanHashes(HashScan.builder().schema(SCHEMA).build()))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RedisCommandTimeoutException.class)
                            .hasMessageContaining("timed out after 300 ms"))
                    .verify(Duration.ofSeconds(10));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void withRetriesOffAServerThatDiesMidScanFailsTheScan() {
        LocalRedisServer server = LocalRedisServer.builder().search(false).start();
        try (RedisArrow redis = RedisArrow.builder().url(server.url()).allocator(allocator)
                .commandTimeout(Duration.ofSeconds(5)).retry(RetryPolicy.NONE).build()) {
            load(server, 3000);
            StepVerifier.create(redis.scanHashes(HashScan.builder().schema(SCHEMA).batchSize(100).parallel(2).build()), 1)
                    .consumeNextWith(RecordBatch::close)
                    .then(server::close)
                    .thenRequest(Long.MAX_VALUE)
                    .thenConsumeWhile(batch -> {
                        batch.close();
                        return true;
                    })
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(io.lettuce.core.RedisException.class)
                            .hasMessageContaining("127.0.0.1:" + server.port()))
                    .verify(Duration.ofSeconds(15));
        } finally {
            server.close();
        }
    }

    /**
     * A process that accepts TCP and never answers (stalled, or a port that swallows bytes) fails
     * the scan within the connect timeout, whether the URL makes the connection set-up send AUTH,
     * SELECT, both, or only Lettuce's PING.
     */
    @ParameterizedTest
    @ValueSource(strings = { "redis://127.0.0.1:%d", "redis://:s3cret@127.0.0.1:%d", "redis://127.0.0.1:%d/2",
            "redis://reader:s3cret@127.0.0.1:%d/3" })
    void aServerThatNeverAnswersFailsTheScanWithinTheConnectTimeout(String url) {
        try (FakeServer silent = FakeServer.silent();
                RedisArrow stalled = RedisArrow.builder().url(String.format(url, silent.port())).allocator(allocator)
                        .connectTimeout(Duration.ofMillis(500)).build()) {
            StepVerifier.create(stalled.scanHashes(HashScan.builder().schema(SCHEMA).build()))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RedisConnectionException.class)
                            .hasMessageStartingWith("Unable to connect to " + silent.address() + " within 500 ms")
                            .hasMessageContaining("no answer to the connection set-up"))
                    .verify(Duration.ofSeconds(3));
            assertThat(silent.accepted()).isEqualTo(1);
        }
    }

    /**
     * Ending a scan early closes its channel with fetches still waiting for replies; those are
     * completed quietly, so nothing reaches Reactor's dropped-error hook (which logs at ERROR level).
     */
    @Test
    void takeLimitAndAnErrorWithFetchesInFlightDropNoError() throws InterruptedException {
        Schema numbers = new Schema(List.of(new Field("n", FieldType.nullable(new ArrowType.Int(64, true)), null),
                new Field("pad", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)));
        String pad = "x".repeat(20_000);
        loadHashes(2_000, i -> Map.of("n", i % 20 == 19 ? "not-a-number" : Integer.toString(i), "pad", pad));
        HashScan.Builder scan = HashScan.builder().pattern(prefix + "*").schema(numbers).batchSize(100).parallel(4);
        long connections = clients() + 1; // and the shared connection, opened by the first scan
        List<Throwable> dropped = new CopyOnWriteArrayList<>();
        Hooks.onErrorDropped(dropped::add);
        try {
            for (int round = 0; round < 3; round++) {
                assertThat(redis.scanHashes(scan.onParseError(ParseErrorPolicy.NULL).build()).take(1)
                        .map(batch -> {
                            try (batch) {
                                return batch.rowCount();
                            }
                        }).doOnDiscard(RecordBatch.class, RecordBatch::close)
                        .collectList().block()).containsExactly(100);
                assertThat(Rows.collect(redis.scanHashes(scan.onParseError(ParseErrorPolicy.NULL).limit(150).build())))
                        .hasSize(150);
                StepVerifier.create(redis.scanHashes(scan.onParseError(ParseErrorPolicy.FAIL).limit(Long.MAX_VALUE).build())
                        .doOnNext(RecordBatch::close))
                        .thenConsumeWhile(batch -> true)
                        .expectError(ValueConversionException.class)
                        .verify(Duration.ofSeconds(10));
                awaitReadChannelsClosed(connections);
            }
            assertThat(dropped).as("errors dropped to Reactor's hook").isEmpty();
        } finally {
            Hooks.resetOnErrorDropped();
        }
    }

    /** Waits until the server has seen every read channel close; the client closed each one before that. */
    private static void awaitReadChannelsClosed(long connections) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline && clients() > connections) {
            Thread.sleep(20);
        }
        assertThat(clients()).as("connections once every read channel is closed").isEqualTo(connections);
        Thread.sleep(100);
    }

    private static long clients() {
        return commands().clientList().lines().count();
    }
}
