package io.redisarrow.benchmarks;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.net.URI;

/**
 * The database the write scenario writes into: the one two after the run's (the hashes read live in
 * the run's, the JSON documents read in the next), so written keys never meet a reader's SCAN; the
 * types scenario loads its keys likewise into a database of its own ({@link TypesScenario#OFFSET}).
 * Between passes it deletes the scenario's keys by pattern (SCAN + UNLINK, never FLUSHDB, so a
 * database {@code REDIS_URL} points at keeps its other keys), and it reads the server's CPU time.
 */
final class WritesDatabase implements AutoCloseable {

    /** How many databases after the run's the writes go to. */
    static final int OFFSET = 2;

    private final String url;

    private final RedisClient client;

    private final StatefulRedisConnection<String, String> connection;

    /** @param runUrl the run's server and database */
    WritesDatabase(String runUrl) {
        this(runUrl, OFFSET);
    }

    /**
     * @param runUrl the run's server and database
     * @param offset how many databases after the run's
     */
    WritesDatabase(String runUrl, int offset) {
        this.url = url(runUrl, offset);
        this.client = RedisClient.create(url);
        this.connection = client.connect();
    }

    /**
     * @param runUrl the run's server and database
     * @return the same server, credentials and options, database {@value #OFFSET} after the run's
     */
    static String url(String runUrl) {
        return url(runUrl, OFFSET);
    }

    /**
     * @param runUrl the run's server and database
     * @param offset how many databases after the run's
     * @return the same server, credentials and options, database {@code offset} after the run's
     */
    static String url(String runUrl, int offset) {
        URI uri = URI.create(runUrl);
        return uri.getScheme() + "://" + uri.getRawAuthority() + "/" + (JsonLoader.database(runUrl) + offset)
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** @return the writes' server and database */
    String url() {
        return url;
    }

    /** @return a connection to it */
    RedisCommands<String, String> redis() {
        return connection.sync();
    }

    /** @return the keys in the writes' database */
    long dbsize() {
        return connection.sync().dbsize();
    }

    /**
     * Deletes every key matching a pattern, 10,000 per SCAN page and UNLINK.
     *
     * @param pattern such as {@code bench:w:*}
     * @return the keys deleted
     */
    long clear(String pattern) {
        return DataLoader.unlinkMatching(connection.sync(), pattern);
    }

    /**
     * @return the server process's CPU time so far in seconds (INFO cpu, {@code used_cpu_user} +
     *         {@code used_cpu_sys}), or NaN when INFO does not say
     */
    double cpuSeconds() {
        return cpuSeconds(connection.sync().info("cpu"));
    }

    /**
     * @param info the text of {@code INFO cpu}
     * @return {@code used_cpu_user} + {@code used_cpu_sys}, or NaN when either is missing
     */
    static double cpuSeconds(String info) {
        double user = Double.NaN;
        double sys = Double.NaN;
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("used_cpu_user:")) {
                user = Double.parseDouble(line.substring("used_cpu_user:".length()).trim());
            } else if (line.startsWith("used_cpu_sys:")) {
                sys = Double.parseDouble(line.substring("used_cpu_sys:".length()).trim());
            }
        }
        return user + sys;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
