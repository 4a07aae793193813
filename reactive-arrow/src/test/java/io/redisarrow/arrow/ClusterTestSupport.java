package io.redisarrow.arrow;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.redisarrow.testing.LocalRedisCluster;
import io.redisarrow.testing.RedisClusterExtension;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared fixture of the cluster tests: a real local Redis Cluster from {@link RedisClusterExtension}
 * (3 masters, 3 replicas), a Lettuce cluster client to load data, a key prefix per test (without a
 * hash tag, so keys spread over every master), and an allocator per test asserted empty after it.
 */
@ExtendWith(RedisClusterExtension.class)
abstract class ClusterTestSupport {

    static final Schema SCHEMA = new Schema(List.of(Field.nullable("name", new ArrowType.Utf8()),
            Field.nullable("age", new ArrowType.Int(64, true))));

    LocalRedisCluster cluster;

    RedisClusterClient loaderClient;

    StatefulRedisClusterConnection<String, String> loader;

    BufferAllocator allocator;

    String prefix;

    @BeforeEach
    void open(LocalRedisCluster redisCluster, TestInfo info) {
        cluster = redisCluster;
        loaderClient = RedisClusterClient.create(cluster.url());
        loader = loaderClient.connect();
        allocator = new RootAllocator(Long.MAX_VALUE);
        prefix = "c:" + info.getTestMethod().map(m -> m.getName()).orElse("test") + ":" + UUID.randomUUID() + ":";
    }

    @AfterEach
    void close() {
        try {
            assertThat(allocator.getAllocatedMemory()).as("Arrow memory left allocated").isZero();
            allocator.close();
        } finally {
            loader.close();
            loaderClient.shutdown();
        }
    }

    RedisArrow.Builder redis(String url) {
        return RedisArrow.builder().url(url).allocator(allocator);
    }

    /** Loads {@code count} hashes {@code prefix + i} with name and age, pipelined. */
    void loadHashes(int count) {
        loadHashes(prefix, count);
    }

    void loadHashes(String keyPrefix, int count) {
        List<RedisFuture<Long>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, String> fields = new HashMap<>();
            fields.put("name", "n" + i);
            fields.put("age", Integer.toString(i));
            pending.add(loader.async().hset(keyPrefix + i, fields));
            if (pending.size() == 2000) {
                pending.forEach(f -> f.toCompletableFuture().join());
                pending.clear();
            }
        }
        pending.forEach(f -> f.toCompletableFuture().join());
    }

    /** @return the keys of the batches, in order, closing each batch */
    static List<String> keys(Flux<RecordBatch> batches) {
        return batches.concatMapIterable(batch -> {
            try (batch) {
                VarCharVector keys = (VarCharVector) batch.root().getVector("_key");
                List<String> found = new ArrayList<>(batch.rowCount());
                for (int i = 0; i < batch.rowCount(); i++) {
                    found.add(new String(keys.get(i), StandardCharsets.UTF_8));
                }
                return found;
            }
        }).collectList().block(java.time.Duration.ofSeconds(120));
    }

    /** @return {@code prefix + i} for every i below count */
    List<String> expected(int count) {
        List<String> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            keys.add(prefix + i);
        }
        return keys;
    }
}
