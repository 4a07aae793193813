package io.redisarrow.core.internal.fetch;

import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.ProtocolKeyword;
import io.redisarrow.core.JsonValues;
import io.redisarrow.core.RawBatch;
import io.redisarrow.testing.RedisModule;
import io.redisarrow.testing.RequiresModule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON fetch against a real server, key by key (JSON.GET) and per batch (JSON.MGET): keys gone
 * or of another type yield no row, TTLs come in the same round trip, and a JSON.MGET that fails
 * because one key is of another type is read again key by key, losing no document.
 */
@RequiresModule(RedisModule.JSON)
class JsonFetchIntegrationTests extends FetchTestSupport {

    static final ProtocolKeyword JSON_SET = new ProtocolKeyword() {
        @Override
        public byte[] getBytes() {
            return "JSON.SET".getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public String toString() {
            return "JSON.SET";
        }
    };

    void jsonSet(String key, String json) {
        connection.sync().dispatch(JSON_SET, new StatusOutput<>(StringCodec.UTF8),
                new CommandArgs<>(StringCodec.UTF8).addKey(key).add("$").add(json));
    }

    @BeforeEach
    void load() {
        jsonSet(prefix + "a", "{\"x\":1,\"s\":\"\u00e9\"}");
        jsonSet(prefix + "b", "[1,2]");
        connection.sync().expire(prefix + "b", 500);
        connection.sync().hset(prefix + "hash", "x", "1");
    }

    RawBatch fetch(JsonValues values, List<byte[]> keys, AtomicInteger otherTypes) {
        return onChannel(channel -> FetchStage.of(channel, values, true, Duration.ofSeconds(10),
                otherTypes::incrementAndGet).fetch(keys));
    }

    @ParameterizedTest(name = "JSON.MGET {0}")
    @ValueSource(booleans = { false, true })
    void dropsGoneKeysAndKeepsOrderAndTtls(boolean mget) {
        AtomicInteger otherTypes = new AtomicInteger();
        RawBatch batch = fetch(JsonValues.documents().wholeBatch(mget), keys("gone", "a", "b"), otherTypes);
        assertThat(rows(batch)).containsExactly("a [{\"x\":1,\"s\":\"\u00e9\"}] ttl=-1",
                "b [[1,2]] ttl=+");
        assertThat(otherTypes).hasValue(0);
    }

    @ParameterizedTest(name = "JSON.MGET {0}")
    @ValueSource(booleans = { false, true })
    void aKeyOfAnotherTypeIsSkippedAndLosesNoOtherDocument(boolean mget) {
        AtomicInteger otherTypes = new AtomicInteger();
        RawBatch batch = fetch(JsonValues.paths(List.of("$.x")).wholeBatch(mget), keys("a", "hash", "gone", "b"),
                otherTypes);
        assertThat(rows(batch)).containsExactly("a [1] ttl=-1", "b [] ttl=+");
        assertThat(otherTypes).hasValue(1);
    }

    @org.junit.jupiter.api.Test
    void severalPathsComeAsOneObjectPerKeyAndCannotBeReadWithMget() {
        JsonValues values = JsonValues.paths(List.of("$.x", "$.s"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> values.wholeBatch(true))
                .hasMessageContaining("JSON.MGET reads one path");
        RawBatch batch = fetch(values, keys("a"), new AtomicInteger());
        assertThat(rows(batch)).containsExactly("a {\"$.x\":[1],\"$.s\":[\"\u00e9\"]} ttl=-1");
    }
}
