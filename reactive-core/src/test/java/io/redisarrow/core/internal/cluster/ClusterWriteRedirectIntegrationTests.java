package io.redisarrow.core.internal.cluster;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.redisarrow.core.ConnectionOptions;
import io.redisarrow.core.RetryPolicy;
import io.redisarrow.core.WriteOutcome;
import io.redisarrow.core.WriteReply;
import io.redisarrow.core.WriteRequest;
import io.redisarrow.core.WriteScript;
import io.redisarrow.core.internal.cluster.CommandItems.Item;
import io.redisarrow.core.internal.cluster.CommandItems.Unit;
import io.redisarrow.testing.ClusterNode;
import io.redisarrow.testing.PrivateCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes to a Redis Cluster whose slots move or go unserved during the write: keys answered
 * {@code ASK} or {@code MOVED} are sent to the node named, keys refused with {@code CLUSTERDOWN}
 * are sent again after a backoff, none is lost or written twice, and a key redirected a second
 * time is a failure of its outcome.
 */
@PrivateCluster(masters = 3, replicasPerMaster = 0)
class ClusterWriteRedirectIntegrationTests extends ClusterSessionTestSupport {

    @Override
    String keyPrefix() {
        return "redirect:";
    }

    @Override
    ConnectionOptions.Builder options(ConnectionOptions.Builder builder) {
        return builder.retry(RetryPolicy.of(60, Duration.ofMillis(50), Duration.ofMillis(200)));
    }

    @BeforeEach
    void refreshTopology() {
        client.refreshPartitions();
    }

    @AfterEach
    void awaitSettled() {
        cluster.awaitSettled(Duration.ofSeconds(30));
    }

    Flux<WriteOutcome> write(Flux<Item> input, int parallel) {
        return session.write(input, items, new WriteRequest(parallel, Schedulers.parallel(), Set.of(WriteScript.APPLY),
                null));
    }

    static <T> T on(ClusterNode node, Function<RedisCommands<String, String>, T> call) {
        RedisClient direct = RedisClient.create(node.url());
        try (StatefulRedisConnection<String, String> c = direct.connect()) {
            return call.apply(c.sync());
        } finally {
            direct.shutdown();
        }
    }

    static long errors(ClusterNode node, String code) {
        String stats = on(node, c -> c.info("errorstats"));
        return stats.lines().filter(line -> line.startsWith("errorstat_" + code + ":count=")).findFirst()
                .map(line -> Long.parseLong(line.substring(line.indexOf('=') + 1).trim())).orElse(0L);
    }

    /** Pushes {@code value} to each key: plain, in a transaction, or through the APPLY script, by key. */
    Item pushes(List<String> keys, String value) {
        List<Unit> units = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            String key = keys.get(k);
            units.add(switch (k % 3) {
                case 0 -> Unit.of(WriteReply.APPLIED, "RPUSH", key, value);
                case 1 -> Unit.transaction(key, new String[] { "RPUSH", key, value },
                        new String[] { "PEXPIRE", key, "600000" });
                default -> new Unit(WriteReply.APPLIED, key, List.<String[]>of(new String[] { "EVALSHA",
                        WriteScript.APPLY.sha(), "1", key, "", "", "RPUSH", value }));
            });
        }
        return items.item(units);
    }

    @Test
    void keysOfASlotMigratingDuringTheWriteFollowAskThenMoved() {
        String tag = "{" + prefix + "}";
        int slot = cluster.slotOf(tag.getBytes(StandardCharsets.UTF_8));
        ClusterNode from = cluster.masterOf(slot);
        ClusterNode to = cluster.masters().stream().filter(m -> !m.equals(from)).findFirst().orElseThrow();
        List<String> first = IntStream.range(0, 12).mapToObj(i -> tag + i).toList();
        List<String> all = IntStream.range(0, 24).mapToObj(i -> tag + i).toList();
        List<String> elsewhere = IntStream.range(0, 30).mapToObj(i -> prefix + "other:" + i).toList();
        long askingBefore = errors(from, "ASK");
        long movedBefore = errors(from, "MOVED");
        List<WriteOutcome> outcomes = write(Flux.range(0, 3).map(step -> {
            if (step == 1) {
                cluster.startMigration(slot, from, to);
                cluster.migrateKeys(slot, from, to, 6);
            } else if (step == 2) {
                while (cluster.migrateKeys(slot, from, to, 100) > 0) {
                    // until the slot's keys have all moved
                }
                cluster.finishMigration(slot, from, to);
            }
            List<String> keys = new ArrayList<>(step == 0 ? first : all);
            keys.addAll(elsewhere);
            return pushes(keys, Integer.toString(step));
        }), 1).collectList().block(Duration.ofSeconds(60));
        assertThat(outcomes).hasSize(3).allSatisfy(outcome -> {
            assertThat(outcome.failures()).isEmpty();
            assertThat(outcome.written()).isEqualTo(outcome.rows());
        });
        assertThat(first).allSatisfy(key -> assertThat(redis.lrange(key, 0, -1)).as(key).containsExactly("0", "1", "2"));
        assertThat(all.subList(12, 24)).allSatisfy(key -> assertThat(redis.lrange(key, 0, -1)).as(key)
                .containsExactly("1", "2"));
        assertThat(elsewhere).allSatisfy(key -> assertThat(redis.lrange(key, 0, -1)).containsExactly("0", "1", "2"));
        assertThat(errors(from, "ASK")).as("ASK replies of the source").isGreaterThan(askingBefore);
        assertThat(errors(from, "MOVED")).as("MOVED replies of the former owner").isGreaterThan(movedBefore);
        assertThat(cluster.masterOf(slot)).isEqualTo(to);
        items.assertEverythingReleased();
    }

    @Test
    void aSlotMigratedWhileManyBatchesAreInFlightLosesNoRow() throws Exception {
        String tag = "{" + prefix + "}";
        int slot = cluster.slotOf(tag.getBytes(StandardCharsets.UTF_8));
        ClusterNode from = cluster.masterOf(slot);
        ClusterNode to = cluster.masters().stream().filter(m -> !m.equals(from)).findFirst().orElseThrow();
        List<String> keys = new ArrayList<>(IntStream.range(0, 40).mapToObj(i -> tag + i).toList());
        keys.addAll(IntStream.range(0, 40).mapToObj(i -> prefix + "other:" + i).toList());
        int batches = 300;
        CompletableFuture<Void> migration = new CompletableFuture<>();
        List<WriteOutcome> outcomes = write(Flux.range(0, batches).map(i -> {
            if (i == 30) {
                CompletableFuture.runAsync(() -> {
                    cluster.startMigration(slot, from, to);
                    while (cluster.migrateKeys(slot, from, to, 3) > 0) {
                        sleep(5);
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
            if (i > 30 && i % 20 == 0 && !migration.isDone()) {
                sleep(20);
            }
            return pushes(keys, Integer.toString(i));
        }), 8).collectList().block(Duration.ofSeconds(120));
        migration.get();
        assertThat(outcomes).hasSize(batches).allSatisfy(outcome -> assertThat(outcome.failures()).isEmpty());
        List<String> expected = IntStream.range(0, batches).mapToObj(Integer::toString).sorted().toList();
        assertThat(keys).allSatisfy(key -> assertThat(redis.lrange(key, 0, -1).stream().sorted().toList()).as(key)
                .isEqualTo(expected));
        assertThat(cluster.masterOf(slot)).isEqualTo(to);
        items.assertEverythingReleased();
    }

    @Test
    void keysRefusedWhileTheClusterIsDownAreSentAgainOnceItIsUp() throws Exception {
        int slot = cluster.slotOf((prefix + "gone").getBytes(StandardCharsets.UTF_8));
        ClusterNode owner = cluster.masterOf(slot);
        List<String> keys = IntStream.range(0, 60).mapToObj(i -> prefix + i).toList();
        for (ClusterNode node : cluster.nodes()) {
            on(node, c -> c.clusterDelSlots(slot));
        }
        long downBefore = cluster.masters().stream().mapToLong(m -> errors(m, "CLUSTERDOWN")).sum();
        CompletableFuture<Void> back = CompletableFuture.runAsync(() -> {
            sleep(1500);
            on(owner, c -> c.clusterAddSlots(slot));
        });
        List<WriteOutcome> outcomes = write(Flux.range(0, 4).map(i -> {
            List<String> batch = new ArrayList<>(keys);
            batch.add(prefix + "gone");
            return pushes(batch, Integer.toString(i));
        }), 2).collectList().block(Duration.ofSeconds(60));
        back.get();
        assertThat(outcomes).hasSize(4).allSatisfy(outcome -> {
            assertThat(outcome.failures()).isEmpty();
            assertThat(outcome.written()).isEqualTo(61);
        });
        assertThat(cluster.masters().stream().mapToLong(m -> errors(m, "CLUSTERDOWN")).sum())
                .as("CLUSTERDOWN replies").isGreaterThan(downBefore);
        List<String> expected = List.of("0", "1", "2", "3");
        assertThat(keys).allSatisfy(key -> assertThat(redis.lrange(key, 0, -1).stream().sorted().toList()).as(key)
                .isEqualTo(expected));
        assertThat(redis.lrange(prefix + "gone", 0, -1).stream().sorted().toList()).isEqualTo(expected);
        items.assertEverythingReleased();
    }

    @Test
    void aKeyRedirectedASecondTimeIsAFailureOfItsOutcome() {
        String tag = "{" + prefix + "}";
        int slot = cluster.slotOf(tag.getBytes(StandardCharsets.UTF_8));
        ClusterNode from = cluster.masterOf(slot);
        ClusterNode to = cluster.masters().stream().filter(m -> !m.equals(from)).findFirst().orElseThrow();
        // the source sends absent keys to a target that does not import the slot, which sends them back
        redis.rpush(tag + "present", "old");
        on(from, c -> c.clusterSetSlotMigrating(slot, to.id()));
        try {
            List<String> keys = List.of(tag + "present", tag + "absent", prefix + "other");
            WriteOutcome outcome = write(Flux.just(items.item(keys.stream()
                    .map(key -> Unit.of(WriteReply.APPLIED, "RPUSH", key, "new")).toList())), 1).blockLast();
            assertThat(outcome.written()).isEqualTo(2);
            assertThat(outcome.failedRows()).isEqualTo(1);
            assertThat(outcome.failures()).singleElement().satisfies(failure -> {
                assertThat(new String(failure.key(), StandardCharsets.UTF_8)).isEqualTo(tag + "absent");
                assertThat(failure.reason()).startsWith("MOVED " + slot + " ").endsWith(":" + from.port());
            });
            assertThat(redis.lrange(tag + "present", 0, -1)).containsExactly("old", "new");
            assertThat(redis.lrange(prefix + "other", 0, -1)).containsExactly("new");
        } finally {
            on(from, c -> c.clusterSetSlotStable(slot));
        }
        items.assertEverythingReleased();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
