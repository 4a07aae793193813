package io.redisarrow.benchmarks;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.redisarrow.benchmarks.json.JsonDocs;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Loads the {@link JsonDocs} documents as fast as the server takes them, by feeding
 * {@code JSON.SET key $ <document>} commands in RESP to {@code redis-cli --pipe}, unless the
 * server already holds exactly this data set (marker key, DBSIZE, first and last keys agree, as
 * {@link DataLoader} checks for the hashes). The documents live in a database of their own, the one
 * after the run's ({@link #documentsUrl(String)}), so neither data set's SCAN walks the other's keys.
 */
final class JsonLoader {

    private static final byte[] JSON_SET = "JSON.SET".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] ROOT = { '$' };

    private JsonLoader() {
    }

    /**
     * @param url the run's server and database, {@code redis://[[user]:password@]host[:port][/database][?...]}
     * @return the same server, credentials and options, with the next database: where the documents live
     * @throws IllegalArgumentException when the URL's database is not a number
     */
    static String documentsUrl(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority() + "/" + (database(url) + 1)
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /**
     * @param url a Redis URL
     * @return the database it names, 0 when none
     * @throws IllegalArgumentException when the URL's database is not a number
     */
    static int database(String url) {
        String path = URI.create(url).getRawPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return 0;
        }
        try {
            return Integer.parseInt(path.substring(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("url must name its database as a number, not '" + path + "'", e);
        }
    }

    /**
     * @param redis a connection to the server
     * @return whether the server knows {@code JSON.GET} (a JSON module is loaded)
     */
    static boolean jsonAvailable(RedisCommands<String, String> redis) {
        List<Object> info = redis.commandInfo("JSON.GET");
        return info.stream().anyMatch(Objects::nonNull);
    }

    /**
     * @param url the documents' server and database ({@link #documentsUrl(String)})
     * @param n how many documents
     * @param reuse whether data left by an earlier run with the same N may be kept
     */
    static void ensureLoaded(String url, int n, boolean reuse) {
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> sync = connection.sync();
            if (reuse && isLoaded(sync, n)) {
                Progress.say("json data: %,d documents already loaded (marker, DBSIZE %,d); --reuse false reloads", n,
                        sync.dbsize());
                return;
            }
            long deleted = DataLoader.deleteOld(sync, JsonDocs.MARKER, JsonDocs.PATTERN);
            if (deleted > 0) {
                Progress.say("json data: deleted %,d old %s keys", deleted, JsonDocs.PATTERN);
            }
            long memoryBefore = usedMemory(sync);
            long start = System.nanoTime();
            pipeDocuments(url, n);
            long found = sync.exists(JsonDocs.key(0), JsonDocs.key(n - 1L));
            if (found != 2) {
                throw new IllegalStateException(JsonDocs.key(0) + " or " + JsonDocs.key(n - 1L) + " is missing");
            }
            sync.set(JsonDocs.MARKER, JsonDocs.markerValue(n));
            Progress.say("json data: loaded %,d documents in %.1f s (redis-cli --pipe); Redis' used memory grew by"
                    + " %,.0f bytes per document", n, (System.nanoTime() - start) / 1e9,
                    (usedMemory(sync) - memoryBefore) / (double) n);
        } finally {
            client.shutdown();
        }
    }

    private static boolean isLoaded(RedisCommands<String, String> sync, int n) {
        return JsonDocs.markerValue(n).equals(sync.get(JsonDocs.MARKER)) && sync.dbsize() >= n + 1L
                && sync.exists(JsonDocs.key(0), JsonDocs.key(n - 1L)) == 2 && sync.exists(JsonDocs.key(n)) == 0;
    }

    private static void pipeDocuments(String url, int n) {
        JsonDocs.Generator generator = JsonDocs.generator();
        DataLoader.pipe(url, n, out -> {
            for (int i = 0; i < n; i++) {
                out.array(4).bulk(JSON_SET).bulk(JsonDocs.key(i)).bulk(ROOT).bulk(generator.next(i));
                if ((i + 1) % 250_000 == 0 && i + 1 < n) {
                    Progress.say("json data: loading %,d / %,d documents", i + 1, n);
                }
            }
        });
    }

    private static long usedMemory(RedisCommands<String, String> sync) {
        for (String line : sync.info("memory").split("\r?\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()).trim());
            }
        }
        return -1;
    }
}
