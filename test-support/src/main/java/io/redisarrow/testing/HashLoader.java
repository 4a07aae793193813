package io.redisarrow.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Loads made-up hashes into a server for demos, samples and tests: pipelined HSETs on one
 * connection, flushed and awaited every {@value #PIPELINE} keys.
 */
public final class HashLoader {

    /** Keys per flushed pipeline. */
    public static final int PIPELINE = 5_000;

    private HashLoader() {
    }

    /**
     * @param url the server
     * @param count how many hashes
     * @param key the key of hash {@code i}
     * @param fields the fields of hash {@code i}, asked for in order {@code 0, 1, ...} (so a seeded
     *        random source gives the same data every time)
     */
    public static void load(String url, int count, IntFunction<String> key, IntFunction<Map<String, String>> fields) {
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisAsyncCommands<String, String> async = connection.async();
            connection.setAutoFlushCommands(false);
            List<RedisFuture<Long>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                pending.add(async.hset(key.apply(i), fields.apply(i)));
                if (pending.size() == PIPELINE || i == count - 1) {
                    connection.flushCommands();
                    pending.forEach(f -> f.toCompletableFuture().join());
                    pending.clear();
                }
            }
        } finally {
            client.shutdown();
        }
    }
}
