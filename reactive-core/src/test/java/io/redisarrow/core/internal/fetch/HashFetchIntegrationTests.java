package io.redisarrow.core.internal.fetch;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.redisarrow.core.HashValues;
import io.redisarrow.core.RawBatch;
import io.redisarrow.core.internal.channel.RedisChannel;
import io.redisarrow.core.internal.channel.RedisEndpoint;
import io.redisarrow.testing.RedisServerExtension;
import io.redisarrow.testing.RedisTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fetch stage against a real server, with keys chosen by the test rather than by SCAN: keys
 * that are gone or of another type by the time they are fetched yield no row.
 */
@ExtendWith(RedisServerExtension.class)
class HashFetchIntegrationTests {

    static RedisTestServer server;

    static RedisClient client;

    static StatefulRedisConnection<String, String> connection;

    static EventLoopGroup loops;

    String prefix;

    @BeforeAll
    static void connect(RedisTestServer redis) {
        server = redis;
        client = RedisClient.create(redis.url());
        connection = client.connect();
        loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterAll
    static void close() {
        connection.close();
        client.shutdown();
        loops.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
    }

    @BeforeEach
    void load(TestInfo info) {
        prefix = server.uniquePrefix(info.getTestMethod().orElseThrow().getName());
        RedisCommands<String, String> sync = connection.sync();
        sync.hset(prefix + "a", Map.of("x", "1", "y", "2"));
        sync.hset(prefix + "only-z", Map.of("z", "3"));
        sync.set(prefix + "string", "v");
        sync.hset(prefix + "b", Map.of("y", "4"));
        sync.expire(prefix + "b", 500);
    }

    List<byte[]> keys(String... names) {
        List<byte[]> keys = new ArrayList<>();
        for (String name : names) {
            keys.add((prefix + name).getBytes(StandardCharsets.UTF_8));
        }
        return keys;
    }

    RawBatch fetch(HashValues values, boolean withTtl, List<byte[]> keys) {
        return new RedisEndpoint(RedisURI.create(server.url()), Duration.ofSeconds(5), loops).connect()
                .flatMap(channel -> new FetchStage(channel, TypeFetches.of(values), withTtl, Duration.ofSeconds(10), () -> { })
                        .fetch(keys)
                        .flatMap(batch -> channel.close().thenReturn(batch)))
                .block();
    }

    static List<String> rows(RawBatch batch) {
        List<String> rows = new ArrayList<>();
        for (int row = 0; row < batch.rowCount(); row++) {
            StringBuilder line = new StringBuilder(new String(batch.key(row), StandardCharsets.UTF_8).replaceFirst("^.*:", ""));
            for (int column = 0; column < batch.columnCount(); column++) {
                int length = batch.valueLength(row, column);
                line.append(' ').append(length == RawBatch.MISSING ? "-"
                        : new String(batch.data(), batch.valueOffset(row, column), length, StandardCharsets.UTF_8));
            }
            if (batch.hasTtl()) {
                line.append(" ttl=").append(batch.ttl(row) > 0 ? "+" : Long.toString(batch.ttl(row)));
            }
            rows.add(line.toString());
        }
        return rows;
    }

    @Test
    void hgetallDropsMissingAndOtherTypeKeysAndKeepsOrder() {
        RawBatch batch = fetch(HashValues.of(List.of("x", "y"), false), true, keys("gone", "a", "string", "b", "only-z"));
        assertThat(rows(batch)).containsExactly("a 1 2 ttl=-1", "b - 4 ttl=+", "only-z - - ttl=-1");
    }

    @Test
    void hmgetChecksKeysWhoseFieldsAreAllNil() {
        RawBatch batch = fetch(HashValues.of(List.of("y", "x"), true), false, keys("a", "gone", "only-z", "string", "b"));
        assertThat(rows(batch)).containsExactly("a 2 1", "only-z - -", "b 4 -");
    }

    @Test
    void anEmptyBatchOfKeysIsAnEmptyBatch() {
        assertThat(fetch(HashValues.of(List.of("x"), false), false, List.of()).rowCount()).isZero();
    }
}
