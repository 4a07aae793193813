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
 * key, DBSIZE, first and last keys agree). Also loads and deletes a range of them by index, for
 * scenarios that need fewer hashes for a while, and runs any other command stream through the
 * same pipe.
 */
final class DataLoader {

    /** Keys per UNLINK command when deleting a range. */
    private static final int UNLINK_KEYS = 1000;

    private static final byte[] CRLF = { '\r', '\n' };

    private static final byte[] HSET = "HSET".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] UNLINK = "UNLINK".getBytes(StandardCharsets.US_ASCII);

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
            long deleted = deleteOld(sync, BenchData.MARKER, BenchData.PATTERN);
            if (deleted > 0) {
                Progress.say("data: deleted %,d old %s keys", deleted, BenchData.PATTERN);
            }
            long start = System.nanoTime();
            pipeHashes(url, 0, n);
            mark(sync, n);
            Progress.say("data: loaded %,d hashes in %.1f s (redis-cli --pipe)", n, (System.nanoTime() - start) / 1e9);
        } finally {
            client.shutdown();
        }
    }

    /**
     * Loads hashes {@code from} to {@code to - 1}, the generator advanced past the ones before
     * {@code from} so each hash is the one {@link #ensureLoaded} writes. Leaves the marker alone.
     *
     * @param url the server
     * @param from the first hash's index
     * @param to one past the last hash's index
     */
    static void loadRange(String url, int from, int to) {
        if (from >= to) {
            return;
        }
        long start = System.nanoTime();
        pipeHashes(url, from, to);
        Progress.say("data: loaded hashes %,d to %,d (%,d) in %.1f s (redis-cli --pipe)", from, to - 1, to - from,
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * Deletes hashes {@code from} to {@code to - 1} by their names, {@value #UNLINK_KEYS} keys per
     * UNLINK through {@code redis-cli --pipe}, and the marker, since the data set is no longer whole.
     *
     * @param url the server
     * @param from the first hash's index
     * @param to one past the last hash's index
     * @return how many keys the database lost (DBSIZE before and after)
     */
    static long deleteRange(String url, int from, int to) {
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> sync = connection.sync();
            sync.del(BenchData.MARKER);
            if (from >= to) {
                return 0;
            }
            long before = sync.dbsize();
            long start = System.nanoTime();
            int commands = (to - from + UNLINK_KEYS - 1) / UNLINK_KEYS;
            pipe(url, commands, out -> {
                for (int first = from; first < to; first += UNLINK_KEYS) {
                    int last = Math.min(to, first + UNLINK_KEYS);
                    out.array(1 + last - first).bulk(UNLINK);
                    for (int i = first; i < last; i++) {
                        out.bulk(BenchData.key(i));
                    }
                }
            });
            long deleted = before - sync.dbsize();
            Progress.say("data: deleted hashes %,d to %,d (%,d keys gone) in %.1f s (UNLINK through redis-cli --pipe)",
                    from, to - 1, deleted, (System.nanoTime() - start) / 1e9);
            return deleted;
        } finally {
            client.shutdown();
        }
    }

    /**
     * Marks the server as holding exactly hashes 0 to {@code n - 1}, so the next run can reuse them.
     *
     * @param url the server
     * @param n how many hashes
     * @throws IllegalStateException when hash 0 or {@code n - 1} is missing or hash {@code n} exists
     */
    static void markLoaded(String url, int n) {
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> sync = connection.sync();
            if (sync.exists(BenchData.key(n)) != 0) {
                throw new IllegalStateException("cannot mark " + n + " hashes loaded: " + BenchData.key(n) + " exists");
            }
            mark(sync, n);
        } finally {
            client.shutdown();
        }
    }

    private static void mark(RedisCommands<String, String> sync, int n) {
        long found = sync.exists(BenchData.key(0), BenchData.key(n - 1L));
        if (found != 2) {
            throw new IllegalStateException(BenchData.key(0) + " or " + BenchData.key(n - 1L) + " is missing");
        }
        sync.set(BenchData.MARKER, BenchData.markerValue(n));
    }

    private static boolean isLoaded(RedisCommands<String, String> sync, int n) {
        return BenchData.markerValue(n).equals(sync.get(BenchData.MARKER)) && sync.dbsize() >= n + 1L
                && sync.exists(BenchData.key(0), BenchData.key(n - 1L)) == 2 && sync.exists(BenchData.key(n)) == 0;
    }

    /**
     * Deletes a data set: its marker first (so a half-deleted set is never taken for loaded), then
     * every key matching its pattern.
     *
     * @return the keys deleted
     */
    static long deleteOld(RedisCommands<String, String> sync, String marker, String pattern) {
        sync.del(marker);
        return unlinkMatching(sync, pattern);
    }

    /**
     * Deletes every key matching a pattern, 10,000 per SCAN page and UNLINK.
     *
     * @param sync a connection
     * @param pattern such as {@code bench:w:*}
     * @return the keys deleted
     */
    static long unlinkMatching(RedisCommands<String, String> sync, String pattern) {
        long deleted = 0;
        ScanArgs args = ScanArgs.Builder.matches(pattern).limit(10_000);
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

    private static void pipeHashes(String url, int from, int to) {
        BenchData.Generator generator = BenchData.generator();
        for (int i = 0; i < from; i++) {
            generator.next(i);
        }
        int n = to - from;
        pipe(url, n, out -> {
            for (int i = from; i < to; i++) {
                Map<String, String> user = generator.next(i);
                out.array(2 + 2 * user.size()).bulk(HSET).bulk(BenchData.key(i));
                for (Map.Entry<String, String> field : user.entrySet()) {
                    out.bulk(field.getKey()).bulk(field.getValue());
                }
                if ((i - from + 1) % 250_000 == 0 && i + 1 < to) {
                    Progress.say("data: loading %,d / %,d hashes", i - from + 1, n);
                }
            }
        });
    }

    /** Writes the commands of a {@link #pipe}. */
    @FunctionalInterface
    interface PipeWriter {

        void write(Resp out) throws IOException;
    }

    /**
     * Feeds commands in RESP to {@code redis-cli --pipe} and checks that every one was answered
     * without an error.
     *
     * @param url the server
     * @param commands how many commands {@code writer} writes
     * @param writer the commands
     * @throws IllegalStateException when redis-cli fails, stops reading, or reports an error or
     *         another number of replies
     */
    static void pipe(String url, long commands, PipeWriter writer) {
        List<String> command = RedisTools.command("redis-cli", url);
        command.add("--pipe");
        Process process = RedisTools.start(command);
        try (OutputStream out = new BufferedOutputStream(process.getOutputStream(), 1 << 16)) {
            writer.write(new Resp(out));
        } catch (IOException e) {
            List<String> output = new ArrayList<>();
            RedisTools.finish(process, output);
            throw new IllegalStateException("redis-cli --pipe stopped reading: " + String.join("\n", output), e);
        }
        List<String> output = new ArrayList<>();
        int exit = RedisTools.finish(process, output);
        String summary = output.isEmpty() ? "" : output.get(output.size() - 1);
        if (exit != 0 || !summary.equals("errors: 0, replies: " + commands)) {
            throw new IllegalStateException("redis-cli --pipe (exit " + exit + ") failed:\n" + String.join("\n", output));
        }
    }

    /** RESP request writer: an array header, then its bulk strings. */
    static final class Resp {

        private final OutputStream out;

        /** @param out where the commands go */
        Resp(OutputStream out) {
            this.out = out;
        }

        /** Writes commands encoded beforehand, as they are. */
        Resp raw(byte[] commands) throws IOException {
            out.write(commands);
            return this;
        }

        /** Starts a command of {@code parts} bulk strings, its name included. */
        Resp array(int parts) throws IOException {
            header('*', parts);
            return this;
        }

        Resp bulk(byte[] bytes) throws IOException {
            header('$', bytes.length);
            out.write(bytes);
            out.write(CRLF);
            return this;
        }

        Resp bulk(String text) throws IOException {
            return bulk(text.getBytes(StandardCharsets.UTF_8));
        }

        private void header(char type, int length) throws IOException {
            out.write(type);
            out.write(Integer.toString(length).getBytes(StandardCharsets.US_ASCII));
            out.write(CRLF);
        }
    }
}
