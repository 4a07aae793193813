package io.redisarrow.arrow;

import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RedisArrow#scanSets(SetScan)} against a real server: the shared behaviours of
 * {@link CollectionScanContract}, and the set's own.
 */
class SetScanIntegrationTests extends CollectionScanContract<SetScan.Builder> {

    @Override
    SetScan.Builder builder() {
        return SetScan.builder();
    }

    @Override
    Flux<RecordBatch> scan(SetScan.Builder builder) {
        return redis.scanSets(builder.build());
    }

    @Override
    Schema batchSchema(SetScan.Builder builder) {
        return builder.build().batchSchema();
    }

    @Override
    void add(byte[] key, List<byte[]> elements) {
        commands().sadd(key, elements.toArray(new byte[0][]));
    }

    @Override
    void removeAll(byte[] key) {
        commands().srem(key, commands().smembers(key).toArray(new byte[0][]));
    }

    @Override
    boolean ordered() {
        return false;
    }

    @Override
    String elementColumn() {
        return SetScan.DEFAULT_MEMBER_COLUMN;
    }

    @Test
    void readsOneRowPerMemberIntoAUtf8MemberColumnByDefault() {
        add(prefix + "a", "x", "y", "z");
        add(prefix + "b", "x");
        SetScan scan = SetScan.builder().pattern(prefix + "*").build();
        assertThat(scan.batchSchema()).isEqualTo(new Schema(List.of(
                new Field("_key", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null),
                new Field("member", FieldType.nullable(ArrowType.Utf8.INSTANCE), null))));
        List<Map<String, Object>> rows = rows(redis.scanSets(scan));
        assertThat(rows).containsExactlyInAnyOrder(Map.of("_key", prefix + "a", "member", "x"),
                Map.of("_key", prefix + "a", "member", "y"), Map.of("_key", prefix + "a", "member", "z"),
                Map.of("_key", prefix + "b", "member", "x"));
    }

    @Test
    void oneRowPerKeyMakesTheMemberColumnAListOfItsType() {
        add(prefix + "a", "1", "2", "3");
        SetScan scan = SetScan.builder().pattern(prefix + "*").schema(schemaOf("n", INT64)).oneRowPerKey().noKeyColumn()
                .build();
        assertThat(scan.oneRowPerKey()).isTrue();
        assertThat(scan.batchSchema()).isEqualTo(new Schema(List.of(new Field("n",
                FieldType.notNullable(ArrowType.List.INSTANCE), List.of(field("item", INT64))))));
        List<Map<String, Object>> rows = rows(redis.scanSets(scan));
        assertThat(rows).hasSize(1);
        assertThat(new ArrayList<Object>((List<?>) rows.get(0).get("n"))).containsExactlyInAnyOrder(1L, 2L, 3L);
    }

    @Test
    void aSetThatGrowsDuringItsReadStillComesInBatchesOfAtMostBatchSize() {
        add(prefix + "big", numbered("e", 1000));
        java.util.concurrent.atomic.AtomicBoolean grown = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.Set<Object> seen = new java.util.HashSet<>();
        forEachBatch(scan(all().batchSize(100).parallel(1)), batch -> {
            assertThat(batch.rowCount()).isLessThanOrEqualTo(100);
            Rows.of(batch.root()).forEach(row -> seen.add(row.get("member")));
            if (grown.compareAndSet(false, true)) {
                add(prefix + "big", numbered("grown", 5000));
            }
        });
        // SSCAN: every member present for the whole read comes at least once
        assertThat(seen).containsAll(numbered("e", 1000));
    }
}
