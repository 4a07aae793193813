package io.redisarrow.testing;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.models.partitions.ClusterPartitionParser;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.codec.ByteArrayCodec;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Admin commands to single cluster nodes on loopback, over Lettuce with a byte-array codec (so keys
 * of any bytes survive GETKEYSINSLOT and MIGRATE): one short-lived connection per call, which fails
 * at once instead of waiting when the node is down.
 */
final class ClusterAdmin implements AutoCloseable {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

    private final RedisClient client;

    ClusterAdmin() {
        this.client = RedisClient.create();
        client.setOptions(ClientOptions.builder().autoReconnect(false)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).build())
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT)).build());
    }

    /**
     * @param port the node's port on 127.0.0.1
     * @param command what to run on it
     * @param <T> the result
     * @return what the command returned
     * @throws io.lettuce.core.RedisException when the node does not answer or refuses the command
     */
    <T> T on(int port, Function<RedisCommands<byte[], byte[]>, T> command) {
        RedisURI uri = RedisURI.builder().withHost("127.0.0.1").withPort(port).withTimeout(COMMAND_TIMEOUT).build();
        try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE, uri)) {
            return command.apply(connection.sync());
        }
    }

    /** @return the node's CLUSTER NODES, parsed */
    Partitions view(int port) {
        String nodes = on(port, RedisCommands::clusterNodes);
        return ClusterPartitionParser.parse(nodes);
    }

    /** @return the node's CLUSTER INFO fields */
    Map<String, String> clusterInfo(int port) {
        return fields(on(port, RedisCommands::clusterInfo));
    }

    /** @return the node's INFO replication fields */
    Map<String, String> replication(int port) {
        return fields(on(port, commands -> commands.info("replication")));
    }

    /** @return the line of a view that is the node that gave it */
    static Optional<RedisClusterNode> myself(Partitions view) {
        return view.stream().filter(node -> node.is(RedisClusterNode.NodeFlag.MYSELF)).findFirst();
    }

    /** @return whether a line of CLUSTER NODES is a master's */
    @SuppressWarnings("deprecation")
    static boolean isMaster(RedisClusterNode node) {
        return node.is(RedisClusterNode.NodeFlag.UPSTREAM) || node.is(RedisClusterNode.NodeFlag.MASTER);
    }

    /** @return the {@code name:value} lines of an INFO-like reply */
    static Map<String, String> fields(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return fields;
    }

    @Override
    public void close() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
