package io.redisarrow.core.internal.cluster;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.redisarrow.core.RedisSession;
import io.redisarrow.core.WriteOutcome;
import io.redisarrow.core.WriteReply;
import io.redisarrow.core.WriteRequest;
import io.redisarrow.core.WriteScript;
import io.redisarrow.core.internal.cluster.CommandItems.Item;
import io.redisarrow.core.internal.cluster.CommandItems.Unit;
import io.redisarrow.testing.ClusterNode;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes to a real Redis Cluster through {@link RedisSession#write}: every batch's keys go to the
 * masters serving them, each batch has one outcome in input order, scripts are loaded on every
 * master, failures are named in command order, and every item and buffer is released on
 * completion and cancel alike.
 */
class ClusterWritesIntegrationTests extends ClusterSessionTestSupport {

    Flux<WriteOutcome> write(Flux<Item> input, int parallel, Set<WriteScript> scripts) {
        return session.write(input, items, new WriteRequest(parallel, Schedulers.parallel(), scripts, null));
    }

    Item sets(int index, int keys) {
        List<Unit> units = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            units.add(Unit.of(WriteReply.APPLIED, "SET", prefix + index + ":" + k, "v" + index));
        }
        return items.item(units);
    }

    /** @return {@code count} keys, each served by the given master */
    List<String> keysOn(ClusterNode master, int count, String name) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; keys.size() < count; i++) {
            String key = prefix + name + i;
            if (cluster.masterOf(cluster.slotOf(key.getBytes(StandardCharsets.UTF_8))).equals(master)) {
                keys.add(key);
            }
        }
        return keys;
    }

    @Test
    void writesEveryKeyOnTheMasterServingItWithOneOutcomePerBatch() {
        List<WriteOutcome> outcomes = write(Flux.range(0, 20).map(i -> sets(i, 50)), 4, Set.of()).collectList()
                .block(Duration.ofSeconds(30));
        assertThat(outcomes).hasSize(20).allSatisfy(outcome -> {
            assertThat(outcome.rows()).isEqualTo(50);
            assertThat(outcome.written()).isEqualTo(50);
            assertThat(outcome.failures()).isEmpty();
        });
        Set<ClusterNode> masters = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            for (int k = 0; k < 50; k++) {
                String key = prefix + i + ":" + k;
                assertThat(redis.get(key)).as(key).isEqualTo("v" + i);
                masters.add(cluster.masterOf(cluster.slotOf(key.getBytes(StandardCharsets.UTF_8))));
            }
        }
        assertThat(masters).as("masters the keys live on").containsExactlyInAnyOrderElementsOf(cluster.masters());
        items.assertEverythingReleased();
    }

    @Test
    void aBatchSpanningEveryMasterHasOneOutcomeWithItsFailuresInCommandOrder() {
        List<Unit> units = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        for (ClusterNode master : cluster.masters()) {
            for (String key : keysOn(master, 10, master.port() + ":")) {
                units.add(Unit.of(WriteReply.APPLIED, "SET", key, "x"));
            }
            String wrong = keysOn(master, 1, "wrong" + master.port() + ":").get(0);
            redis.set(wrong, "a string");
            failing.add(wrong);
        }
        // the failing keys go in reverse master order, and between the others
        for (int i = 0; i < failing.size(); i++) {
            units.add(i * 7, Unit.of(WriteReply.APPLIED, "HSET", failing.get(failing.size() - 1 - i), "f", "v"));
        }
        List<String> commandOrder = units.stream().map(Unit::key).filter(failing::contains).toList();
        List<WriteOutcome> outcomes = write(Flux.just(items.item(units)), 1, Set.of()).collectList().block();
        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.rows()).isEqualTo(33);
            assertThat(outcome.written()).isEqualTo(30);
            assertThat(outcome.failedRows()).isEqualTo(3);
            assertThat(outcome.failures()).extracting(f -> new String(f.key(), StandardCharsets.UTF_8))
                    .containsExactlyElementsOf(commandOrder);
            assertThat(outcome.failures()).allSatisfy(f -> assertThat(f.reason()).startsWith("WRONGTYPE"));
        });
        assertThat(units.stream().map(Unit::key).filter(key -> !failing.contains(key)))
                .allSatisfy(key -> assertThat(redis.get(key)).isEqualTo("x"));
        items.assertEverythingReleased();
    }

    @Test
    void transactionsAndSkipsAreReadPerMaster() {
        List<Unit> units = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        for (ClusterNode master : cluster.masters()) {
            List<String> keys = keysOn(master, 4, master.port() + ":");
            units.add(Unit.transaction(keys.get(0), new String[] { "DEL", keys.get(0) },
                    new String[] { "SET", keys.get(0), "t" }, new String[] { "PEXPIRE", keys.get(0), "500000" }));
            redis.set(keys.get(1), "old");
            existing.add(keys.get(1));
            units.add(Unit.of(WriteReply.NIL_SKIPS, "SET", keys.get(1), "new", "NX"));
            units.add(Unit.of(WriteReply.NIL_SKIPS, "SET", keys.get(2), "new", "NX"));
        }
        WriteOutcome outcome = write(Flux.just(items.item(units)), 1, Set.of()).blockLast();
        assertThat(outcome.written()).isEqualTo(6);
        assertThat(outcome.skipped()).isEqualTo(3);
        assertThat(existing).allSatisfy(key -> assertThat(redis.get(key)).isEqualTo("old"));
        assertThat(units.stream().filter(u -> u.reply() == WriteReply.TRANSACTION).map(Unit::key))
                .allSatisfy(key -> assertThat(redis.pttl(key)).isBetween(490_000L, 500_000L));
        items.assertEverythingReleased();
    }

    @Test
    void scriptsAreLoadedOnEveryMasterABatchGoesTo() {
        for (ClusterNode master : cluster.masters()) {
            RedisClient direct = RedisClient.create(master.url());
            try (StatefulRedisConnection<String, String> node = direct.connect()) {
                node.sync().scriptFlush();
            } finally {
                direct.shutdown();
            }
        }
        List<Unit> units = new ArrayList<>();
        int existing = 0;
        for (ClusterNode master : cluster.masters()) {
            for (String key : keysOn(master, 5, master.port() + ":")) {
                if (existing++ % 2 == 0) {
                    redis.set(key, "old");
                }
                units.add(new Unit(WriteReply.ZERO_SKIPS, key, List.<String[]>of(new String[] { "EVALSHA",
                        WriteScript.APPLY.sha(), "1", key, "N", "", "SET", "new" })));
            }
        }
        WriteOutcome outcome = write(Flux.just(items.item(units)), 1, Set.of(WriteScript.APPLY)).blockLast();
        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.written()).isEqualTo(7);
        assertThat(outcome.skipped()).isEqualTo(8);
        items.assertEverythingReleased();
    }

    @Test
    void batchesReachEveryKeyInInputOrder() {
        List<String> lists = cluster.masters().stream().map(master -> keysOn(master, 1, "list" + master.port()).get(0))
                .toList();
        List<WriteOutcome> outcomes = write(Flux.range(0, 200).map(i -> items.item(lists.stream()
                .map(list -> Unit.of(WriteReply.APPLIED, "RPUSH", list, Integer.toString(i))).toList())), 8, Set.of())
                .collectList().block(Duration.ofSeconds(30));
        assertThat(outcomes).hasSize(200).allSatisfy(outcome -> assertThat(outcome.written()).isEqualTo(lists.size()));
        List<String> expected = IntStream.range(0, 200).mapToObj(Integer::toString).toList();
        assertThat(lists).allSatisfy(list -> assertThat(redis.lrange(list, 0, -1)).containsExactlyElementsOf(expected));
        items.assertEverythingReleased();
    }

    @Test
    void takeOfTheOutcomesCancelsAndReleases() {
        assertThat(write(Flux.range(0, 1000).map(i -> sets(i, 30)), 8, Set.of()).take(3).collectList().block())
                .hasSize(3);
        items.assertEverythingReleased();
        assertThat(items.received.size()).isLessThanOrEqualTo(3 + 8 + 1);
    }

    @RepeatedTest(10)
    void cancelAtARandomMomentReleasesEverything() throws InterruptedException {
        Disposable write = write(Flux.range(0, 10_000).map(i -> sets(i, 100)).subscribeOn(Schedulers.boundedElastic()),
                8, Set.of()).subscribe();
        Thread.sleep(ThreadLocalRandom.current().nextInt(40));
        write.dispose();
        items.assertEverythingReleased();
    }

    @Test
    void theWriteClosesItsConnectionsWhenItEnds() throws InterruptedException {
        write(Flux.range(0, 3).map(i -> sets(i, 30)), 2, Set.of()).blockLast();
        Map<ClusterNode, Long> before = clients();
        write(Flux.range(3, 3).map(i -> sets(i, 30)), 2, Set.of()).blockLast();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!clients().equals(before) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(clients()).isEqualTo(before);
    }

    /** @return the clients connected to each master, counted by {@code CLIENT LIST} */
    private Map<ClusterNode, Long> clients() {
        Map<ClusterNode, Long> counts = new HashMap<>();
        for (ClusterNode master : cluster.masters()) {
            RedisClient direct = RedisClient.create(master.url());
            try (StatefulRedisConnection<String, String> node = direct.connect()) {
                counts.put(master, node.sync().clientList().lines().filter(line -> !line.isBlank()).count() - 1);
            } finally {
                direct.shutdown();
            }
        }
        return counts;
    }
}
