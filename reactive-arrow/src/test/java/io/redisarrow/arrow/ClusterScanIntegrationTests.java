package io.redisarrow.arrow;

import io.redisarrow.core.ScanCheckpoint;
import io.redisarrow.testing.ClusterNode;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scans of a real Redis Cluster (3 masters, 3 replicas) through the URL of any node: every master's
 * keys are read, each type's multi-key commands are split by slot, a hash-tagged pattern reads one
 * master, the limit and row index hold across masters, replicas can serve the scan, and a scan
 * resumes from a checkpoint without losing a key.
 */
class ClusterScanIntegrationTests extends ClusterTestSupport {

    @Test
    void theUrlOfAnyNodeReadsTheKeysOfEveryMaster() {
        loadHashes(3000);
        List<String> urls = new ArrayList<>();
        urls.add(cluster.masters().get(1).url());
        urls.add(cluster.replicas().get(0).url());
        for (String url : urls) {
            try (RedisArrow redis = redis(url).build()) {
                List<ScanCheckpoint> checkpoints = new ArrayList<>();
                List<String> keys = keys(redis.scanHashes(HashScan.builder().pattern(prefix + "*").schema(SCHEMA)
                        .batchSize(200).build()).doOnNext(batch -> checkpoints.add(batch.checkpoint())));
                assertThat(new HashSet<>(keys)).as(url).isEqualTo(new HashSet<>(expected(3000)));
                ScanCheckpoint last = checkpoints.get(checkpoints.size() - 1);
                assertThat(last.nodes()).extracting(ScanCheckpoint.Node::address).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(cluster.masters().stream()
                                .map(node -> node.host() + ":" + node.port()).toList());
                assertThat(last.nodes()).extracting(ScanCheckpoint.Node::slots).containsExactlyInAnyOrder(
                        "0-5460", "5461-10922", "10923-16383");
                assertThat(last.rows()).isEqualTo(keys.size());
            }
        }
    }

    @Test
    void eachMastersRowsBatchesAndRoundTripsAreMeteredUnderItsNode() {
        loadHashes(2000);
        io.micrometer.core.instrument.simple.SimpleMeterRegistry meters =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        try (RedisArrow redis = redis(cluster.url()).meterRegistry(meters).build()) {
            List<String> keys = keys(redis.scanHashes(HashScan.builder().pattern(prefix + "*").schema(SCHEMA)
                    .batchSize(100).build()));
            Set<String> nodes = new HashSet<>();
            double rows = 0;
            for (var counter : meters.get("redisarrow.rows").tag("operation", "hash").counters()) {
                nodes.add(counter.getId().getTag("node"));
                rows += counter.count();
            }
            assertThat(rows).isEqualTo(keys.size());
            assertThat(nodes).containsExactlyInAnyOrderElementsOf(cluster.masters().stream()
                    .map(node -> node.host() + ":" + node.port()).toList());
            assertThat(meters.get("redisarrow.round.trips").tag("operation", "hash").timers().stream()
                    .mapToLong(timer -> timer.count()).sum()).isGreaterThanOrEqualTo(keys.size() / 100);
            assertThat(meters.get("redisarrow.reads.active").gauges().stream().mapToDouble(g -> g.value()).sum())
                    .isZero();
        }
    }

    @Test
    void stringsAreReadWithOneMgetPerSlotIncludingKeysThatShareAHashTag() {
        Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < 500; i++) {
            values.put(prefix + i, "v" + i);
            values.put(prefix + "{tag}:" + i, "t" + i);
        }
        values.forEach((k, v) -> loader.sync().set(k, v));
        try (RedisArrow redis = redis(cluster.url()).build()) {
            List<String> rows = new ArrayList<>();
            redis.scanStrings(StringScan.builder().pattern(prefix + "*").batchSize(300).build())
                    .doOnNext(batch -> {
                        try (batch) {
                            var keys = (org.apache.arrow.vector.VarCharVector) batch.root().getVector("_key");
                            var vals = (org.apache.arrow.vector.VarCharVector) batch.root().getVector("value");
                            for (int i = 0; i < batch.rowCount(); i++) {
                                rows.add(new String(keys.get(i)) + "=" + new String(vals.get(i)));
                            }
                        }
                    }).blockLast(Duration.ofSeconds(60));
            assertThat(rows).containsExactlyInAnyOrderElementsOf(values.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList());
        }
    }

    @Test
    void setsAndStreamsAreReadOnTheirMasters() {
        for (int i = 0; i < 300; i++) {
            loader.sync().sadd(prefix + "s:" + i, "a", "b", "c");
            loader.sync().xadd(prefix + "x:" + i, Map.of("f", "v" + i));
        }
        try (RedisArrow redis = redis(cluster.url()).build()) {
            Schema member = new Schema(List.of(Field.nullable("member", new ArrowType.Utf8())));
            List<String> setRows = keys(redis.scanSets(SetScan.builder().pattern(prefix + "s:*").schema(member)
                    .batchSize(100).build()));
            assertThat(setRows).hasSize(900);
            assertThat(new HashSet<>(setRows)).hasSize(300);
            Schema fields = new Schema(List.of(Field.nullable("f", new ArrowType.Utf8())));
            assertThat(new HashSet<>(keys(redis.scanStreams(StreamScan.builder().pattern(prefix + "x:*")
                    .schema(fields).build())))).hasSize(300);
        }
    }

    @Test
    void aPatternWithAHashTagScansOnlyTheMasterServingIt() {
        loadHashes(prefix + "{one}:", 400);
        loadHashes(1000);
        try (RedisArrow redis = redis(cluster.url()).build()) {
            List<ScanCheckpoint> checkpoints = new ArrayList<>();
            List<String> keys = keys(redis.scanHashes(HashScan.builder().pattern(prefix + "{one}:*").schema(SCHEMA)
                    .build()).doOnNext(batch -> checkpoints.add(batch.checkpoint())));
            assertThat(keys).hasSize(400).allMatch(key -> key.startsWith(prefix + "{one}:"));
            int slot = cluster.slotOf((prefix + "{one}:0").getBytes());
            ClusterNode owner = cluster.masterOf(slot);
            assertThat(checkpoints.get(checkpoints.size() - 1).nodes()).singleElement()
                    .satisfies(node -> assertThat(node.address()).isEqualTo(owner.host() + ":" + owner.port()));
        }
    }

    @Test
    void theLimitAndTheRowIndexHoldAcrossMasters() {
        loadHashes(3000);
        try (RedisArrow redis = redis(cluster.url()).build()) {
            List<Long> index = new ArrayList<>();
            redis.scanHashes(HashScan.builder().pattern(prefix + "*").schema(SCHEMA).rowIndexColumn("_index")
                    .batchSize(100).parallel(2).limit(1234).build())
                    .doOnNext(batch -> {
                        try (batch) {
                            BigIntVector rows = (BigIntVector) batch.root().getVector("_index");
                            for (int i = 0; i < batch.rowCount(); i++) {
                                index.add(rows.get(i));
                            }
                        }
                    }).blockLast(Duration.ofSeconds(60));
            assertThat(index).hasSize(1234);
            assertThat(new HashSet<>(index)).hasSize(1234);
            assertThat(index.stream().mapToLong(Long::longValue).max().getAsLong()).isEqualTo(1233);
        }
    }

    @Test
    void replicasCanServeTheScan() {
        loadHashes(2000);
        for (ClusterNode master : cluster.masters()) {
            try (var node = io.lettuce.core.RedisClient.create(master.url()).connect()) {
                node.sync().waitForReplication(1, 5000);
            }
        }
        try (RedisArrow redis = redis(cluster.url()).readFromReplicas(true).build()) {
            List<ScanCheckpoint> checkpoints = new ArrayList<>();
            List<String> keys = keys(redis.scanHashes(HashScan.builder().pattern(prefix + "*").schema(SCHEMA).build())
                    .doOnNext(batch -> checkpoints.add(batch.checkpoint())));
            assertThat(new HashSet<>(keys)).isEqualTo(new HashSet<>(expected(2000)));
            Set<String> replicas = cluster.replicas().stream().map(n -> n.host() + ":" + n.port())
                    .collect(Collectors.toSet());
            assertThat(checkpoints.get(checkpoints.size() - 1).nodes()).extracting(ScanCheckpoint.Node::address)
                    .hasSize(3).allMatch(replicas::contains);
        }
    }

    @Test
    void aScanResumedFromACheckpointReadsTheRestAndRepeatsAtMostTheCheckpointsPages() {
        loadHashes(3000);
        try (RedisArrow redis = redis(cluster.url()).build()) {
            List<ScanCheckpoint> checkpoints = new ArrayList<>();
            List<String> first = keys(redis.scanHashes(HashScan.builder().pattern(prefix + "*").schema(SCHEMA)
                    .batchSize(100).countHint(100).build()).take(7).doOnNext(batch -> checkpoints.add(batch.checkpoint())));
            ScanCheckpoint saved = ScanCheckpoint.parse(checkpoints.get(checkpoints.size() - 1).toString());
            assertThat(saved.rows()).isEqualTo(first.size());
            List<String> rest = keys(redis.scanHashes(HashScan.builder().pattern(prefix + "*").schema(SCHEMA)
                    .batchSize(100).countHint(100).resumeFrom(saved).build()));
            Set<String> union = new HashSet<>(first);
            union.addAll(rest);
            assertThat(union).isEqualTo(new HashSet<>(expected(3000)));
            Set<String> repeated = new HashSet<>(first);
            repeated.retainAll(new HashSet<>(rest));
            // at most the rest of one SCAN page per node the first scan had reached (COUNT 100 visits
            // about 100 buckets, and a bucket holds few keys)
            assertThat(repeated.size()).isLessThanOrEqualTo(3 * 300);
            assertThatThrownBy(() -> HashScan.builder().pattern("other:*").schema(SCHEMA).resumeFrom(saved).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pattern");
        }
    }

    @Test
    void cancellingAClusterScanClosesItsFetchConnectionOnEveryMaster() throws InterruptedException {
        loadHashes(3000);
        try (RedisArrow redis = redis(cluster.url()).build()) {
            // a whole scan first, so the session holds its own (SCAN) connection to every master
            assertThat(keys(redis.scanHashes(HashScan.builder().pattern(prefix + "*").schema(SCHEMA).build())))
                    .hasSize(3000);
            Thread.sleep(300);
            Map<String, Long> before = new java.util.HashMap<>();
            for (ClusterNode master : cluster.masters()) {
                before.put(master.url(), clients(master));
            }
            List<String> some = keys(redis.scanHashes(HashScan.builder().pattern(prefix + "*").schema(SCHEMA)
                    .batchSize(100).parallel(2).build()).take(2));
            assertThat(some).hasSize(200);
            for (ClusterNode master : cluster.masters()) {
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (clients(master) > before.get(master.url()) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(clients(master)).as("connections of %s once the scan is cancelled", master)
                        .isLessThanOrEqualTo(before.get(master.url()));
            }
        }
    }

    /** @return the connected clients of a node, less the one asking */
    private static long clients(ClusterNode node) {
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(node.url());
        try (var c = client.connect()) {
            for (String line : c.sync().info("clients").split("\r?\n")) {
                if (line.startsWith("connected_clients:")) {
                    return Long.parseLong(line.substring("connected_clients:".length()).trim()) - 1;
                }
            }
            throw new IllegalStateException("no connected_clients in INFO");
        } finally {
            client.shutdown();
        }
    }
}
