package io.redisarrow.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The run's shared cluster, as {@link RedisClusterExtension} hands it out. */
@ExtendWith(RedisClusterExtension.class)
class RedisClusterExtensionIntegrationTests {

    private static RedisClient client;

    private static final Map<Integer, StatefulRedisConnection<String, String>> CONNECTIONS = new HashMap<>();

    private static long keysAtStart;

    @BeforeAll
    static void client(LocalRedisCluster cluster) {
        client = RedisClient.create();
        keysAtStart = SharedClusterIntegrationTests.keys(cluster);
    }

    @AfterAll
    static void shutdown() {
        CONNECTIONS.values().forEach(StatefulRedisConnection::close);
        client.shutdown();
    }

    @Test
    void theClusterHasThreeMastersWithOneReplicaEach(LocalRedisCluster cluster) {
        assertThat(cluster.nodes()).hasSize(6);
        assertThat(cluster.masters()).hasSize(3).containsExactlyElementsOf(cluster.nodes().subList(0, 3));
        assertThat(cluster.replicas()).hasSize(3).containsExactlyElementsOf(cluster.nodes().subList(3, 6));
        assertThat(cluster.url()).isEqualTo(cluster.nodes().get(0).url());
        Set<ClusterNode> replicated = new HashSet<>();
        for (ClusterNode master : cluster.masters()) {
            List<ClusterNode> replicas = cluster.replicasOf(master);
            assertThat(replicas).hasSize(1);
            replicated.addAll(replicas);
            Map<String, String> replication = ClusterAdmin.fields(on(replicas.get(0)).info("replication"));
            assertThat(replication).containsEntry("role", "slave").containsEntry("master_link_status", "up")
                    .containsEntry("master_port", Integer.toString(master.port()));
        }
        assertThat(replicated).containsExactlyInAnyOrderElementsOf(cluster.replicas());
        for (ClusterNode node : cluster.nodes()) {
            assertThat(node.announcedPort()).isEqualTo(node.port());
            assertThat(node.id()).matches("[0-9a-f]{40}").isEqualTo(on(node).clusterMyId());
            assertThat(ClusterAdmin.fields(on(node).clusterInfo())).containsEntry("cluster_state", "ok")
                    .containsEntry("cluster_slots_assigned", "16384").containsEntry("cluster_known_nodes", "6");
            assertThat(on(node).clusterNodes()).contains("127.0.0.1:" + node.port() + "@"
                    + (node.port() + ClusterPorts.BUS_OFFSET) + " myself,");
            assertThat(on(node).configGet("cluster-node-timeout")).containsEntry("cluster-node-timeout", "1000");
            assertThat(on(node).configGet("save")).containsEntry("save", "");
            assertThat(on(node).configGet("appendonly")).containsEntry("appendonly", "no");
            assertThat(node.directory().resolve("nodes.conf")).exists();
        }
        assertThat(cluster.nodes().stream().map(ClusterNode::directory).distinct()).hasSize(6);
    }

    @Test
    void keysWrittenThroughAClusterClientSpreadOverEveryMasterAsSlotOfSays(LocalRedisCluster cluster) {
        String prefix = KeyPrefixes.next("spread");
        RedisClusterClient clusterClient = RedisClusterClient.create(cluster.url());
        try (StatefulRedisClusterConnection<String, String> connection = clusterClient.connect()) {
            for (int i = 0; i < 300; i++) {
                connection.sync().set(prefix + i, "v" + i);
            }
        } finally {
            clusterClient.shutdown();
        }
        Map<ClusterNode, Integer> perMaster = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            String key = prefix + i;
            int slot = cluster.slotOf(key.getBytes(StandardCharsets.UTF_8));
            assertThat(on(cluster.nodes().get(0)).clusterKeyslot(key)).isEqualTo(slot);
            ClusterNode owner = cluster.masterOf(slot);
            assertThat(on(owner).get(key)).isEqualTo("v" + i);
            perMaster.merge(owner, 1, Integer::sum);
        }
        assertThat(perMaster.keySet()).containsExactlyInAnyOrderElementsOf(cluster.masters());
        assertThat(perMaster.values()).allMatch(count -> count > 50);
    }

    @Test
    @SuppressWarnings("unchecked")
    void masterOfAgreesWithClusterSlotsOfEveryNode(LocalRedisCluster cluster) {
        for (ClusterNode asked : cluster.nodes()) {
            List<Object> ranges = on(asked).clusterSlots();
            int covered = 0;
            for (Object range : ranges) {
                List<Object> fields = (List<Object>) range;
                int from = ((Long) fields.get(0)).intValue();
                int to = ((Long) fields.get(1)).intValue();
                int port = ((Long) ((List<Object>) fields.get(2)).get(1)).intValue();
                for (int slot : new int[] { from, (from + to) / 2, to }) {
                    assertThat(cluster.masterOf(slot).port()).as("slot %d", slot).isEqualTo(port);
                }
                covered += to - from + 1;
            }
            assertThat(covered).isEqualTo(LocalRedisCluster.SLOTS);
        }
    }

    @Test
    @RequiresModule({ RedisModule.JSON, RedisModule.SEARCH })
    void everyNodeLoadsTheNamedModules(LocalRedisCluster cluster) {
        for (ClusterNode node : cluster.nodes()) {
            ServerFacts facts = facts(node);
            assertThat(facts.hasJson()).as(node.toString()).isTrue();
            assertThat(facts.hasSearch()).as(node.toString()).isTrue();
        }
    }

    @Test
    void flushAllEmptiesMastersAndReplicas(LocalRedisCluster cluster) {
        String prefix = KeyPrefixes.next("flush");
        long before = SharedClusterIntegrationTests.keys(cluster);
        for (ClusterNode master : cluster.masters()) {
            int i = 0;
            while (cluster.masterOf(cluster.slotOf((prefix + i).getBytes(StandardCharsets.UTF_8))) != master) {
                i++;
            }
            on(master).set(prefix + i, "x");
        }
        assertThat(SharedClusterIntegrationTests.keys(cluster)).isEqualTo(before + 3);
        cluster.flushAll();
        for (ClusterNode node : cluster.nodes()) {
            assertThat(on(node).dbsize()).as(node.toString()).isZero();
        }
    }

    @Test
    void theRunSharesOneClusterEmptiedForEachClass(LocalRedisCluster first, LocalRedisCluster second) {
        assertThat(first).isSameAs(second);
        SharedClusterIntegrationTests.sameAsOtherClasses(first);
        assertThat(keysAtStart).isZero();
    }

    private static ServerFacts facts(ClusterNode node) {
        try {
            return ServerFacts.read(node.host(), node.port(), null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** @return commands to the node alone, over a connection kept for the class */
    private static RedisCommands<String, String> on(ClusterNode node) {
        return CONNECTIONS.computeIfAbsent(node.port(), port -> client.connect(RedisURI.create(node.url()))).sync();
    }
}
