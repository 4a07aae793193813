package io.redisarrow.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second class on the shared cluster: it gets the same cluster as the others, emptied of their keys
 * (each class leaves keys behind, so whichever runs second sees whether the extension emptied it).
 * Also how {@link SharedCluster} replaces a cluster a class left broken.
 */
@ExtendWith(RedisClusterExtension.class)
class SharedClusterIntegrationTests {

    private static LocalRedisCluster seen;

    private static long keysAtStart;

    @BeforeAll
    static void count(LocalRedisCluster cluster) {
        keysAtStart = keys(cluster);
    }

    @Test
    void getsTheRunsClusterEmptied(LocalRedisCluster cluster) {
        sameAsOtherClasses(cluster);
        assertThat(keysAtStart).isZero();
        RedisClusterClient client = RedisClusterClient.create(cluster.url());
        try (StatefulRedisClusterConnection<String, String> connection = client.connect()) {
            connection.sync().set(KeyPrefixes.next("left-behind"), "x");
        } finally {
            client.shutdown();
        }
    }

    @Test
    void aBrokenSharedClusterIsReplacedAndAHealthyOneKept() {
        RedisClusterExtension.requireBinaries();
        SharedCluster shared = new SharedCluster(
                () -> LocalRedisCluster.builder().replicasPerMaster(0).noModules().start());
        try {
            LocalRedisCluster first = shared.current();
            shared.handOver();
            assertThat(shared.current()).isSameAs(first);
            first.nodes().get(2).kill();
            shared.handOver();
            LocalRedisCluster second = shared.current();
            assertThat(second).isNotSameAs(first);
            assertThat(first.nodes()).noneMatch(ClusterNode::isAlive);
            assertThat(first.directory()).doesNotExist();
            second.awaitSettled(Duration.ofSeconds(1));
        } finally {
            shared.close();
        }
    }

    /** Fails when another class got another cluster than this one. */
    static synchronized void sameAsOtherClasses(LocalRedisCluster cluster) {
        if (seen == null) {
            seen = cluster;
        }
        assertThat(cluster).isSameAs(seen);
    }

    /** @return how many keys the cluster's masters hold */
    static long keys(LocalRedisCluster cluster) {
        long keys = 0;
        for (ClusterNode master : cluster.masters()) {
            RedisClient client = RedisClient.create(master.url());
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                keys += connection.sync().dbsize();
            } finally {
                client.shutdown();
            }
        }
        return keys;
    }
}
