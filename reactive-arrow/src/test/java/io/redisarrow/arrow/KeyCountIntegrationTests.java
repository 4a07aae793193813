package io.redisarrow.arrow;

import io.redisarrow.core.ScanCheckpoint;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link RedisArrow#keyCount()} on a standalone server: every key, an upper bound for a scan's keys. */
class KeyCountIntegrationTests extends ScanTestSupport {

    private static final Schema SCHEMA = new Schema(List.of(new Field("n", FieldType.nullable(new ArrowType.Utf8()), null)));

    @Test
    void countsEveryKeyAndBoundsTheKeysAScanDelivers() {
        loadHashes(300, i -> Map.of("n", Integer.toString(i)));
        for (int i = 0; i < 50; i++) {
            commands().set(bytes(prefix + "s" + i), bytes("x"));
        }
        try {
            long count = redis.keyCount().block();

            assertThat(count).isEqualTo(commands().dbsize());
            ScanCheckpoint last = redis.scanHashes(HashScan.builder().pattern(prefix + "*").schema(SCHEMA).batchSize(64).build())
                    .map(batch -> {
                        try (batch) {
                            return batch.checkpoint();
                        }
                    })
                    .blockLast();
            assertThat(last.keysDelivered()).as("the hashes at least, and not more than the database holds")
                    .isBetween(300L, count);
        } finally {
            List<byte[]> keys = commands().keys(prefix + "*");
            commands().del(keys.toArray(byte[][]::new));
        }
    }

    @Test
    void closedInstanceRefusesToCount() {
        redis.close();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> redis.keyCount().block())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
