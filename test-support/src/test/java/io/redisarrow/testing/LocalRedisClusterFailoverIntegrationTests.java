package io.redisarrow.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Failover and slot migration, on a cluster of this class's own. */
@ExtendWith(RedisClusterExtension.class)
@PrivateCluster
class LocalRedisClusterFailoverIntegrationTests {

    private static RedisClient client;

    private static final Map<Integer, StatefulRedisConnection<byte[], byte[]>> CONNECTIONS = new HashMap<>();

    @BeforeAll
    static void client() {
        client = RedisClient.create();
    }

    @AfterAll
    static void shutdown() {
        CONNECTIONS.values().forEach(StatefulRedisConnection::close);
        client.shutdown();
    }

    @Test
    void aKilledMastersReplicaIsPromotedAndTheOldMasterComesBackAsItsReplica(LocalRedisCluster cluster) {
        String key = KeyPrefixes.next("failover") + "k";
        int slot = cluster.slotOf(key.getBytes(StandardCharsets.UTF_8));
        ClusterNode master = cluster.masterOf(slot);
        List<ClusterNode> replicas = cluster.replicasOf(master);
        assertThat(replicas).hasSize(1);
        on(master).set(bytes(key), bytes("kept"));
        assertThat(on(master).waitForReplication(1, 5000)).isEqualTo(1);

        master.kill();
        assertThat(master.isAlive()).isFalse();
        assertThatThrownBy(() -> cluster.awaitSettled(Duration.ofMillis(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not running").hasMessageContaining("cluster_state:")
                .hasMessageContaining(master.toString());
        long started = System.nanoTime();
        ClusterNode promoted = cluster.waitForFailover(master, Duration.ofSeconds(30));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));

        assertThat(promoted).isSameAs(replicas.get(0));
        assertThat(promoted.isMaster()).isTrue();
        assertThat(master.isMaster()).isFalse();
        assertThat(cluster.masterOf(slot)).isSameAs(promoted);
        assertThat(cluster.masters()).hasSize(3).contains(promoted).doesNotContain(master);
        for (ClusterNode node : cluster.nodes()) {
            if (node.isAlive()) {
                assertThat(ClusterAdmin.fields(on(node).clusterInfo())).containsEntry("cluster_state", "ok");
            }
        }
        assertThat(readThroughTheCluster(cluster, key)).isEqualTo("kept");

        master.restart();
        assertThat(master.isAlive()).isTrue();
        assertThat(master.isMaster()).isFalse();
        assertThat(cluster.replicasOf(promoted)).containsExactly(master);
        assertThat(on(master).clusterMyId()).isEqualTo(master.id());
        assertThat(ClusterAdmin.fields(on(master).info("replication"))).containsEntry("master_link_status", "up");
        assertThatThrownBy(() -> cluster.waitForFailover(master, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is running");
    }

    @Test
    void migrateSlotMovesTheKeysAndTheSlot(LocalRedisCluster cluster) {
        String tag = "{" + KeyPrefixes.next("whole") + "}";
        List<byte[]> keys = keysInOneSlot(tag, 30);
        int slot = cluster.slotOf(keys.get(0));
        ClusterNode from = cluster.masterOf(slot);
        ClusterNode to = otherMaster(cluster, from);
        keys.forEach(k -> on(from).set(k, k));

        assertThat(cluster.migrateSlot(slot, from, to)).isEqualTo(keys.size());

        assertThat(cluster.masterOf(slot)).isSameAs(to);
        for (ClusterNode node : cluster.nodes()) {
            if (node.isAlive()) {
                assertThat(on(node).clusterNodes()).as(node.toString()).doesNotContain("->-", "-<-");
            }
        }
        assertThat(on(from).clusterCountKeysInSlot(slot)).isZero();
        assertThat(on(to).clusterCountKeysInSlot(slot)).isEqualTo(keys.size());
        for (byte[] key : keys) {
            assertThat(on(to).get(key)).isEqualTo(key);
        }
        assertThatThrownBy(() -> on(from).get(keys.get(0))).isInstanceOf(RedisCommandExecutionException.class)
                .hasMessageContaining("MOVED " + slot + " 127.0.0.1:" + to.port());
    }

    @Test
    void aSlotMovedStepByStepServesEveryKeyMidwayThroughAsk(LocalRedisCluster cluster) {
        String tag = "{" + KeyPrefixes.next("steps") + "}";
        List<byte[]> keys = keysInOneSlot(tag, 25);
        int slot = cluster.slotOf(keys.get(0));
        ClusterNode from = cluster.masterOf(slot);
        ClusterNode to = otherMaster(cluster, from);
        keys.forEach(k -> on(from).set(k, k));

        cluster.startMigration(slot, from, to);
        assertThat(on(to).clusterNodes()).contains("[" + slot + "-<-" + from.id() + "]");
        assertThat(on(from).clusterNodes()).contains("[" + slot + "->-" + to.id() + "]");
        assertThat(cluster.migrateKeys(slot, from, to, 10)).isEqualTo(10);
        assertThat(on(from).clusterCountKeysInSlot(slot)).isEqualTo(15);
        assertThat(on(to).clusterCountKeysInSlot(slot)).isEqualTo(10);
        assertThat(cluster.masterOf(slot)).isSameAs(from);
        RedisClusterClient clusterClient = RedisClusterClient.create(cluster.url());
        try (StatefulRedisClusterConnection<byte[], byte[]> connection = clusterClient.connect(ByteArrayCodec.INSTANCE)) {
            for (byte[] key : keys) {
                assertThat(connection.sync().get(key)).isEqualTo(key);
            }
        } finally {
            clusterClient.shutdown();
        }
        assertThatThrownBy(() -> cluster.migrateKeys(slot, from, to, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max").hasMessageContaining("0");

        int moved = 10;
        int batch;
        while ((batch = cluster.migrateKeys(slot, from, to, 10)) > 0) {
            moved += batch;
        }
        cluster.finishMigration(slot, from, to);

        assertThat(moved).isEqualTo(keys.size());
        assertThat(cluster.masterOf(slot)).isSameAs(to);
        assertThat(on(to).clusterCountKeysInSlot(slot)).isEqualTo(keys.size());
    }

    @Test
    void aStoppedReplicaComesBackAsTheSameReplica(LocalRedisCluster cluster) {
        ClusterNode replica = cluster.replicas().get(0);
        ClusterNode master = cluster.masters().stream().filter(m -> cluster.replicasOf(m).contains(replica))
                .findFirst().orElseThrow();

        replica.stop();
        assertThat(replica.isAlive()).isFalse();
        assertThat(cluster.replicas()).doesNotContain(replica);
        assertThatThrownBy(() -> cluster.waitForFailover(replica, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a master");

        replica.restart();
        assertThat(replica.isAlive()).isTrue();
        assertThat(replica.isMaster()).isFalse();
        assertThat(cluster.replicasOf(master)).contains(replica);
        assertThat(on(replica).clusterMyId()).isEqualTo(replica.id());
        assertThat(ClusterAdmin.fields(on(replica).info("replication"))).containsEntry("master_link_status", "up")
                .containsEntry("master_port", Integer.toString(master.port()));
    }

    @Test
    void migrationArgumentsAreChecked(LocalRedisCluster cluster) {
        ClusterNode master = cluster.masters().get(0);
        assertThatThrownBy(() -> cluster.startMigration(16384, master, otherMaster(cluster, master)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slot").hasMessageContaining("16384");
        assertThatThrownBy(() -> cluster.startMigration(1, master, master)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same node");
        assertThatThrownBy(() -> cluster.masterOf(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cluster.waitForFailover(cluster.replicas().get(0), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is running");
    }

    /** @return keys of one slot (a hash tag), one of them not UTF-8 */
    private static List<byte[]> keysInOneSlot(String tag, int count) {
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < count - 1; i++) {
            keys.add(bytes(tag + i));
        }
        byte[] binary = bytes(tag + "\0\0");
        binary[binary.length - 2] = (byte) 0xff;
        keys.add(binary);
        return keys;
    }

    private static ClusterNode otherMaster(LocalRedisCluster cluster, ClusterNode master) {
        return cluster.masters().stream().filter(node -> node != master).findFirst().orElseThrow();
    }

    private static String readThroughTheCluster(LocalRedisCluster cluster, String key) {
        RedisClusterClient clusterClient = RedisClusterClient.create(cluster.url());
        try (StatefulRedisClusterConnection<String, String> connection = clusterClient.connect()) {
            return connection.sync().get(key);
        } finally {
            clusterClient.shutdown();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** @return commands to the node alone, over a connection kept for the class (it reconnects after a restart) */
    private static RedisCommands<byte[], byte[]> on(ClusterNode node) {
        return CONNECTIONS.computeIfAbsent(node.port(),
                port -> client.connect(ByteArrayCodec.INSTANCE, RedisURI.create(node.url()))).sync();
    }
}
