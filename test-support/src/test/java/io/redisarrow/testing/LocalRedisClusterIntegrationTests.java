package io.redisarrow.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Clusters built directly with {@link LocalRedisCluster#builder()}: announced ports, closing, failing. */
class LocalRedisClusterIntegrationTests {

    @Test
    void nodesAnnounceTheProxysPortsAndCloseRemovesProcessesAndDirectories() throws IOException {
        RedisClusterExtension.requireBinaries();
        Map<Integer, PortForwarder> proxies = new ConcurrentHashMap<>();
        LocalRedisCluster cluster = LocalRedisCluster.builder().replicasPerMaster(0).noModules()
                .announcedPort(port -> proxies.computeIfAbsent(port, PortForwarder::new).port()).start();
        List<ClusterNode> nodes = cluster.nodes();
        try {
            assertThat(nodes).hasSize(3);
            for (ClusterNode node : nodes) {
                PortForwarder proxy = proxies.get(node.port());
                assertThat(node.announcedPort()).isEqualTo(proxy.port()).isNotEqualTo(node.port());
                String view = on(node, c -> c.clusterNodes());
                assertThat(view).contains("127.0.0.1:" + proxy.port() + "@" + (node.port() + ClusterPorts.BUS_OFFSET)
                        + " myself,master");
                assertThat(view).doesNotContain(":" + node.port() + "@");
            }
            RedisClusterClient client = RedisClusterClient.create(RedisURI.create("127.0.0.1",
                    nodes.get(0).announcedPort()));
            try (StatefulRedisClusterConnection<String, String> connection = client.connect()) {
                for (int i = 0; i < 100; i++) {
                    connection.sync().set("proxied" + i, "v" + i);
                }
                for (int i = 0; i < 100; i++) {
                    assertThat(connection.sync().get("proxied" + i)).isEqualTo("v" + i);
                }
                assertThat(connection.getPartitions().stream().map(n -> n.getUri().getPort()))
                        .containsExactlyInAnyOrderElementsOf(nodes.stream().map(ClusterNode::announcedPort).toList());
            } finally {
                client.shutdown();
            }
            assertThat(proxies.values()).allMatch(proxy -> proxy.accepted() > 0);
            assertThat(cluster.masterOf(0).announcedPort()).isEqualTo(proxies.get(cluster.masterOf(0).port()).port());
        } finally {
            cluster.close();
            for (PortForwarder proxy : proxies.values()) {
                proxy.close();
            }
        }
        cluster.close();
        assertThat(nodes).noneMatch(ClusterNode::isAlive);
        assertThat(cluster.directory()).doesNotExist();
        for (ClusterNode node : nodes) {
            assertThat(node.directory()).doesNotExist();
            assertThat(accepts(node.port())).as("port %d", node.port()).isFalse();
            assertThat(accepts(node.port() + ClusterPorts.BUS_OFFSET)).isFalse();
        }
    }

    @Test
    void aNodeThatCannotStartIsAClearError() throws IOException {
        RedisClusterExtension.requireBinaries();
        Path notAModule = Files.createTempFile("not-a-module", ".so");
        try {
            assertThatThrownBy(() -> LocalRedisCluster.builder().modules(notAModule).start())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("exited with code")
                    .hasMessageContaining("--cluster-enabled yes");
        } finally {
            Files.delete(notAModule);
        }
    }

    @Test
    void anAnnouncedPortThatIsNoPortIsRefused() {
        RedisClusterExtension.requireBinaries();
        List<Integer> asked = new ArrayList<>();
        assertThatThrownBy(() -> LocalRedisCluster.builder().noModules().announcedPort(port -> {
            asked.add(port);
            return 0;
        }).start()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("announcedPort gave 0");
        assertThat(asked).isNotEmpty();
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static <T> T on(ClusterNode node, java.util.function.Function<io.lettuce.core.api.sync.RedisCommands<String, String>, T> command) {
        RedisClient client = RedisClient.create(node.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return command.apply(connection.sync());
        } finally {
            client.shutdown();
        }
    }
}
