package io.redisarrow.arrow;

import io.lettuce.core.cluster.SlotHash;
import io.redisarrow.testing.ClusterNode;
import io.redisarrow.testing.PrivateCluster;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes to a Redis Cluster while one of its slots moves to another master (the harness'
 * {@code startMigration}, {@code migrateKeys}, {@code finishMigration}): no row is lost or written
 * twice, and every result counts all its rows written.
 */
@PrivateCluster(masters = 3, replicasPerMaster = 0)
class ClusterWriteMigrationIntegrationTests extends ClusterWriteTestSupport {

    static final ArrowType UTF8 = ArrowType.Utf8.INSTANCE;

    static final Schema ROWS = new Schema(List.of(Field.nullable("_key", UTF8), Field.nullable("v", UTF8)));

    @AfterEach
    void settle() {
        cluster.awaitSettled(Duration.ofSeconds(30));
    }

    /** @return keys of the slot of a hash tag of this test's, then keys spread over every master */
    List<String> keys(String tag, int inSlot, int elsewhere) {
        List<String> keys = new ArrayList<>(IntStream.range(0, inSlot).mapToObj(i -> tag + i).toList());
        keys.addAll(IntStream.range(0, elsewhere).mapToObj(i -> prefix + "other:" + i).toList());
        return keys;
    }

    RecordBatch rows(List<String> keys, String value) {
        return batch(ROWS, keys.stream().map(key -> new Object[] { key, value }).toList());
    }

    @Test
    void hashesReplacedStepByStepAsTheirSlotMoves() {
        String tag = "{" + prefix + "}";
        int slot = SlotHash.getSlot(tag.getBytes(StandardCharsets.UTF_8));
        ClusterNode from = cluster.masterOf(slot);
        ClusterNode to = cluster.masters().stream().filter(m -> !m.equals(from)).findFirst().orElseThrow();
        List<String> keys = keys(tag, 20, 30);
        assertSpanEveryMaster(keys);
        List<WriteResult> results = arrow.writeHashes(Flux.range(0, 4).map(step -> {
            if (step > 0) {
                assertThat(keys).allSatisfy(key -> assertThat(redis.hgetall(key)).isEqualTo(Map.of("v", "b" + (step - 1))));
            }
            if (step == 1) {
                cluster.startMigration(slot, from, to);
                cluster.migrateKeys(slot, from, to, 10);
            } else if (step == 2) {
                while (cluster.migrateKeys(slot, from, to, 100) > 0) {
                    // until every key of the slot has moved
                }
                cluster.finishMigration(slot, from, to);
                client.refreshPartitions();
            }
            return rows(keys, "b" + step);
        }), HashWrite.builder().mode(WriteMode.REPLACE).ttl(Duration.ofSeconds(300)).parallel(1).build())
                .collectList().block(Duration.ofSeconds(60));
        assertThat(results).hasSize(4).allSatisfy(result -> {
            assertThat(result.written()).isEqualTo(50);
            assertThat(result.failed()).isZero();
        });
        assertThat(cluster.masterOf(slot)).isEqualTo(to);
        assertThat(keys).allSatisfy(key -> {
            assertThat(redis.hgetall(key)).isEqualTo(Map.of("v", "b3"));
            assertThat(redis.pttl(key)).isBetween(290_000L, 300_000L);
        });
    }

    @Test
    void listsAppendedByManyBatchesInFlightAsTheirSlotMovesLoseNoElement() throws Exception {
        String tag = "{" + prefix + "}";
        int slot = SlotHash.getSlot(tag.getBytes(StandardCharsets.UTF_8));
        ClusterNode from = cluster.masterOf(slot);
        ClusterNode to = cluster.masters().stream().filter(m -> !m.equals(from)).findFirst().orElseThrow();
        List<String> keys = keys(tag, 30, 30);
        int batches = 200;
        CompletableFuture<Void> migration = new CompletableFuture<>();
        List<WriteResult> results = arrow.writeLists(Flux.range(0, batches).map(b -> {
            if (b == 20) {
                CompletableFuture.runAsync(() -> {
                    cluster.startMigration(slot, from, to);
                    while (cluster.migrateKeys(slot, from, to, 2) > 0) {
                        pause(5);
                    }
                    cluster.finishMigration(slot, from, to);
                }).whenComplete((done, failure) -> {
                    if (failure != null) {
                        migration.completeExceptionally(failure);
                    } else {
                        migration.complete(null);
                    }
                });
            }
            if (b > 20 && !migration.isDone()) {
                pause(3);
            }
            return rows(keys, Integer.toString(b));
        }), ListWrite.builder().elementColumn("v").ttl(Duration.ofSeconds(300)).parallel(4).build())
                .collectList().block(Duration.ofSeconds(120));
        migration.get();
        assertThat(results).hasSize(batches).allSatisfy(result -> {
            assertThat(result.written()).isEqualTo(keys.size());
            assertThat(result.failed()).isZero();
        });
        assertThat(cluster.masterOf(slot)).isEqualTo(to);
        client.refreshPartitions();
        List<String> expected = IntStream.range(0, batches).mapToObj(Integer::toString).sorted().toList();
        assertThat(keys).allSatisfy(key -> {
            assertThat(redis.lrange(key, 0, -1).stream().sorted().toList()).as(key).isEqualTo(expected);
            assertThat(redis.pttl(key)).isPositive();
        });
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
