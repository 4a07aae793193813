package io.redisarrow.benchmarks;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * The server time a scenario cost, from {@code INFO commandstats}: microseconds spent executing
 * commands, summed over all commands, reset before each scenario. This is Redis' own accounting;
 * it leaves out reading and writing sockets, which all scenarios pay alike per command.
 */
final class ServerCost implements AutoCloseable {

    private final RedisClient client;

    private final StatefulRedisConnection<String, String> connection;

    ServerCost(String url) {
        this.client = RedisClient.create(url);
        this.connection = client.connect();
    }

    void reset() {
        connection.sync().configResetstat();
    }

    /** @return microseconds Redis spent in commands since {@link #reset()}, excluding this class's own */
    long commandMicros() {
        long total = 0;
        for (String line : connection.sync().info("commandstats").split("\r?\n")) {
            if (!line.startsWith("cmdstat_") || line.startsWith("cmdstat_config") || line.startsWith("cmdstat_info")) {
                continue;
            }
            int at = line.indexOf("usec=");
            if (at >= 0) {
                total += Long.parseLong(line.substring(at + 5, line.indexOf(',', at)));
            }
        }
        return total;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
