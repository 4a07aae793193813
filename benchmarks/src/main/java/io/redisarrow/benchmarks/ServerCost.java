package io.redisarrow.benchmarks;

import io.lettuce.core.RedisException;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * The server time a scenario cost, from {@code INFO commandstats}: microseconds Redis spent
 * executing commands, summed over all commands, reset ({@code CONFIG RESETSTAT}) before a
 * scenario's measured passes. This is Redis' own accounting; it leaves out reading and writing
 * sockets, which every scenario pays alike per command.
 */
final class ServerCost {

    private final RedisCommands<String, String> redis;

    private boolean available = true;

    /** @param redis a connection to the measured server */
    ServerCost(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    /** Zeroes the server's statistics; where CONFIG is not allowed, the cost is unknown from now on. */
    void reset() {
        if (!available) {
            return;
        }
        try {
            redis.configResetstat();
        } catch (RedisException e) {
            available = false;
            Progress.say("server cost unknown: CONFIG RESETSTAT failed (%s)", e.getMessage());
        }
    }

    /**
     * @return microseconds Redis spent in commands since {@link #reset()}, leaving out CONFIG and
     *         INFO (this class's and the miss check's own), or -1 when unknown
     */
    long commandMicros() {
        if (!available) {
            return -1;
        }
        long total = 0;
        for (String line : redis.info("commandstats").split("\r?\n")) {
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

    /** @return bytes Redis sent to clients since {@link #reset()} (INFO stats), or -1 when unknown */
    long outputBytes() {
        if (!available) {
            return -1;
        }
        for (String line : redis.info("stats").split("\r?\n")) {
            if (line.startsWith("total_net_output_bytes:")) {
                return Long.parseLong(line.substring("total_net_output_bytes:".length()).trim());
            }
        }
        return -1;
    }
}
