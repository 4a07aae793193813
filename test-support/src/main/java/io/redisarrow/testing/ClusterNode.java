package io.redisarrow.testing;

import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;

import java.nio.file.Path;
import java.util.List;

/**
 * One node of a {@link LocalRedisCluster}: a {@code redis-server} process on 127.0.0.1 with its own
 * directory. Its role is not fixed: a replica becomes a master in a failover, a restarted old master
 * comes back as a replica. {@link #kill()}, {@link #stop()} and {@link #restart()} change what runs.
 */
public final class ClusterNode {

    private final LocalRedisCluster cluster;

    private final int port;

    private final int announcedPort;

    private final Path directory;

    private final String id;

    private volatile LocalRedisServer server;

    private volatile List<Integer> slotsWhenStopped = List.of();

    ClusterNode(LocalRedisCluster cluster, LocalRedisServer server, int announcedPort, Path directory, String id) {
        this.cluster = cluster;
        this.server = server;
        this.port = server.port();
        this.announcedPort = announcedPort;
        this.directory = directory;
        this.id = id;
    }

    /** @return {@code 127.0.0.1}, where the node listens */
    public String host() {
        return "127.0.0.1";
    }

    /** @return the port the node listens on */
    public int port() {
        return port;
    }

    /**
     * @return the port the node gives clients and the other nodes (in CLUSTER SLOTS, CLUSTER NODES and
     *         MOVED replies): {@link #port()}, unless {@link LocalRedisCluster.Builder#announcedPort} chose
     *         another, such as a proxy's
     */
    public int announcedPort() {
        return announcedPort;
    }

    /** @return {@code redis://127.0.0.1:<port>}, the node itself (not through an announced port) */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** @return the node's id in the cluster (40 hex characters, CLUSTER MYID), which a restart keeps */
    public String id() {
        return id;
    }

    /** @return whether its process runs */
    public boolean isAlive() {
        return server.isAlive();
    }

    /**
     * @return whether the node is a master now, from the flags of its line in CLUSTER NODES: as the node
     *         itself sees it when it runs, else as another running node does (where a node marked
     *         {@code fail} is no master); false when no node answers
     */
    public boolean isMaster() {
        if (isAlive()) {
            try {
                return ClusterAdmin.myself(cluster.admin().view(port)).map(ClusterAdmin::isMaster).orElse(false);
            } catch (RuntimeException stopped) {
                // ask the others
            }
        }
        for (ClusterNode other : cluster.nodes()) {
            if (other != this && other.isAlive()) {
                try {
                    RedisClusterNode line = cluster.admin().view(other.port()).getPartitionByNodeId(id);
                    return line != null && ClusterAdmin.isMaster(line) && !line.is(RedisClusterNode.NodeFlag.FAIL);
                } catch (RuntimeException down) {
                    // try the next one
                }
            }
        }
        return false;
    }

    /**
     * Kills the process with SIGKILL, as a crash would; its directory stays, so {@link #restart()} brings
     * the same node back. The other nodes notice after the node timeout; a killed master's replica is
     * then promoted ({@link LocalRedisCluster#waitForFailover}). Does nothing when it is not running.
     */
    public synchronized void kill() {
        if (isAlive()) {
            slotsWhenStopped = ownSlots();
            server.kill();
        }
    }

    /**
     * Stops the process gracefully (SHUTDOWN NOSAVE; its directory stays). Does nothing when it is not
     * running.
     */
    public synchronized void stop() {
        if (isAlive()) {
            slotsWhenStopped = ownSlots();
            server.close();
        }
    }

    /**
     * Starts the node again on the same port and directory (stopping it first when it runs): it rejoins
     * as the same node (same id), a replica when its slots went to another master meanwhile. Returns
     * once the cluster has settled again ({@link LocalRedisCluster#awaitSettled}).
     *
     * @throws IllegalStateException when it does not start, or the cluster does not settle in time
     */
    public synchronized void restart() {
        stop();
        server = cluster.launch(port, announcedPort, directory);
        cluster.awaitSettled(cluster.settleTimeout());
    }

    /** @return its directory (nodes.conf, redis.log), removed by {@link LocalRedisCluster#close()} */
    Path directory() {
        return directory;
    }

    /** @return the process as last started */
    LocalRedisServer server() {
        return server;
    }

    /** @return the slots it served when {@link #kill()} or {@link #stop()} last ended it */
    List<Integer> slotsWhenStopped() {
        return slotsWhenStopped;
    }

    /** Kills the process without asking it anything, for closing the cluster. */
    void killQuietly() {
        server.kill();
    }

    private List<Integer> ownSlots() {
        try {
            Partitions view = cluster.admin().view(port);
            return ClusterAdmin.myself(view).map(RedisClusterNode::getSlots).map(List::copyOf).orElse(List.of());
        } catch (RuntimeException notAnswering) {
            return List.of();
        }
    }

    /** @return {@code 127.0.0.1:<port> (<first 8 characters of the id>)} */
    @Override
    public String toString() {
        return "127.0.0.1:" + port + " (" + id.substring(0, Math.min(8, id.length())) + ")";
    }
}
