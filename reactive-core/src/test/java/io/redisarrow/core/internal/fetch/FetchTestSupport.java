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
import io.redisarrow.core.internal.channel.RedisChannel;
import io.redisarrow.core.internal.channel.RedisEndpoint;
import io.redisarrow.testing.RedisServerExtension;
import io.redisarrow.testing.RedisTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * What the fetch stages' tests against a real server share: the server, a loader connection (text
 * and binary), the event loop the stage's channel runs on, a unique key prefix per test whose keys
 * are removed after it, a channel opened and closed around each fetch, rows printed as text, and
 * command counts from INFO commandstats.
 */
@ExtendWith(RedisServerExtension.class)
abstract class FetchTestSupport {

    static RedisTestServer server;

    static RedisClient client;

    static StatefulRedisConnection<String, String> connection;

    static StatefulRedisConnection<byte[], byte[]> binary;

    static EventLoopGroup loops;

    String prefix;

    RedisCommands<String, String> sync;

    @BeforeAll
    static void connect(RedisTestServer redis) {
        server = redis;
        client = RedisClient.create(redis.url());
        connection = client.connect();
        binary = client.connect(ByteArrayCodec.INSTANCE);
        loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterAll
    static void close() {
        connection.close();
        binary.close();
        client.shutdown();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    @BeforeEach
    void prefix(TestInfo info) {
        prefix = server.uniquePrefix(info.getTestMethod().orElseThrow().getName());
        sync = connection.sync();
    }

    @AfterEach
    void removeKeys() {
        List<String> keys = sync.keys(prefix + "*");
        if (!keys.isEmpty()) {
            sync.del(keys.toArray(String[]::new));
        }
    }

    byte[] key(String name) {
        return (prefix + name).getBytes(StandardCharsets.UTF_8);
    }

    List<byte[]> keys(String... names) {
        List<byte[]> keys = new ArrayList<>();
        for (String name : names) {
            keys.add(key(name));
        }
        return keys;
    }

    /** Runs {@code work} on a fresh channel to the server, closed once the work is done. */
    <T> T onChannel(Function<RedisChannel, Mono<T>> work) {
        return new RedisEndpoint(RedisURI.create(server.url()), Duration.ofSeconds(5), loops).connect()
                .flatMap(channel -> work.apply(channel).flatMap(result -> channel.close().thenReturn(result)))
                .block();
    }

    /** @return each row as text: the key without the test's prefix, its values ({@code -}: missing), its TTL */
    List<String> rows(List<RawBatch> batches) {
        List<String> rows = new ArrayList<>();
        for (RawBatch batch : batches) {
            for (int row = 0; row < batch.rowCount(); row++) {
                String key = new String(batch.key(row), StandardCharsets.UTF_8);
                StringBuilder line = new StringBuilder(key.startsWith(prefix) ? key.substring(prefix.length()) : key);
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
        }
        return rows;
    }

    List<String> rows(RawBatch batch) {
        return rows(List.of(batch));
    }

    /** @return how many times the server has run {@code command} (lower case), from INFO commandstats */
    long calls(String command) {
        for (String line : sync.info("commandstats").split("\r?\n")) {
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
}
