package io.redisarrow.arrow;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.redisarrow.core.RetryPolicy;
import io.redisarrow.testing.ClusterNode;
import io.redisarrow.testing.PrivateCluster;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Faults of a real cluster while a scan runs: a master killed (its replica is promoted and the scan
 * completes with every key, or fails naming the node when retries are off) and a slot migrated
 * (the scan reads the moved slot again and loses no key, also when the migration is still going on
 * as the node scans end). Each test leaves the cluster healthy again.
 */
@PrivateCluster
class ClusterFaultIntegrationTests extends ClusterTestSupport {

    private static final RetryPolicy PATIENT = RetryPolicy.of(40, Duration.ofMillis(100), Duration.ofSeconds(1));

    @Test
    void aMasterKilledMidScanIsReplacedByItsReplicaAndEveryKeyIsRead() {
        loadHashes(6000);
        ClusterNode victim = cluster.masters().get(1);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (RedisArrow redis = redis(cluster.masters().get(0).url()).retry(PATIENT).meterRegistry(meters).build()) {
            AtomicInteger batches = new AtomicInteger();
            List<String> keys = keys(redis.scanHashes(HashScan.builder().pattern(prefix + "*").schema(SCHEMA)
                    .batchSize(100).countHint(100).parallel(1).build())
                    .doOnNext(batch -> {
                        if (batches.incrementAndGet() == 3) {
                            victim.kill();
                        }
                    }));
            assertThat(new HashSet<>(keys)).isEqualTo(new HashSet<>(expected(6000)));
            assertThat(meters.get("redisarrow.retries").counters()).isNotEmpty();
            assertThat(meters.get("redisarrow.retries").counters().stream().mapToDouble(c -> c.count()).sum())
                    .isGreaterThanOrEqualTo(1);
        } finally {
            heal(victim);
        }
    }

    @Test
    void withRetriesOffAKilledMasterFailsTheScanNamingIt() {
        loadHashes(6000);
        ClusterNode victim = cluster.masters().get(2);
        try (RedisArrow redis = redis(cluster.masters().get(0).url()).retry(RetryPolicy.NONE).build()) {
            AtomicInteger batches = new AtomicInteger();
            assertThatThrownBy(() -> keys(redis.scanHashes(HashScan.builder().pattern(prefix + "*").schema(SCHEMA)
                    .batchSize(100).countHint(100).parallel(1).build())
                    .doOnNext(batch -> {
                        if (batches.incrementAndGet() == 3) {
                            victim.kill();
                        }
                    })))
                    .isInstanceOf(io.lettuce.core.RedisException.class)
                    .hasMessageContaining(victim.host() + ":" + victim.port());
        } finally {
            heal(victim);
        }
    }

    @Test
    void aSlotMigratedMidScanLosesNoKey() throws Exception {
        loadHashes(3000);
        loadHashes(prefix + "{moving}:", 1500);
        int slot = cluster.slotOf((prefix + "{moving}:0").getBytes(StandardCharsets.UTF_8));
        ClusterNode from = cluster.masterOf(slot);
        ClusterNode to = cluster.masters().stream().filter(n -> !n.id().equals(from.id())).findFirst().orElseThrow();
        Set<String> all = new HashSet<>(expected(3000));
        for (int i = 0; i < 1500; i++) {
            all.add(prefix + "{moving}:" + i);
        }
        try (RedisArrow redis = redis(cluster.url()).retry(PATIENT).build()) {
            AtomicInteger batches = new AtomicInteger();
            CompletableFuture<Integer> migration = new CompletableFuture<>();
            List<String> keys = keys(redis.scanHashes(HashScan.builder().pattern(prefix + "*").schema(SCHEMA)
                    .batchSize(100).countHint(100).parallel(1).build())
                    .doOnNext(batch -> {
                        if (batches.incrementAndGet() == 3) {
                            CompletableFuture.runAsync(() -> migration.complete(cluster.migrateSlot(slot, from, to)));
                        }
                    }));
            assertThat(migration.get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(1500); // and keys of the 3000 that share the slot
            assertThat(new HashSet<>(keys)).isEqualTo(all);
        }
    }

    @Test
    void aSlotStillMigratingWhenTheNodeScansEndIsReadOnceTheMigrationEnds() throws Exception {
        loadHashes(2000);
        loadHashes(prefix + "{half}:", 1000);
        int slot = cluster.slotOf((prefix + "{half}:0").getBytes(StandardCharsets.UTF_8));
        ClusterNode from = cluster.masterOf(slot);
        ClusterNode to = cluster.masters().stream().filter(n -> !n.id().equals(from.id())).findFirst().orElseThrow();
        Set<String> all = new HashSet<>(expected(2000));
        for (int i = 0; i < 1000; i++) {
            all.add(prefix + "{half}:" + i);
        }
        cluster.startMigration(slot, from, to);
        assertThat(cluster.migrateKeys(slot, from, to, 500)).isEqualTo(500);
        CompletableFuture<Void> finish = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cluster.migrateKeys(slot, from, to, 1000);
            cluster.finishMigration(slot, from, to);
        });
        try (RedisArrow redis = redis(cluster.url()).retry(PATIENT).build()) {
            long start = System.nanoTime();
            List<String> keys = keys(redis.scanHashes(HashScan.builder().pattern(prefix + "*").schema(SCHEMA)
                    .batchSize(500).build()));
            finish.get(60, TimeUnit.SECONDS);
            assertThat(new HashSet<>(keys)).isEqualTo(all);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
        }
    }

    private void heal(ClusterNode victim) {
        if (!victim.isAlive()) {
            cluster.waitForFailover(victim, Duration.ofSeconds(60));
            victim.restart();
        }
        cluster.awaitSettled(Duration.ofSeconds(60));
    }
}
