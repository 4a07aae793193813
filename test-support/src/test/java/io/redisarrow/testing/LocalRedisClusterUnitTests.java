package io.redisarrow.testing;

import io.lettuce.core.cluster.models.partitions.ClusterPartitionParser;
import io.lettuce.core.cluster.models.partitions.Partitions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalRedisClusterUnitTests {

    @Test
    void theBuilderRefusesImpossibleClustersNamingTheArgument() {
        assertThatThrownBy(() -> LocalRedisCluster.builder().masters(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("masters").hasMessageContaining("was 2");
        assertThatThrownBy(() -> LocalRedisCluster.builder().replicasPerMaster(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replicasPerMaster")
                .hasMessageContaining("was -1");
        assertThatThrownBy(() -> LocalRedisCluster.builder().nodeTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nodeTimeout");
        assertThatThrownBy(() -> LocalRedisCluster.builder().startupTimeout(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("startupTimeout");
        assertThatThrownBy(() -> LocalRedisServer.builder().port(70000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port").hasMessageContaining("70000");
    }

    @Test
    void portsComeWithAFreeBusPortTenThousandAboveAndAreNeverHandedOutTwice() {
        ClusterPorts ports = new ClusterPorts();
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            int port = ports.next();
            assertThat(port + ClusterPorts.BUS_OFFSET).isLessThanOrEqualTo(65535);
            assertThat(used.add(port)).isTrue();
            assertThat(used.add(port + ClusterPorts.BUS_OFFSET)).isTrue();
        }
    }

    @Test
    void slotRangesAreWrittenCompactly() {
        assertThat(ClusterCheck.ranges(List.of(5, 0, 1, 2, 7, 8))).isEqualTo("0-2,5,7-8");
        assertThat(ClusterCheck.ranges(List.of())).isEmpty();
    }

    @Test
    void aSlotMapIgnoresSlotsInTransitAndMastersWithoutSlots() {
        Partitions view = ClusterPartitionParser.parse(String.join("\n",
                "aaa 127.0.0.1:7001@17001 myself,master - 0 0 1 connected 0-5460 [5461->-bbb]",
                "bbb 127.0.0.1:7002@17002 master - 0 0 2 connected 5461-16383",
                "ccc 127.0.0.1:7003@17003 slave aaa 0 0 1 connected",
                "ddd 127.0.0.1:7004@17004 master,fail - 0 0 3 disconnected") + "\n");
        assertThat(ClusterCheck.slotMap(view)).isEqualTo(Map.of("aaa", "0-5460", "bbb", "5461-16383"));
        assertThat(ClusterAdmin.myself(view).orElseThrow().getNodeId()).isEqualTo("aaa");
        assertThat(ClusterAdmin.isMaster(view.getPartitionByNodeId("ddd"))).isTrue();
        assertThat(ClusterAdmin.isMaster(view.getPartitionByNodeId("ccc"))).isFalse();
    }

    @Test
    void infoFieldsAreReadFromTheirLines() {
        assertThat(ClusterAdmin.fields("# Replication\r\nrole:slave\r\nmaster_link_status:up\r\n"))
                .containsExactly(Map.entry("role", "slave"), Map.entry("master_link_status", "up"));
    }

    @Test
    void theCliBesideTheServerBinaryIsPreferred(@TempDir Path dir) throws IOException {
        Path server = executable(dir.resolve("valkey-server"));
        Path cli = executable(dir.resolve("valkey-cli"));
        assertThat(RedisCli.find(server)).contains(cli);
        Files.delete(cli);
        assertThat(RedisCli.find(server)).isNotEqualTo(java.util.Optional.of(cli));
    }

    private static Path executable(Path file) throws IOException {
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
