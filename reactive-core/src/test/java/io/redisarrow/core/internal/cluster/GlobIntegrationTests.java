package io.redisarrow.core.internal.cluster;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.redisarrow.testing.RedisServerExtension;
import io.redisarrow.testing.RedisTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The glob that filters keys read slot by slot matches exactly what Redis' own SCAN MATCH matches:
 * the server is the oracle, for patterns with every glob feature and keys with every awkward byte.
 */
@ExtendWith(RedisServerExtension.class)
class GlobIntegrationTests {

    private static final String[] SUFFIXES = { "a", "b", "ab", "abc", "", "*", "?", "[", "]", "\\", "-", "^", "x-y",
            "ü", "{tag}", "a\\b", "A", "z", "0", "9", "\u0000", "\u00ff", "[ab]", "a*b", "aXb", "aXXb" };

    private static final String[] PATTERNS = { "*", "?", "a*", "*b", "a?b", "a*b", "[ab]", "[^ab]", "[a-c]", "[c-a]",
            "[^a-c]", "\\*", "\\?", "\\[", "a\\*b", "[\\]]", "[\\-]", "[*]", "??", "*?*", "[a-", "[", "\\", "a[",
            "{tag}", "{*}", "[0-9]", "[^0-9]*", "a\\b", "a\\\\b", "*X*", "[[]", "[]a]", "[a-]" };

    @Test
    void matchesWhatScanMatchMatches(RedisTestServer server) {
        String prefix = "glob:" + UUID.randomUUID() + ":";
        RedisClient client = RedisClient.create(server.url());
        try (StatefulRedisConnection<byte[], byte[]> redis = client.connect(ByteArrayCodec.INSTANCE)) {
            List<byte[]> keys = new ArrayList<>();
            for (String suffix : SUFFIXES) {
                byte[] key = (prefix + suffix).getBytes(StandardCharsets.UTF_8);
                keys.add(key);
                redis.sync().set(key, new byte[] { 1 });
            }
            byte[] raw = (prefix + "raw").getBytes(StandardCharsets.UTF_8);
            byte[] binary = new byte[raw.length + 2];
            System.arraycopy(raw, 0, binary, 0, raw.length);
            binary[raw.length] = (byte) 0x80;
            binary[raw.length + 1] = (byte) 0xfe;
            keys.add(binary);
            redis.sync().set(binary, new byte[] { 1 });
            try {
                for (String pattern : PATTERNS) {
                    String full = escapeForPrefix(prefix) + pattern;
                    Set<String> expected = scan(redis, full);
                    Set<String> actual = new HashSet<>();
                    Glob glob = new Glob(full);
                    for (byte[] key : keys) {
                        if (glob.matches(key)) {
                            actual.add(new String(key, StandardCharsets.ISO_8859_1));
                        }
                    }
                    assertThat(actual).as("pattern %s", pattern).isEqualTo(expected);
                }
            } finally {
                for (byte[] key : keys) {
                    redis.sync().del(key);
                }
            }
        } finally {
            client.shutdown();
        }
    }

    private static String escapeForPrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?").replace("[", "\\[");
    }

    private static Set<String> scan(StatefulRedisConnection<byte[], byte[]> redis, String pattern) {
        Set<String> found = new HashSet<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<byte[]> page = redis.sync().scan(cursor,
                    ScanArgs.Builder.matches(pattern.getBytes(StandardCharsets.UTF_8)).limit(1000));
            for (byte[] key : page.getKeys()) {
                found.add(new String(key, StandardCharsets.ISO_8859_1));
            }
            cursor = page;
        } while (!cursor.isFinished());
        return found;
    }
}
