package io.redisarrow.arrow;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.redisarrow.testing.RedisServerExtension;
import io.redisarrow.testing.RedisTestServer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared fixture of the integration tests: a real Redis from {@link RedisServerExtension}, a
 * Lettuce connection to load data, a unique key prefix per test, and an allocator per test that
 * must be empty when the test ends.
 */
@ExtendWith(RedisServerExtension.class)
abstract class ScanTestSupport {

    static RedisTestServer server;

    static RedisClient loaderClient;

    static StatefulRedisConnection<byte[], byte[]> loaderConnection;

    BufferAllocator allocator;

    RedisArrow redis;

    String prefix;

    @BeforeAll
    static void connectLoader(RedisTestServer redisServer) {
        server = redisServer;
        loaderClient = RedisClient.create(redisServer.url());
        loaderConnection = loaderClient.connect(ByteArrayCodec.INSTANCE);
    }

    @AfterAll
    static void closeLoader() {
        if (loaderConnection != null) {
            loaderConnection.close();
        }
        if (loaderClient != null) {
            loaderClient.shutdown();
        }
    }

    @BeforeEach
    void openAllocator(TestInfo info) {
        allocator = new RootAllocator(Long.MAX_VALUE);
        redis = RedisArrow.builder().url(server.url()).allocator(allocator).build();
        prefix = server.uniquePrefix(info.getTestMethod().map(m -> m.getName()).orElse("test"));
    }

    @AfterEach
    void assertNothingLeaked() {
        redis.close();
        assertThat(allocator.getAllocatedMemory()).as("Arrow memory left allocated").isZero();
        allocator.close();
    }

    static RedisCommands<byte[], byte[]> commands() {
        return loaderConnection.sync();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    void hset(String key, Map<String, String> fields) {
        hset(bytes(key), fields);
    }

    void hset(byte[] key, Map<String, String> fields) {
        java.util.Map<byte[], byte[]> values = new java.util.LinkedHashMap<>();
        fields.forEach((k, v) -> values.put(bytes(k), bytes(v)));
        commands().hset(key, values);
    }

    /** {@code JSON.SET key $ json}, for the JSON module's documents. */
    static final io.lettuce.core.protocol.ProtocolKeyword JSON_SET = new io.lettuce.core.protocol.ProtocolKeyword() {
        private final byte[] name = bytes("JSON.SET");

        @Override
        public byte[] getBytes() {
            return name;
        }

        @Override
        public String toString() {
            return "JSON.SET";
        }
    };

    void jsonSet(String key, String json) {
        jsonSet(bytes(key), json);
    }

    void jsonSet(byte[] key, String json) {
        String reply = loaderConnection.sync().dispatch(JSON_SET,
                new io.lettuce.core.output.StatusOutput<>(io.lettuce.core.codec.ByteArrayCodec.INSTANCE),
                new io.lettuce.core.protocol.CommandArgs<>(io.lettuce.core.codec.ByteArrayCodec.INSTANCE).addKey(key)
                        .add("$").add(json));
        assertThat(reply).isEqualTo("OK");
    }

    /** Loads {@code count} JSON documents {@code prefix + i}, pipelined. */
    void loadJson(int count, java.util.function.IntFunction<String> document) {
        var async = loaderConnection.async();
        List<io.lettuce.core.RedisFuture<String>> pending = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            pending.add(async.dispatch(JSON_SET,
                    new io.lettuce.core.output.StatusOutput<>(io.lettuce.core.codec.ByteArrayCodec.INSTANCE),
                    new io.lettuce.core.protocol.CommandArgs<>(io.lettuce.core.codec.ByteArrayCodec.INSTANCE)
                            .addKey(bytes(prefix + i)).add("$").add(document.apply(i))));
            if (pending.size() == 5000) {
                pending.forEach(f -> assertThat(f.toCompletableFuture().join()).isEqualTo("OK"));
                pending.clear();
            }
        }
        pending.forEach(f -> assertThat(f.toCompletableFuture().join()).isEqualTo("OK"));
    }

    /** Loads {@code count} strings {@code prefix + i} with the given values, pipelined. */
    void loadStrings(int count, java.util.function.IntFunction<String> value) {
        var async = loaderConnection.async();
        List<io.lettuce.core.RedisFuture<String>> pending = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            pending.add(async.set(bytes(prefix + i), bytes(value.apply(i))));
            if (pending.size() == 5000) {
                pending.forEach(f -> assertThat(f.toCompletableFuture().join()).isEqualTo("OK"));
                pending.clear();
            }
        }
        pending.forEach(f -> assertThat(f.toCompletableFuture().join()).isEqualTo("OK"));
    }

    /** Loads {@code count} hashes {@code prefix + i} with the given fields, pipelined. */
    void loadHashes(int count, java.util.function.IntFunction<Map<String, String>> fields) {
        var async = loaderConnection.async();
        loaderConnection.setAutoFlushCommands(false);
        try {
            List<io.lettuce.core.RedisFuture<Long>> pending = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                java.util.Map<byte[], byte[]> values = new java.util.LinkedHashMap<>();
                fields.apply(i).forEach((k, v) -> values.put(bytes(k), bytes(v)));
                pending.add(async.hset(bytes(prefix + i), values));
                if (pending.size() == 5000) {
                    loaderConnection.flushCommands();
                    pending.forEach(f -> f.toCompletableFuture().join());
                    pending.clear();
                }
            }
            loaderConnection.flushCommands();
            pending.forEach(f -> f.toCompletableFuture().join());
        } finally {
            loaderConnection.setAutoFlushCommands(true);
        }
    }

    /**
     * @return a text of each scalar type the consumers read, by field name ({@code s}, {@code i8} to
     *         {@code i64}, {@code f32}, {@code f64}, {@code b}, {@code d}, {@code ts}, {@code tsn},
     *         {@code dec}), extremes and unicode included; a fresh map the caller may change
     */
    static Map<String, String> everyTypeText() {
        Map<String, String> full = new LinkedHashMap<>();
        full.put("s", "héllo 世界 🎉");
        full.put("i8", "-128");
        full.put("i16", "32767");
        full.put("i32", "-2147483648");
        full.put("i64", "9223372036854775807");
        full.put("f32", "1.5");
        full.put("f64", "-2.25e-3");
        full.put("b", "Yes");
        full.put("d", "2024-02-29");
        full.put("ts", "2024-01-01T10:00:00+02:00");
        full.put("tsn", "2024-01-01 10:00:00.123456");
        full.put("dec", "-12.3");
        return full;
    }
}
