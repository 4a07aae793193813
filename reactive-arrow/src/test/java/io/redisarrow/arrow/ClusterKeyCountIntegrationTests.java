package io.redisarrow.arrow;

import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.redisarrow.core.ScanCheckpoint;
import io.redisarrow.testing.ClusterNode;
import io.redisarrow.testing.LocalRedisCluster;
import io.redisarrow.testing.RedisClusterExtension;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RedisArrow#keyCount()} on a real Redis Cluster: the keys of every master, from the URL of
 * any node, against which a full scan's last checkpoint measures its progress.
 */
@ExtendWith(RedisClusterExtension.class)
class ClusterKeyCountIntegrationTests {

    private static final int HASHES = 400;

    private static final int STRINGS = 100;

    @Test
    void countsTheKeysOfEveryMasterAndBoundsAFullScan(LocalRedisCluster cluster) {
        cluster.flushAll();
        String prefix = "keycount:" + UUID.randomUUID() + ":";
        RedisClusterClient client = RedisClusterClient.create(cluster.url());
        try (StatefulRedisClusterConnection<String, String> connection = client.connect()) {
            for (int i = 0; i < HASHES; i++) {
                connection.sync().hset(prefix + i, Map.of("n", Integer.toString(i)));
            }
            for (int i = 0; i < STRINGS; i++) {
                connection.sync().set(prefix + "s" + i, "x");
            }
            ClusterNode last = cluster.masters().get(cluster.masters().size() - 1);
            try (RootAllocator allocator = new RootAllocator();
                    RedisArrow redis = RedisArrow.builder().url(last.url()).allocator(allocator).build()) {
                assertThat(redis.keyCount().block()).isEqualTo(HASHES + STRINGS);

                Schema schema = new Schema(List.of(new Field("n", FieldType.nullable(new ArrowType.Utf8()), null)));
                long[] rows = { 0 };
                ScanCheckpoint end = redis.scanHashes(HashScan.builder().pattern(prefix + "*").schema(schema).batchSize(50)
                        .build()).map(batch -> {
                            try (batch) {
                                rows[0] += batch.rowCount();
                                return batch.checkpoint();
                            }
                        }).blockLast();
                assertThat(rows[0]).isEqualTo(HASHES);
                assertThat(end.nodes()).as("one position per master").hasSize(cluster.masters().size());
                assertThat(end.keysDelivered()).isBetween((long) HASHES, (long) HASHES + STRINGS);
            }
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            cluster.flushAll();
        }
    }
}
