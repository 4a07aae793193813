package io.redisarrow.core.internal.channel;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.api.StatefulRedisConnection;
import reactor.core.publisher.Mono;

/**
 * Tells whether a server runs in cluster mode ({@code INFO cluster} answers
 * {@code cluster_enabled:1}). A session on a cluster node then reads and writes the whole cluster
 * (see {@code core.internal.cluster}): scanning that one node would silently return only the keys
 * of its slots.
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
}
