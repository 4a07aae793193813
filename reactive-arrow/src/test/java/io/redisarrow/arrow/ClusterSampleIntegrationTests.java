package io.redisarrow.arrow;

import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.redisarrow.core.ConnectionOptions;
import io.redisarrow.core.RedisArrowException;
import io.redisarrow.core.RedisSession;
import io.redisarrow.core.SampledDocument;
import io.redisarrow.core.SampledHash;
import io.redisarrow.testing.ClusterNode;
import io.redisarrow.testing.LocalRedisCluster;
import io.redisarrow.testing.RedisClusterExtension;
import io.redisarrow.testing.RedisModule;
import io.redisarrow.testing.RequiresModule;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sampling and schema inference on a real Redis Cluster (3 masters): every master is sampled in
 * proportion to its key count and its keys fetched on it, so a field that only one master's keys
 * have is seen; the sample size is met exactly when enough keys match (shares a master cannot fill
 * go to the others); a hash-tagged pattern samples only its master; no match is an error. Keys are
 * written with hash tags chosen per master, so each key's master is known.
 */
@ExtendWith(RedisClusterExtension.class)
@RequiresModule(RedisModule.JSON)
class ClusterSampleIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private LocalRedisCluster cluster;

    private List<ClusterNode> masters;

    /** A hash tag served by each master, in the order of {@link #masters}. */
    private final List<String> tags = new java.util.ArrayList<>();

    private RedisClusterClient client;

    private StatefulRedisClusterConnection<String, String> connection;

    private RedisSession session;

    private RedisArrow redis;

    @BeforeEach
    void setUp(LocalRedisCluster cluster) {
        this.cluster = cluster;
        cluster.flushAll();
        masters = cluster.masters();
        assertThat(masters).hasSize(3);
        for (ClusterNode master : masters) {
            tags.add(tagOn(master));
        }
        client = RedisClusterClient.create(cluster.url());
        connection = client.connect();
        session = RedisSession.create(ConnectionOptions.of(cluster.url()));
        redis = RedisArrow.connect(cluster.url());
    }

    @AfterEach
    void tearDown() {
        redis.close();
        session.close();
        connection.close();
        client.shutdown();
    }

    @Test
    void inferenceSeesAFieldThatOnlyOneMastersHashesHave() {
        for (int m = 0; m < 3; m++) {
            for (int i = 0; i < 100; i++) {
                Map<String, String> fields = new HashMap<>();
                fields.put("id", Integer.toString(i));
                if (m == 1) {
                    fields.put("only_here", "1.5");
                }
                connection.sync().hset(key("h", m, i), fields);
            }
        }
        Schema schema = redis.inferHashSchema("h:*", 30).block(WAIT);
        assertThat(schema.getFields()).extracting(Field::getName).containsExactlyInAnyOrder("id", "only_here");
        assertThat(schema.findField("only_here").isNullable()).isTrue();
        assertThat(schema.findField("id").isNullable()).isFalse();
    }

    @Test
    void jsonInferenceSeesAMemberThatOnlyOneMastersDocumentsHave() {
        for (int m = 0; m < 3; m++) {
            for (int i = 0; i < 50; i++) {
                jsonSet(key("j", m, i), m == 2 ? "{\"id\":" + i + ",\"rare\":\"x\"}" : "{\"id\":" + i + "}");
            }
        }
        Schema schema = redis.inferJsonSchema("j:*", 15).block(WAIT);
        assertThat(schema.getFields()).extracting(Field::getName).containsExactlyInAnyOrder("id", "rare");
        List<SampledDocument> sample = session.sampleJson("j:*", 15).collectList().block(WAIT);
        assertThat(perMaster(sample.stream().map(d -> text(d.key())).toList())).containsExactly(5, 5, 5);
    }

    @Test
    void theSampleSizeIsMetAndSharedInProportionToEachMastersKeys() {
        write("p", 0, 200);
        write("p", 1, 100);
        write("p", 2, 0);
        List<String> keys = sampledKeys("p:*", 30);
        assertThat(keys).hasSize(30).doesNotHaveDuplicates();
        assertThat(perMaster(keys)).containsExactly(20, 10, 0);
    }

    @Test
    void sharesAMasterCannotFillGoToTheOthers() {
        write("s", 0, 200);
        write("s", 1, 2);
        write("other", 1, 98);
        List<String> keys = sampledKeys("s:*", 30);
        assertThat(keys).hasSize(30).doesNotHaveDuplicates();
        assertThat(perMaster(keys)).containsExactly(28, 2, 0);
    }

    @Test
    void everyMatchingKeyIsTakenWhenFewerMatchThanTheSampleSize() {
        write("f", 0, 5);
        write("f", 1, 4);
        write("f", 2, 3);
        List<String> keys = sampledKeys("f:*", 50);
        assertThat(new HashSet<>(keys)).hasSize(12).isEqualTo(allKeys("f", 5, 4, 3));
    }

    @Test
    void aHashTaggedPatternSamplesOnlyItsMaster() {
        write("t", 0, 40);
        write("t", 1, 40);
        write("t", 2, 40);
        for (ClusterNode master : masters) {
            try (ClusterNodeCommands node = new ClusterNodeCommands(master)) {
                node.resetStats();
            }
        }
        List<String> keys = sampledKeys("t:{" + tags.get(2) + "}:*", 10);
        assertThat(keys).hasSize(10);
        assertThat(perMaster(keys)).containsExactly(0, 0, 10);
        for (int m = 0; m < 2; m++) {
            try (ClusterNodeCommands node = new ClusterNodeCommands(masters.get(m))) {
                assertThat(node.scansRun()).as("SCAN calls on %s", masters.get(m)).isZero();
            }
        }
    }

    @Test
    void noMatchOnAnyMasterIsAnError() {
        write("n", 0, 10);
        assertThatThrownBy(() -> redis.inferHashSchema("nothing:*", 10).block(WAIT))
                .isInstanceOf(RedisArrowException.class)
                .hasMessageContaining("no hash matches 'nothing:*'")
                .hasMessageContaining("on any master of the Redis Cluster");
        assertThatThrownBy(() -> redis.inferJsonSchema("n:*", 10).block(WAIT))
                .isInstanceOf(RedisArrowException.class)
                .hasMessageContaining("no JSON document matches 'n:*'");
    }

    private List<String> sampledKeys(String pattern, int size) {
        List<SampledHash> sample = session.sampleHashes(pattern, size).collectList().block(WAIT);
        return sample.stream().map(hash -> text(hash.key())).toList();
    }

    /** Writes {@code count} hashes on master {@code m} under {@code name}. */
    private void write(String name, int m, int count) {
        for (int i = 0; i < count; i++) {
            connection.sync().hset(key(name, m, i), "v", Integer.toString(i));
        }
    }

    private Set<String> allKeys(String name, int... counts) {
        Set<String> keys = new HashSet<>();
        for (int m = 0; m < counts.length; m++) {
            for (int i = 0; i < counts[m]; i++) {
                keys.add(key(name, m, i));
            }
        }
        return keys;
    }

    private String key(String name, int master, int i) {
        return name + ":{" + tags.get(master) + "}:" + i;
    }

    /** @return how many of the keys each master holds, in the order of {@link #masters} */
    private List<Integer> perMaster(List<String> keys) {
        Map<String, Long> byTag = keys.stream()
                .collect(Collectors.groupingBy(k -> k.substring(k.indexOf('{') + 1, k.indexOf('}')), Collectors.counting()));
        return tags.stream().map(tag -> byTag.getOrDefault(tag, 0L).intValue()).toList();
    }

    private String tagOn(ClusterNode master) {
        for (int i = 0; ; i++) {
            String tag = "m" + i;
            if (cluster.masterOf(cluster.slotOf(tag.getBytes(StandardCharsets.UTF_8))).id().equals(master.id())) {
                return tag;
            }
        }
    }

    private void jsonSet(String key, String json) {
        connection.sync().dispatch(SchemaInferenceIntegrationTests.JSON_SET, new StatusOutput<>(StringCodec.UTF8),
                new CommandArgs<>(StringCodec.UTF8).addKey(key).add("$").add(json));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
