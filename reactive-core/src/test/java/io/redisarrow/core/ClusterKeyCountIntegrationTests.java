package io.redisarrow.core;

import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import io.redisarrow.testing.ClusterNode;
import io.redisarrow.testing.LocalRedisCluster;
import io.redisarrow.testing.RedisClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RedisSession#keyCount()} on a real Redis Cluster: the keys of every master, each counted
 * once, whichever node's URL the session was given.
 */
@ExtendWith(RedisClusterExtension.class)
class ClusterKeyCountIntegrationTests {

    private static final int KEYS = 500;

    @Test
    void sumsEveryMastersKeysOnceFromAnyNode(LocalRedisCluster cluster) {
        cluster.flushAll();
        String prefix = "keycount:" + java.util.UUID.randomUUID() + ":";
        Set<ClusterNode> holders = new HashSet<>();
        RedisClusterClient client = RedisClusterClient.create(cluster.url());
        try (StatefulRedisClusterConnection<String, String> connection = client.connect()) {
            RedisAdvancedClusterCommands<String, String> sync = connection.sync();
            for (int i = 0; i < KEYS; i++) {
                String key = prefix + i;
                if (i % 2 == 0) {
                    sync.hset(key, Map.of("i", Integer.toString(i)));
                } else {
                    sync.set(key, Integer.toString(i));
                }
                holders.add(cluster.masterOf(cluster.slotOf(key.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            }
            assertThat(holders).as("the keys spread over every master").hasSize(cluster.masters().size());
            awaitReplicated(cluster);

            for (ClusterNode node : cluster.nodes()) {
                try (RedisSession session = RedisSession.create(ConnectionOptions.of(node.url()))) {
                    assertThat(session.keyCount().block())
                            .as("from %s (%s): masters only, replicas hold the same keys", node.url(),
                                    node.isMaster() ? "master" : "replica")
                            .isEqualTo(KEYS);
                }
            }
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            cluster.flushAll();
        }
    }

    /** Waits until each replica holds its master's keys, so that counting them too would show. */
    private static void awaitReplicated(LocalRedisCluster cluster) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (ClusterNode replica : cluster.replicas()) {
            io.lettuce.core.RedisClient one = io.lettuce.core.RedisClient.create(replica.url());
            try (var connection = one.connect()) {
                while (connection.sync().dbsize() == 0 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                assertThat(connection.sync().dbsize()).as("replica %s has its master's keys", replica.url()).isPositive();
            } finally {
                one.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            }
        }
    }
}
