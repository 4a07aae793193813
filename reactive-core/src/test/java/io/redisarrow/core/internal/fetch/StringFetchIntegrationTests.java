package io.redisarrow.core.internal.fetch;

import io.lettuce.core.api.sync.RedisCommands;
import io.redisarrow.core.RawBatch;
import io.redisarrow.core.StringValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
class StringFetchIntegrationTests extends FetchTestSupport {

    static final byte[] EVERY_BYTE = new byte[256];

    static {
        for (int i = 0; i < 256; i++) {
            EVERY_BYTE[i] = (byte) i;
        }
    }

    @BeforeEach
    void load() {
        RedisCommands<byte[], byte[]> sync = binary.sync();
        sync.set(key("a"), bytes("1.5"));
        sync.set(key("empty"), new byte[0]);
        sync.set(key("binary"), EVERY_BYTE);
        sync.setex(key("b"), 500, bytes("\u00e9\u4e16"));
        sync.hset(key("hash"), bytes("x"), bytes("1"));
        sync.rpush(key("list"), bytes("e"));
    }

    RawBatch fetch(FetchStageFactory stage, List<byte[]> keys) {
        return onChannel(channel -> stage.create(channel).fetch(keys));
    }

    /** Makes the fetch stage under test on the test's channel. */
    @FunctionalInterface
    interface FetchStageFactory {
        FetchStage create(io.redisarrow.core.internal.channel.RedisChannel channel);
    }

    @Test
    void oneMgetPerBatchDropsGoneAndOtherTypeKeysWithoutExists() {
        AtomicInteger otherTypes = new AtomicInteger();
        long mget = calls("mget");
        long get = calls("get");
        long exists = calls("exists");
        RawBatch batch = fetch(channel -> FetchStage.of(channel, StringValues.of(), true, Duration.ofSeconds(10),
                otherTypes::incrementAndGet), keys("gone", "a", "hash", "empty", "list", "b", "binary"));
        assertThat(rows(batch)).hasSize(4).startsWith("a 1.5 ttl=-1", "empty  ttl=-1",
                "b \u00e9\u4e16 ttl=+");
        assertBinaryRow(batch, 3);
        assertThat(calls("mget") - mget).as("one MGET for the batch").isEqualTo(1);
        assertThat(calls("get") - get).as("no GET").isZero();
        assertThat(calls("exists") - exists).as("a nil needs no EXISTS").isZero();
        assertThat(otherTypes).as("the nils were reported as maybe of another type").hasValue(1);
    }

    @Test
    void getPerKeyGivesTheSameRowsAndReportsOtherTypes() {
        AtomicInteger otherTypes = new AtomicInteger();
        long exists = calls("exists");
        RawBatch batch = fetch(channel -> new FetchStage(channel, TypeFetches.of(StringValues.of()), false,
                Duration.ofSeconds(10), otherTypes::incrementAndGet), keys("gone", "a", "hash", "empty", "list", "b",
                        "binary"));
        assertThat(rows(batch)).hasSize(4).startsWith("a 1.5", "empty ", "b \u00e9\u4e16");
        assertBinaryRow(batch, 3);
        assertThat(calls("exists") - exists).isZero();
        assertThat(otherTypes).hasValue(1);
    }

    @Test
    void aBatchOfOnlyMissingKeysIsEmptyAndAnEmptyBatchSendsNothing() {
        long mget = calls("mget");
        assertThat(fetch(channel -> FetchStage.of(channel, StringValues.of(), true, Duration.ofSeconds(10), () -> {
        }), keys("gone", "hash")).rowCount()).isZero();
        assertThat(fetch(channel -> FetchStage.of(channel, StringValues.of(), false, Duration.ofSeconds(10), () -> {
        }), List.of()).rowCount()).isZero();
        assertThat(calls("mget") - mget).isEqualTo(1);
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
