package io.redisarrow.testing;

import java.util.function.Supplier;

/**
 * The cluster test classes share: started on first use, emptied for each class, and replaced when a
 * class left it broken (a node down, or not settled).
 */
final class SharedCluster implements AutoCloseable {

    private final Supplier<LocalRedisCluster> factory;

    private LocalRedisCluster cluster;

    /** @param factory starts a cluster */
    SharedCluster(Supplier<LocalRedisCluster> factory) {
        this.factory = factory;
    }

    /** @return the cluster, started if need be */
    synchronized LocalRedisCluster current() {
        if (cluster == null) {
            cluster = factory.get();
        }
        return cluster;
    }

    /** Readies the cluster for the next class: a new one when it is broken, else the same one emptied. */
    synchronized void handOver() {
        if (cluster != null && (cluster.nodes().stream().anyMatch(node -> !node.isAlive())
                || ClusterCheck.problem(cluster.admin(), cluster.nodes(), 0).isPresent())) {
            cluster.close();
            cluster = null;
        }
        if (cluster == null) {
            current();
        } else {
            cluster.flushAll();
        }
    }

    @Override
    public synchronized void close() {
        if (cluster != null) {
            cluster.close();
        }
    }
}
