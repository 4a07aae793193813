package io.redisarrow.core.internal.channel;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.redisarrow.core.RedisArrowException;
import reactor.core.publisher.Mono;

/**
 * Tells whether a server runs in cluster mode ({@code INFO cluster} answers
 * {@code cluster_enabled:1}). Reads do not support Redis Cluster yet: scanning one node would
 * silently return only the keys of its slots, so a session on a cluster node fails every read with
 * {@link #unsupported(String)} instead.
 */
public final class ClusterMode {

    private ClusterMode() {
    }

    /**
     * @param connection a connection to the server
     * @return whether cluster mode is on; false when the server does not allow INFO (an ACL or a
     *         renamed command), as a server that forbids it cannot be told apart
     */
    public static Mono<Boolean> enabled(StatefulRedisConnection<byte[], byte[]> connection) {
        return Mono.fromCompletionStage(() -> connection.async().info("cluster"))
                .map(info -> info.contains("cluster_enabled:1"))
                .onErrorResume(RedisCommandExecutionException.class, forbidden -> Mono.just(false));
    }

    /**
     * @param address {@code host:port}
     * @return the error of every read on a cluster node
     */
    public static RedisArrowException unsupported(String address) {
        return new RedisArrowException("Redis at " + address + " runs in cluster mode, and cluster mode is not"
                + " supported yet: reading this one node would return only the part of the data its hash slots"
                + " hold. Read from a standalone Redis (or a replica of one) instead");
    }
}
