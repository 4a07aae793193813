package io.redisarrow.arrow;

import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import io.redisarrow.testing.ClusterNode;
import io.redisarrow.testing.LocalRedisCluster;
import io.redisarrow.testing.RedisClusterExtension;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared fixture of the write tests on a real Redis Cluster ({@link RedisClusterExtension}): a
 * {@link RedisArrow} on the cluster, a Lettuce cluster connection that reads the keys back, a
 * unique key prefix per test, and an allocator per test that must be empty when the test ends.
 */
@ExtendWith(RedisClusterExtension.class)
abstract class ClusterWriteTestSupport {

    static LocalRedisCluster cluster;

    static RedisClusterClient client;

    static StatefulRedisClusterConnection<String, String> connection;

    static RedisAdvancedClusterCommands<String, String> redis;

    BufferAllocator allocator;

    RedisArrow arrow;

    String prefix;

    @BeforeAll
    static void connect(LocalRedisCluster localCluster) {
        cluster = localCluster;
        client = RedisClusterClient.create(cluster.url());
        connection = client.connect();
        redis = connection.sync();
    }

    @AfterAll
    static void disconnect() {
        connection.close();
        client.shutdown();
    }

    @BeforeEach
    void open() {
        client.refreshPartitions();
        allocator = new RootAllocator(Long.MAX_VALUE);
        arrow = RedisArrow.builder().url(cluster.url()).allocator(allocator).build();
        prefix = "cwrite:" + UUID.randomUUID() + ":";
    }

    @AfterEach
    void assertNothingLeaked() {
        arrow.close();
        assertThat(allocator.getAllocatedMemory()).as("Arrow memory left allocated").isZero();
        allocator.close();
    }

    RecordBatch batch(Schema schema, List<Object[]> rows) {
        return TestBatches.of(allocator, schema, rows);
    }

    /** @return the masters now serving the keys */
    static Set<ClusterNode> mastersOf(Collection<String> keys) {
        return keys.stream().map(key -> cluster.masterOf(SlotHash.getSlot(key.getBytes(StandardCharsets.UTF_8))))
                .collect(Collectors.toSet());
    }

    /** Asserts the keys are served by every master, so the write went to all of them. */
    static void assertSpanEveryMaster(Collection<String> keys) {
        assertThat(mastersOf(keys)).as("masters serving the keys").containsExactlyInAnyOrderElementsOf(cluster.masters());
    }
}
