package io.redisarrow.benchmarks;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Loads the {@link BenchData} hashes pipelined (Lettuce async, auto-flush off, a flush every
 * 10,000 commands), unless the server already holds exactly this data set: marker key, DBSIZE and
 * the first and last keys agree.
 */
final class DataLoader {

    private static final int FLUSH_EVERY = 10_000;

    private DataLoader() {
    }

    /**
     * @param url the server
     * @param n how many hashes
     * @param reuse whether data left by an earlier run with the same N may be kept
     */
    static void ensureLoaded(String url, int n, boolean reuse) {
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> sync = connection.sync();
            if (reuse && isLoaded(sync, n)) {
                Progress.say("data: %,d hashes already loaded (marker, DBSIZE %,d); --reuse false reloads", n,
                        sync.dbsize());
                return;
            }
            long deleted = deleteOld(connection);
            if (deleted > 0) {
                Progress.say("data: deleted %,d old %s keys", deleted, BenchData.PATTERN);
            }
            load(connection, n);
        } finally {
            client.shutdown();
        }
    }

    private static boolean isLoaded(RedisCommands<String, String> sync, int n) {
        return BenchData.markerValue(n).equals(sync.get(BenchData.MARKER)) && sync.dbsize() >= n + 1L
                && sync.exists(BenchData.key(0), BenchData.key(n - 1L)) == 2 && sync.exists(BenchData.key(n)) == 0;
    }

    private static long deleteOld(StatefulRedisConnection<String, String> connection) {
        RedisCommands<String, String> sync = connection.sync();
        sync.del(BenchData.MARKER);
        long deleted = 0;
        ScanArgs args = ScanArgs.Builder.matches(BenchData.PATTERN).limit(10_000);
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = sync.scan(cursor, args);
            if (!page.getKeys().isEmpty()) {
                deleted += sync.unlink(page.getKeys().toArray(new String[0]));
            }
            cursor = page;
        } while (!cursor.isFinished());
        return deleted;
    }

    private static void load(StatefulRedisConnection<String, String> connection, int n) {
        long start = System.nanoTime();
        RedisAsyncCommands<String, String> async = connection.async();
        BenchData.Generator generator = BenchData.generator();
        List<RedisFuture<Long>> pending = new ArrayList<>(FLUSH_EVERY);
        connection.setAutoFlushCommands(false);
        try {
            for (int i = 0; i < n; i++) {
                pending.add(async.hset(BenchData.key(i), generator.next(i)));
                if (pending.size() == FLUSH_EVERY || i == n - 1) {
                    connection.flushCommands();
                    CompletableFuture.allOf(pending.stream().map(RedisFuture::toCompletableFuture)
                            .toArray(CompletableFuture[]::new)).join();
                    pending.clear();
                    if ((i + 1) % 250_000 < FLUSH_EVERY && i + 1 < n) {
                        Progress.say("data: loading %,d / %,d hashes", i + 1, n);
                    }
                }
            }
        } finally {
            connection.setAutoFlushCommands(true);
        }
        connection.sync().set(BenchData.MARKER, BenchData.markerValue(n));
        Progress.say("data: loaded %,d hashes in %.1f s", n, (System.nanoTime() - start) / 1e9);
    }
}
