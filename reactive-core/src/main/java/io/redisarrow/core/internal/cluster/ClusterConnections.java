package io.redisarrow.core.internal.cluster;

import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.resource.ClientResources;
import io.netty.channel.EventLoopGroup;
import io.redisarrow.core.RedisArrowException;
import io.redisarrow.core.internal.channel.ConnectionErrors;
import io.redisarrow.core.internal.channel.RedisEndpoint;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A session's way into a Redis Cluster: Lettuce's cluster client, which reads the topology
 * ({@code CLUSTER NODES}) from the node of the URL and keeps one connection per node for SCAN and
 * other commands, and one {@link RedisEndpoint} per node for the reads' own fetch connections
 * (same credentials and TLS as the URL; {@code READONLY} for replicas). Made once per session when
 * its URL turns out to be a cluster node; thread-safe.
 */
public final class ClusterConnections implements AutoCloseable {

    private final RedisClusterClient client;

    private final RedisURI seed;

    private final Duration connectTimeout;

    private final Duration commandTimeout;

    private final EventLoopGroup loops;

    private final Mono<StatefulRedisClusterConnection<byte[], byte[]>> connection;

    private final AtomicReference<StatefulRedisClusterConnection<byte[], byte[]>> open = new AtomicReference<>();

    private final ConcurrentMap<String, RedisEndpoint> endpoints = new ConcurrentHashMap<>();

    /**
     * @param resources the session's Lettuce resources
     * @param seed the URL of the node the session was given
     * @param connectTimeout bounds each connection's set-up
     * @param commandTimeout bounds each command
     * @param loops the event loops of the fetch connections
     */
    public ClusterConnections(ClientResources resources, RedisURI seed, Duration connectTimeout,
            Duration commandTimeout, EventLoopGroup loops) {
        this.seed = RedisURI.builder(seed).build();
        this.seed.setTimeout(connectTimeout);
        this.connectTimeout = connectTimeout;
        this.commandTimeout = commandTimeout;
        this.loops = loops;
        this.client = RedisClusterClient.create(resources, this.seed);
        this.client.setOptions(ClusterClientOptions.builder()
                .protocolVersion(ProtocolVersion.RESP2)
                .disconnectedBehavior(ClusterClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.builder().build())
                .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).keepAlive(true).build())
                .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                        .enableAllAdaptiveRefreshTriggers()
                        .build())
                .validateClusterNodeMembership(false)
                .build());
        this.connection = Mono.defer(() -> Mono.fromCompletionStage(client.refreshPartitionsAsync()))
                .then(Mono.defer(() -> Mono.fromCompletionStage(client.connectAsync(ByteArrayCodec.INSTANCE))))
                .doOnNext(c -> {
                    c.setTimeout(commandTimeout);
                    open.set(c);
                })
                .onErrorMap(e -> ConnectionErrors.explain(address(), 0, connectTimeout, e))
                .cache(value -> Duration.ofMillis(Long.MAX_VALUE), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    /** @return {@code host:port} of the node the session was given */
    public String address() {
        return seed.getHost() + ":" + seed.getPort();
    }

    /** @return the topology as Lettuce last read it, connecting first if needed */
    public Mono<ClusterTopology> topology() {
        return connection.map(c -> ClusterTopology.of(c.getPartitions()));
    }

    /**
     * @param doing what the caller is about to do, for the message ({@code scan}, {@code sample})
     * @return the topology as Lettuce last read it, or a {@link RedisArrowException} when some
     *         hash slot is served by no master (the cluster is down or failing over), since reading
     *         the masters then would miss those slots' keys
     */
    public Mono<ClusterTopology> servedTopology(String doing) {
        return topology().flatMap(topology -> topology.unserved().isEmpty() ? Mono.just(topology)
                : Mono.error(new RedisArrowException("the Redis Cluster at " + address() + " serves no hash slot "
                        + topology.unserved() + ": it is down or failing over; " + doing + " it once CLUSTER INFO"
                        + " says cluster_state:ok")));
    }

    /**
     * Reads the topology again (after a failover or a slot migration).
     *
     * @return the fresh topology
     */
    public Mono<ClusterTopology> refresh() {
        return connection.flatMap(c -> Mono.fromCompletionStage(client.refreshPartitionsAsync()))
                .then(topology());
    }

    /**
     * @param node a node of the topology
     * @return Lettuce's connection to it, for SCAN and other commands
     */
    public Mono<StatefulRedisConnection<byte[], byte[]>> node(ClusterNode node) {
        return connection.flatMap(c -> Mono.fromCompletionStage(c.getConnectionAsync(node.host(), node.port())))
                .doOnNext(c -> c.setTimeout(commandTimeout));
    }

    /**
     * @param node a node of the topology
     * @param replica whether it is a replica read from (its channels send {@code READONLY})
     * @return where the reads' own fetch connections to it connect
     */
    public RedisEndpoint endpoint(ClusterNode node, boolean replica) {
        return endpoints.computeIfAbsent(node.address() + (replica ? "/ro" : ""), key -> {
            RedisURI uri = RedisURI.builder(seed).withHost(node.host()).withPort(node.port()).withDatabase(0).build();
            return new RedisEndpoint(uri, connectTimeout, loops, replica);
        });
    }

    @Override
    public void close() {
        StatefulRedisClusterConnection<byte[], byte[]> c = open.getAndSet(null);
        if (c != null) {
            c.close();
        }
        client.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
