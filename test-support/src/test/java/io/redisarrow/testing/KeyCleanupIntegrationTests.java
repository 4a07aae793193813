package io.redisarrow.testing;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(RedisServerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeyCleanupIntegrationTests {

    private static String leftByFirstTest;

    private static String otherKey;

    @Test
    @Order(1)
    void aTestLeavesKeysUnderItsPrefix(RedisTestServer redis) throws IOException {
        leftByFirstTest = redis.uniquePrefix("leaves");
        otherKey = "not-a-test-prefix:" + KeyPrefixes.RUN;
        try (Resp resp = Resp.connect(redis.url(), 2000)) {
            for (int i = 0; i < 2500; i++) {
                resp.call("SET", leftByFirstTest + i, "v");
            }
            resp.call("HSET", leftByFirstTest + "hash", "f", "v");
            resp.call("SET", otherKey, "kept");
        }
    }

    @Test
    @Order(2)
    void theExtensionRemovedThemAfterThatTestAndNothingElse(RedisTestServer redis) throws IOException {
        assertThat(leftByFirstTest).isNotNull();
        try (Resp resp = Resp.connect(redis.url(), 2000)) {
            assertThat(resp.call("EXISTS", leftByFirstTest + "0", leftByFirstTest + "2499", leftByFirstTest + "hash"))
                    .isEqualTo(0L);
            assertThat(resp.call("GET", otherKey)).isEqualTo("kept");
            resp.call("DEL", otherKey);
        }
    }

    @Test
    @Order(3)
    void theCleanerTakesGlobCharactersLiterally(RedisTestServer redis) throws IOException {
        String star = redis.uniquePrefix("a*");
        String lookalike = star.replace("a*", "ab");
        try (Resp resp = Resp.connect(redis.url(), 2000)) {
            resp.call("SET", star + "1", "v");
            resp.call("SET", lookalike + "1", "v");
            assertThat(KeyCleaner.unlink(redis, List.of(star))).isEqualTo(1);
            assertThat(resp.call("EXISTS", lookalike + "1")).isEqualTo(1L);
            resp.call("DEL", lookalike + "1");
        }
    }
}
