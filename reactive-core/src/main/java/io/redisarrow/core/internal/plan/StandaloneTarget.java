package io.redisarrow.core.internal.plan;

import io.lettuce.core.api.StatefulRedisConnection;
import io.redisarrow.core.internal.channel.RedisEndpoint;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * The one node of a standalone read: the session's shared connection (which reconnects by itself
 * after a restart) for SCAN, and the session's endpoint for the fetch connection. Each attempt
 * reads the server's {@code run_id} again, so a restart is noticed.
 */
public final class StandaloneTarget implements NodeTarget {

    private final Mono<StatefulRedisConnection<byte[], byte[]>> connection;

    private final RedisEndpoint endpoint;

    private final Duration timeout;

    /**
     * @param connection the session's shared connection
     * @param endpoint where fetch connections connect
     * @param timeout the longest INFO may take
     */
    public StandaloneTarget(Mono<StatefulRedisConnection<byte[], byte[]>> connection, RedisEndpoint endpoint,
            Duration timeout) {
        this.connection = connection;
        this.endpoint = endpoint;
        this.timeout = timeout;
    }

    @Override
    public Mono<NodeAccess> resolve(boolean again) {
        return connection.flatMap(c -> RunIds.of(c, endpoint.address(), timeout)
                .map(runId -> new NodeAccess("", endpoint.address(), runId, "", c, endpoint)));
    }
}
