package io.redisarrow.core.internal.fetch;

import io.redisarrow.core.HashValues;
import io.redisarrow.core.RawBatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fetch stage against a real server, with keys chosen by the test rather than by SCAN: keys
 * that are gone or of another type by the time they are fetched yield no row.
 */
class HashFetchIntegrationTests extends FetchTestSupport {

    @BeforeEach
    void load() {
        sync.hset(prefix + "a", Map.of("x", "1", "y", "2"));
        sync.hset(prefix + "only-z", Map.of("z", "3"));
        sync.set(prefix + "string", "v");
        sync.hset(prefix + "b", Map.of("y", "4"));
        sync.expire(prefix + "b", 500);
    }

    RawBatch fetch(HashValues values, boolean withTtl, List<byte[]> keys) {
        return onChannel(channel -> new FetchStage(channel, TypeFetches.of(values), withTtl, Duration.ofSeconds(10),
                () -> { }).fetch(keys));
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
