package io.redisarrow.benchmarks;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads the {@link BenchData} hashes as fast as the server takes them, by feeding HSET commands in
 * RESP to {@code redis-cli --pipe}, unless the server already holds exactly this data set (marker
 * key, DBSIZE, first and last keys agree).
 */
final class DataLoader {

    private static final byte[] CRLF = { '\r', '\n' };

    private static final byte[] HSET = "HSET".getBytes(StandardCharsets.US_ASCII);

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
            long deleted = deleteOld(sync);
            if (deleted > 0) {
                Progress.say("data: deleted %,d old %s keys", deleted, BenchData.PATTERN);
            }
            long start = System.nanoTime();
            pipe(url, n);
            long found = sync.exists(BenchData.key(0), BenchData.key(n - 1L));
            if (found != 2) {
                throw new IllegalStateException("after loading, the first and last keys are missing");
            }
            sync.set(BenchData.MARKER, BenchData.markerValue(n));
            Progress.say("data: loaded %,d hashes in %.1f s (redis-cli --pipe)", n, (System.nanoTime() - start) / 1e9);
        } finally {
            client.shutdown();
        }
    }

    private static boolean isLoaded(RedisCommands<String, String> sync, int n) {
        return BenchData.markerValue(n).equals(sync.get(BenchData.MARKER)) && sync.dbsize() >= n + 1L
                && sync.exists(BenchData.key(0), BenchData.key(n - 1L)) == 2 && sync.exists(BenchData.key(n)) == 0;
    }

    private static long deleteOld(RedisCommands<String, String> sync) {
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

    private static void pipe(String url, int n) {
        List<String> command = RedisTools.command("redis-cli", url);
        command.add("--pipe");
        Process process = RedisTools.start(command);
        BenchData.Generator generator = BenchData.generator();
        try (OutputStream out = new BufferedOutputStream(process.getOutputStream(), 1 << 16)) {
            for (int i = 0; i < n; i++) {
                Map<String, String> user = generator.next(i);
                writeHeader(out, '*', 2 + 2 * user.size());
                writeBulk(out, HSET);
                writeBulk(out, BenchData.key(i).getBytes(StandardCharsets.UTF_8));
                for (Map.Entry<String, String> field : user.entrySet()) {
                    writeBulk(out, field.getKey().getBytes(StandardCharsets.UTF_8));
                    writeBulk(out, field.getValue().getBytes(StandardCharsets.UTF_8));
                }
                if ((i + 1) % 250_000 == 0 && i + 1 < n) {
                    Progress.say("data: loading %,d / %,d hashes", i + 1, n);
                }
            }
        } catch (IOException e) {
            List<String> output = new ArrayList<>();
            RedisTools.finish(process, output);
            throw new IllegalStateException("redis-cli --pipe stopped reading: " + String.join("\n", output), e);
        }
        List<String> output = new ArrayList<>();
        int exit = RedisTools.finish(process, output);
        String summary = output.isEmpty() ? "" : output.get(output.size() - 1);
        if (exit != 0 || !summary.equals("errors: 0, replies: " + n)) {
            throw new IllegalStateException("redis-cli --pipe (exit " + exit + ") failed:\n" + String.join("\n", output));
        }
    }

    private static void writeBulk(OutputStream out, byte[] bytes) throws IOException {
        writeHeader(out, '$', bytes.length);
        out.write(bytes);
        out.write(CRLF);
    }

    private static void writeHeader(OutputStream out, char type, int length) throws IOException {
        out.write(type);
        out.write(Integer.toString(length).getBytes(StandardCharsets.US_ASCII));
        out.write(CRLF);
    }
}
