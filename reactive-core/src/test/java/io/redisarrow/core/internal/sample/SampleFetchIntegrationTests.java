package io.redisarrow.core.internal.sample;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.StringCodec;
import io.redisarrow.core.SampledDocument;
import io.redisarrow.core.SampledHash;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fetching sampled keys on a real server: values come in key order, and keys that are gone or of
 * another type by the time they are fetched are skipped.
 */
@ExtendWith(RedisServerExtension.class)
class SampleFetchIntegrationTests {

    static RedisTestServer server;

    static RedisClient client;

    static StatefulRedisConnection<byte[], byte[]> bytes;

    static StatefulRedisConnection<String, String> strings;

    String prefix;

    @BeforeAll
    static void connect(RedisTestServer redis) {
        server = redis;
        client = RedisClient.create(redis.url());
        bytes = client.connect(ByteArrayCodec.INSTANCE);
        strings = client.connect(StringCodec.UTF8);
    }

    @AfterAll
    static void close() {
        bytes.close();
        strings.close();
        client.shutdown();
    }

    @BeforeEach
    void prefix(TestInfo info) {
        prefix = server.uniquePrefix(info.getTestMethod().orElseThrow().getName());
    }

    SampleFetch fetch() {
        return new SampleFetch(bytes, server.host() + ":" + server.port(), Duration.ofSeconds(10));
    }

    List<byte[]> keys(String... names) {
        List<byte[]> keys = new ArrayList<>();
        for (String name : names) {
            keys.add((prefix + name).getBytes(StandardCharsets.UTF_8));
        }
        return keys;
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void hashesComeInKeyOrderWithoutGoneOrOtherTypeKeys() {
        RedisCommands<String, String> sync = strings.sync();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("x", "1");
        fields.put("y", "é");
        sync.hset(prefix + "a", fields);
        sync.set(prefix + "string", "v");
        sync.hset(prefix + "b", Map.of("z", "3"));

        List<SampledHash> hashes = fetch().hashes(keys("a", "gone", "string", "b")).collectList().block();

        assertThat(hashes).extracting(h -> text(h.key())).containsExactly(prefix + "a", prefix + "b");
        SampledHash a = hashes.get(0);
        assertThat(a.size()).isEqualTo(2);
        assertThat(text(a.field(0)) + "=" + text(a.value(0))).isEqualTo("x=1");
        assertThat(text(a.field(1)) + "=" + text(a.value(1))).isEqualTo("y=é");
    }

    @Test
    void documentsAreTheRootPathReplyWithoutGoneOrOtherTypeKeys() {
        server.requireJson();
        RedisCommands<String, String> sync = strings.sync();
        jsonSet(prefix + "doc", "{\"a\":1,\"b\":[true,null],\"c\":\"é\"}");
        sync.hset(prefix + "hash", Map.of("x", "1"));

        List<SampledDocument> documents = fetch().documents(keys("doc", "gone", "hash")).collectList().block();

        assertThat(documents).hasSize(1);
        assertThat(text(documents.get(0).key())).isEqualTo(prefix + "doc");
        assertThat(text(documents.get(0).json())).isEqualTo("[{\"a\":1,\"b\":[true,null],\"c\":\"é\"}]");
    }

    void jsonSet(String key, String json) {
        strings.sync().dispatch(new JsonSet(), new io.lettuce.core.output.StatusOutput<>(StringCodec.UTF8),
                new io.lettuce.core.protocol.CommandArgs<>(StringCodec.UTF8).addKey(key).add("$").add(json));
    }

    /** {@code JSON.SET}, for loading test documents. */
    static final class JsonSet implements io.lettuce.core.protocol.ProtocolKeyword {

        @Override
        public byte[] getBytes() {
            return "JSON.SET".getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public String toString() {
            return "JSON.SET";
        }
    }
}
