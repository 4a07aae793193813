package io.redisarrow.arrow;

import io.lettuce.core.RedisFuture;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cluster scan of far more data than the Arrow allocator's limit and the test JVM's heap (this
 * class runs in the {@code -Xmx160m} JVM, see the pom) through a slow subscriber: with every
 * master scanned at once, what the library holds is bounded per master and per batch, not by the
 * keyspace.
 */
class ClusterBoundedMemoryIntegrationTests extends ClusterTestSupport {

    static final int KEYS = 3000;

    static final int VALUE_BYTES = 100 * 1024;

    static final long DATA_BYTES = (long) KEYS * VALUE_BYTES;

    static final long ALLOCATOR_LIMIT = 24L * 1024 * 1024;

    static final Schema PAYLOAD = new Schema(List.of(
            new Field("payload", FieldType.nullable(ArrowType.Binary.INSTANCE), null)));

    @Test
    @Timeout(300)
    void scansFarMoreThanTheHeapFromEveryMasterThroughASlowSubscriber() {
        load();
        assertThat(DATA_BYTES).isGreaterThan(4 * ALLOCATOR_LIMIT).isGreaterThan(Runtime.getRuntime().maxMemory());
        try (BufferAllocator limited = allocator.newChildAllocator("bounded", 0, ALLOCATOR_LIMIT);
                RedisArrow capped = RedisArrow.builder().url(cluster.url()).allocator(limited).build()) {
            SlowDrain.Totals seen = SlowDrain.drain(capped.scanHashes(HashScan.builder().pattern(prefix + "*")
                    .schema(PAYLOAD).batchSize(20).parallel(2).build()), batch -> { });
            assertThat(seen.rows()).isEqualTo(KEYS);
            assertThat(seen.bytes()).isGreaterThan(DATA_BYTES);
            assertThat(limited.getPeakMemoryAllocation()).as("peak Arrow bytes held")
                    .isLessThanOrEqualTo(4 * seen.largestBatch());
            assertThat(limited.getAllocatedMemory()).isZero();
        } finally {
            for (int from = 0; from < KEYS; from += 500) {
                List<String> keys = new ArrayList<>();
                for (int i = from; i < Math.min(KEYS, from + 500); i++) {
                    keys.add(prefix + i);
                }
                keys.forEach(key -> loader.async().del(key));
            }
        }
    }

    private void load() {
        List<RedisFuture<Boolean>> pending = new ArrayList<>();
        var bytesLoader = loaderClient.connect(io.lettuce.core.codec.ByteArrayCodec.INSTANCE);
        try {
            for (int i = 0; i < KEYS; i++) {
                byte[] value = new byte[VALUE_BYTES];
                Arrays.fill(value, (byte) ('a' + i % 26));
                pending.add(bytesLoader.async().hset((prefix + i).getBytes(), "payload".getBytes(), value));
                if (pending.size() == 50) {
                    pending.forEach(f -> f.toCompletableFuture().join());
                    pending.clear();
                }
            }
            pending.forEach(f -> f.toCompletableFuture().join());
        } finally {
            bytesLoader.close();
        }
    }
}
