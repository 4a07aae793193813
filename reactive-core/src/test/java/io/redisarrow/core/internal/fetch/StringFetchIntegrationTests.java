package io.redisarrow.core.internal.fetch;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.redisarrow.core.RawBatch;
import io.redisarrow.core.StringValues;
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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The string fetch against a real server, with keys chosen by the test rather than by SCAN: one
 * MGET per batch (and TTL per key in the same round trip); a key that does not exist or holds
 * another type yields no row and costs no EXISTS round trip; values come byte for byte. The
 * per-key form (GET) gives the same rows.
 */
@ExtendWith(RedisServerExtension.class)
class StringFetchIntegrationTests {

    static final byte[] EVERY_BYTE = new byte[256];

    static RedisTestServer server;

    static RedisClient client;

    static StatefulRedisConnection<byte[], byte[]> connection;

    static EventLoopGroup loops;

    String prefix;

    @BeforeAll
    static void connect(RedisTestServer redis) {
        server = redis;
        client = RedisClient.create(redis.url());
        connection = client.connect(ByteArrayCodec.INSTANCE);
        loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        for (int i = 0; i < 256; i++) {
            EVERY_BYTE[i] = (byte) i;
        }
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
        RedisCommands<byte[], byte[]> sync = connection.sync();
        sync.set(key("a"), bytes("1.5"));
        sync.set(key("empty"), new byte[0]);
        sync.set(key("binary"), EVERY_BYTE);
        sync.setex(key("b"), 500, bytes("\u00e9\u4e16"));
        sync.hset(key("hash"), bytes("x"), bytes("1"));
        sync.rpush(key("list"), bytes("e"));
    }

    byte[] key(String name) {
        return bytes(prefix + name);
    }

    List<byte[]> keys(String... names) {
        List<byte[]> keys = new ArrayList<>();
        for (String name : names) {
            keys.add(key(name));
        }
        return keys;
    }

    RawBatch fetch(FetchStageFactory stage, List<byte[]> keys) {
        return new RedisEndpoint(RedisURI.create(server.url()), Duration.ofSeconds(5), loops).connect()
                .flatMap(channel -> stage.create(channel).fetch(keys).flatMap(batch -> channel.close().thenReturn(batch)))
                .block();
    }

    /** Makes the fetch stage under test on the test's channel. */
    @FunctionalInterface
    interface FetchStageFactory {
        FetchStage create(io.redisarrow.core.internal.channel.RedisChannel channel);
    }

    long stat(String command) {
        String info = connection.sync().info("commandstats");
        for (String line : info.split("\r\n")) {
            if (line.startsWith("cmdstat_" + command + ":")) {
                for (String pair : line.substring(line.indexOf(':') + 1).split(",")) {
                    if (pair.startsWith("calls=")) {
                        return Long.parseLong(pair.substring("calls=".length()));
                    }
                }
            }
        }
        return 0;
    }

    @Test
    void oneMgetPerBatchDropsGoneAndOtherTypeKeysWithoutExists() {
        AtomicInteger otherTypes = new AtomicInteger();
        long mget = stat("mget");
        long get = stat("get");
        long exists = stat("exists");
        RawBatch batch = fetch(channel -> FetchStage.of(channel, StringValues.of(), true, Duration.ofSeconds(10),
                otherTypes::incrementAndGet), keys("gone", "a", "hash", "empty", "list", "b", "binary"));
        assertThat(HashFetchIntegrationTests.rows(batch)).hasSize(4).startsWith("a 1.5 ttl=-1", "empty  ttl=-1",
                "b \u00e9\u4e16 ttl=+");
        assertBinaryRow(batch, 3);
        assertThat(stat("mget") - mget).as("one MGET for the batch").isEqualTo(1);
        assertThat(stat("get") - get).as("no GET").isZero();
        assertThat(stat("exists") - exists).as("a nil needs no EXISTS").isZero();
        assertThat(otherTypes).as("the nils were reported as maybe of another type").hasValue(1);
    }

    @Test
    void getPerKeyGivesTheSameRowsAndReportsOtherTypes() {
        AtomicInteger otherTypes = new AtomicInteger();
        long exists = stat("exists");
        RawBatch batch = fetch(channel -> new FetchStage(channel, TypeFetches.of(StringValues.of()), false,
                Duration.ofSeconds(10), otherTypes::incrementAndGet), keys("gone", "a", "hash", "empty", "list", "b",
                        "binary"));
        assertThat(HashFetchIntegrationTests.rows(batch)).hasSize(4).startsWith("a 1.5", "empty ", "b \u00e9\u4e16");
        assertBinaryRow(batch, 3);
        assertThat(stat("exists") - exists).isZero();
        assertThat(otherTypes).hasValue(1);
    }

    @Test
    void aBatchOfOnlyMissingKeysIsEmptyAndAnEmptyBatchSendsNothing() {
        long mget = stat("mget");
        assertThat(fetch(channel -> FetchStage.of(channel, StringValues.of(), true, Duration.ofSeconds(10), () -> {
        }), keys("gone", "hash")).rowCount()).isZero();
        assertThat(fetch(channel -> FetchStage.of(channel, StringValues.of(), false, Duration.ofSeconds(10), () -> {
        }), List.of()).rowCount()).isZero();
        assertThat(stat("mget") - mget).isEqualTo(1);
    }

    private static void assertBinaryRow(RawBatch batch, int row) {
        assertThat(new String(batch.key(row), StandardCharsets.UTF_8)).endsWith("binary");
        int at = batch.valueOffset(row, 0);
        assertThat(Arrays.copyOfRange(batch.data(), at, at + batch.valueLength(row, 0))).isEqualTo(EVERY_BYTE);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
