package io.redisarrow.benchmarks;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import java.util.ArrayList;
import java.util.List;

/**
 * The CPU time of each of several redis-server processes ({@code INFO cpu}, {@code used_cpu_user} +
 * {@code used_cpu_sys}, as {@link WritesDatabase#cpuSeconds()} reads it), over a connection of its own
 * to each node's own port, never through a proxy.
 */
final class NodeCpu implements AutoCloseable {

    private final List<RedisClient> clients = new ArrayList<>();

    private final List<StatefulRedisConnection<String, String>> connections = new ArrayList<>();

    /** @param urls the nodes, such as {@code redis://127.0.0.1:7000} */
    NodeCpu(List<String> urls) {
        try {
            for (String url : urls) {
                RedisClient client = RedisClient.create(url);
                clients.add(client);
                connections.add(client.connect());
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** @return how many nodes */
    int size() {
        return connections.size();
    }

    /** @return each node's CPU seconds so far, in the order of the URLs; NaN where INFO does not say */
    double[] seconds() {
        double[] seconds = new double[connections.size()];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = WritesDatabase.cpuSeconds(connections.get(i).sync().info("cpu"));
        }
        return seconds;
    }

    /** @return a server-cost probe of the first node, for {@link Measurement#run} */
    ServerCost firstNodeCost() {
        return new ServerCost(connections.get(0).sync());
    }

    @Override
    public void close() {
        connections.forEach(StatefulRedisConnection::close);
        clients.forEach(RedisClient::shutdown);
    }
}
