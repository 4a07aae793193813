package io.redisarrow.benchmarks;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The benchmark's data: N hashes {@code bench:user:<12-digit n>} (the key form redis-benchmark's
 * {@code __rand_int__} produces) with 10 fields of strings, integers, floats, booleans, dates and
 * timestamps, generated from a fixed seed and loaded pipelined. A marker key records N, so a
 * second run on the same server reuses the data.
 */
final class BenchData {

    static final String PATTERN = "bench:user:*";

    static final String MARKER = "bench:loaded";

    static final String[] FIELDS = { "name", "email", "age", "score", "active", "joined", "city", "balance", "visits",
            "updated" };

    static final Schema SCHEMA = new Schema(List.of(
            field("name", ArrowType.Utf8.INSTANCE),
            field("email", ArrowType.Utf8.INSTANCE),
            field("age", new ArrowType.Int(32, true)),
            field("score", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
            field("active", ArrowType.Bool.INSTANCE),
            field("joined", new ArrowType.Date(DateUnit.DAY)),
            field("city", ArrowType.Utf8.INSTANCE),
            field("balance", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
            field("visits", new ArrowType.Int(64, true)),
            field("updated", new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC"))));

    private BenchData() {
    }

    private static Field field(String name, ArrowType type) {
        return new Field(name, FieldType.nullable(type), null);
    }

    static String key(long i) {
        return String.format("bench:user:%012d", i);
    }

    /** Loads {@code n} hashes unless the server already holds exactly them. */
    static void ensureLoaded(String url, int n) {
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            String loaded = connection.sync().get(MARKER);
            if (Integer.toString(n).equals(loaded)) {
                Progress.say("data: %,d hashes already loaded", n);
                return;
            }
            connection.sync().flushdb();
            long start = System.nanoTime();
            RedisAsyncCommands<String, String> async = connection.async();
            connection.setAutoFlushCommands(false);
            Random random = new Random(20261124);
            List<RedisFuture<Long>> pending = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                pending.add(async.hset(key(i), user(i, random)));
                if (pending.size() == 10_000) {
                    connection.flushCommands();
                    pending.forEach(f -> f.toCompletableFuture().join());
                    pending.clear();
                    if (i % 200_000 < 10_000) {
                        Progress.say("loading: %,d / %,d hashes", i + 1, n);
                    }
                }
            }
            connection.flushCommands();
            pending.forEach(f -> f.toCompletableFuture().join());
            connection.setAutoFlushCommands(true);
            connection.sync().set(MARKER, Integer.toString(n));
            Progress.say("data: loaded %,d hashes in %.1f s", n, (System.nanoTime() - start) / 1e9);
        } finally {
            client.shutdown();
        }
    }

    private static Map<String, String> user(int i, Random random) {
        Map<String, String> user = new LinkedHashMap<>();
        user.put("name", "user-" + Integer.toString(i, 36));
        user.put("email", "user" + i + "@example.com");
        user.put("age", Integer.toString(18 + random.nextInt(70)));
        user.put("score", Double.toString(Math.round(random.nextDouble() * 1_000_000) / 1000.0));
        user.put("active", random.nextBoolean() ? "true" : "no");
        user.put("joined", LocalDate.of(2010, 1, 1).plusDays(random.nextInt(5000)).toString());
        user.put("city", "city-" + random.nextInt(5000));
        user.put("balance", String.format("%d.%02d", random.nextInt(100_000), random.nextInt(100)));
        user.put("visits", Long.toString(random.nextLong() & 0xffffffffL));
        user.put("updated", "2024-" + String.format("%02d-%02dT%02d:%02d:%02d.%03dZ", 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1000)));
        return user;
    }
}
