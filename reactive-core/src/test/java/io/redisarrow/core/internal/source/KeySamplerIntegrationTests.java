package io.redisarrow.core.internal.source;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.KeyScanCursor;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The key sampler on a real server: a large keyspace is sampled from all over the SCAN order
 * (not from its first pages), a small or sparse one falls back to a full scan and yields every
 * matching key, only keys of the asked type are sampled, and a seed makes the sample repeatable.
 */
@ExtendWith(RedisServerExtension.class)
class KeySamplerIntegrationTests {

    static RedisTestServer server;

    static RedisClient client;

    static StatefulRedisConnection<byte[], byte[]> bytes;

    static StatefulRedisConnection<String, String> strings;

    String prefix;

    @BeforeAll
    static void connect(RedisTestServer redis) {
        server = redis;
        client = RedisClient.create(redis.url());
        bytes = client.connect(io.lettuce.core.codec.ByteArrayCodec.INSTANCE);
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

    /** Creates hashes {@code prefix + i} for i in [0, count), in a few server-side loops. */
    void loadHashes(String prefix, int count) {
        String script = "for i = tonumber(ARGV[2]), tonumber(ARGV[3]) - 1 do "
                + "redis.call('HSET', ARGV[1] .. i, 'n', i) end return 1";
        for (int from = 0; from < count; from += 10_000) {
            strings.sync().eval(script, ScriptOutputType.INTEGER, new String[0], prefix, Integer.toString(from),
                    Integer.toString(Math.min(count, from + 10_000)));
        }
    }

    KeySampler sampler(long seed) {
        return new KeySampler(bytes, server.host() + ":" + server.port(), Duration.ofSeconds(30), new Random(seed));
    }

    List<String> sample(KeySampler sampler, String pattern, String type, int size) {
        return sampler.sample(pattern, type, size).block().stream()
                .map(k -> new String(k, StandardCharsets.UTF_8)).toList();
    }

    /** @return the keys matching the pattern in the order a plain SCAN from cursor 0 returns them */
    List<String> scanOrder(String pattern) {
        RedisCommands<String, String> sync = strings.sync();
        List<String> order = new ArrayList<>();
        ScanArgs args = ScanArgs.Builder.matches(pattern).limit(1000);
        KeyScanCursor<String> cursor = sync.scan(args);
        order.addAll(cursor.getKeys());
        while (!cursor.isFinished()) {
            cursor = sync.scan(ScanCursor.of(cursor.getCursor()), args);
            order.addAll(cursor.getKeys());
        }
        return order.stream().distinct().toList();
    }

    int number(String key) {
        return Integer.parseInt(key.substring(key.lastIndexOf(':') + 1));
    }

    @Test
    void samplesFromAllOverTheScanOrderNotFromTheFirstPage() {
        int keys = 100_000;
        loadHashes(prefix, keys);
        List<String> sample = sample(sampler(7), prefix + "*", "hash", 1000);

        assertThat(sample).hasSize(1000).doesNotHaveDuplicates().allMatch(k -> k.startsWith(prefix));
        List<String> order = scanOrder(prefix + "*");
        assertThat(order).hasSize(keys);
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
        // a plain scan's first 1000 keys are not the sample
        long fromFirstPage = sample.stream().filter(k -> position.get(k) < 1000).count();
        assertThat(fromFirstPage).isLessThan(100);
        // spread over the scan order: most tenths of it contribute, none dominates
        int[] scanDeciles = new int[10];
        int[] numberDeciles = new int[10];
        for (String key : sample) {
            scanDeciles[position.get(key) * 10 / keys]++;
            numberDeciles[number(key) * 10 / keys]++;
        }
        assertThat(java.util.Arrays.stream(scanDeciles).filter(c -> c > 0).count()).isGreaterThanOrEqualTo(8);
        assertThat(java.util.Arrays.stream(scanDeciles).max().getAsInt()).isLessThanOrEqualTo(300);
        // and over the key numbers (the order the keys were written in)
        for (int count : numberDeciles) {
            assertThat(count).isBetween(50, 160);
        }
    }

    @Test
    void takesEveryKeyWhenFewerMatchThanTheSampleSize() {
        loadHashes(prefix, 300);
        List<String> sample = sample(sampler(1), prefix + "*", "hash", 1000);
        assertThat(sample).hasSize(300).doesNotHaveDuplicates();
    }

    @Test
    void aSparsePatternFallsBackToAFullScanAndStillFillsTheSample() {
        loadHashes(prefix + "dense:", 20_000);
        loadHashes(prefix + "sparse:", 50);
        assertThat(sample(sampler(2), prefix + "sparse:*", "hash", 30)).hasSize(30).doesNotHaveDuplicates()
                .allMatch(k -> k.startsWith(prefix + "sparse:"));
        assertThat(sample(sampler(2), prefix + "sparse:*", "hash", 100)).hasSize(50);
    }

    @Test
    void samplesOnlyKeysOfTheType() {
        loadHashes(prefix, 100);
        for (int i = 0; i < 100; i++) {
            strings.sync().set(prefix + "s" + i, "v");
        }
        assertThat(sample(sampler(3), prefix + "*", "hash", 1000)).hasSize(100)
                .noneMatch(k -> k.startsWith(prefix + "s"));
    }

    @Test
    void theSameSeedGivesTheSameSample() throws InterruptedException {
        // a server of its own: other tests' keys coming and going resize the shared server's table,
        // and while Redis moves keys to a resized table, bit by bit, the SCAN order changes
        try (io.redisarrow.testing.LocalRedisServer own = io.redisarrow.testing.LocalRedisServer.builder().noModules()
                .start();
                RedisClient ownClient = RedisClient.create(own.url());
                StatefulRedisConnection<byte[], byte[]> ownBytes = ownClient.connect(
                        io.lettuce.core.codec.ByteArrayCodec.INSTANCE);
                StatefulRedisConnection<String, String> ownStrings = ownClient.connect(StringCodec.UTF8)) {
            String script = "for i = 0, 19999 do redis.call('HSET', 'k:' .. i, 'n', i) end return 1";
            ownStrings.sync().eval(script, ScriptOutputType.INTEGER);
            String address = own.host() + ":" + own.port();
            java.util.function.LongFunction<List<String>> sample = seed -> new KeySampler(ownBytes, address,
                    Duration.ofSeconds(30), new Random(seed)).sample("k:*", "hash", 200).block().stream()
                    .map(key -> new String(key, StandardCharsets.UTF_8)).toList();
            // the table grown by the load is rehashed within a few server cron ticks; wait until three
            // samples in a row agree
            List<String> first = sample.apply(11);
            int agreeing = 1;
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (agreeing < 3 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                List<String> next = sample.apply(11);
                agreeing = next.equals(first) ? agreeing + 1 : 1;
                first = next;
            }
            assertThat(agreeing).as("samples with the same seed agreeing in a row").isEqualTo(3);
            assertThat(sample.apply(11)).isEqualTo(first);
            assertThat(sample.apply(12)).isNotEqualTo(first);
        }
    }

    @Test
    void noMatchingKeyGivesAnEmptySample() {
        assertThat(sample(sampler(4), prefix + "*", "hash", 10)).isEmpty();
    }

    @Test
    void sampleSizeMustBeAtLeastOne() {
        assertThatThrownBy(() -> sampler(5).sample(prefix + "*", "hash", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("sampleSize must be >= 1");
    }
}
