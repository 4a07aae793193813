package io.redisarrow.core.internal.plan;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.redisarrow.core.internal.channel.SharedCommands;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Reads a server's {@code run_id} ({@code INFO server}), which changes when the process restarts.
 * A SCAN cursor means something only in the process that gave it: Redis hashes keys with a seed
 * drawn at start-up, so after a restart (or on another node, after a failover) the same cursor
 * points elsewhere in the keyspace.
 */
public final class RunIds {

    private RunIds() {
    }

    /**
     * @param connection a connection to the server
     * @param address {@code host:port}, for messages
     * @param timeout the longest the command may take
     * @return the run id, or empty when the server does not allow INFO
     */
    public static Mono<String> of(StatefulRedisConnection<byte[], byte[]> connection, String address,
            Duration timeout) {
        return SharedCommands.bounded(Mono.fromCompletionStage(() -> connection.async().info("server")), "INFO server",
                address, timeout, e -> e)
                .map(RunIds::parse)
                .onErrorResume(RedisCommandExecutionException.class, forbidden -> Mono.just(""));
    }

    static String parse(String info) {
        int at = info.indexOf("run_id:");
        if (at < 0) {
            return "";
        }
        int end = info.indexOf('\r', at);
        if (end < 0) {
            end = info.indexOf('\n', at);
        }
        return (end < 0 ? info.substring(at + 7) : info.substring(at + 7, end)).trim();
    }
}
