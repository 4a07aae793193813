package io.redisarrow.arrow;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.redisarrow.testing.LocalRedisServer;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stalled or vanished server ends the scan with an error, in bounded time, with nothing leaked.
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
    void aStalledServerFailsTheScanWithinTheCommandTimeout() {
        try (LocalRedisServer server = LocalRedisServer.builder().search(false).start();
                RedisArrow redis = RedisArrow.builder().url(server.url()).allocator(allocator)
                        .commandTimeout(Duration.ofMillis(300)).build()) {
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
    void aServerThatDiesMidScanFailsTheScan() {
        LocalRedisServer server = LocalRedisServer.builder().search(false).start();
        try (RedisArrow redis = RedisArrow.builder().url(server.url()).allocator(allocator)
                .commandTimeout(Duration.ofSeconds(5)).build()) {
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
}
