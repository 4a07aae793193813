package io.redisarrow.arrow;

import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.redisarrow.core.ConnectionOptions;
import io.redisarrow.core.CursorQuery;
import io.redisarrow.core.HashValues;
import io.redisarrow.core.ReadRequest;
import io.redisarrow.core.RedisArrowException;
import io.redisarrow.core.RedisSession;
import io.redisarrow.testing.ClusterNode;
import io.redisarrow.testing.LocalRedisCluster;
import io.redisarrow.testing.RedisClusterExtension;
import io.redisarrow.testing.RedisModule;
import io.redisarrow.testing.RequiresModule;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reactivestreams.Publisher;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Search, aggregate and the index helpers on a real Redis Cluster whose query engine has no
 * coordinator (RediSearch 2.6 as shared here): each fails with the error that says why and what to
 * use instead, and no node receives a single {@code FT} command, so nothing is created, dropped or
 * half read. The cluster holds documents on every master and an index on the master that serves
 * its name's slot, which sees only that master's documents: what a search there would wrongly return.
 */
@ExtendWith(RedisClusterExtension.class)
@RequiresModule({ RedisModule.JSON, RedisModule.SEARCH })
class ClusterSearchIntegrationTests {

    private static final AtomicLong NEXT = new AtomicLong();

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final int DOCUMENTS = 60;

    private LocalRedisCluster cluster;

    private String prefix;

    private String index;

    private ClusterNode owner;

    private RedisArrow redis;

    @BeforeEach
    void setUp(LocalRedisCluster cluster) {
        this.cluster = cluster;
        long n = NEXT.incrementAndGet();
        prefix = "cs" + n + ":" + System.nanoTime() + ":";
        index = "cs-idx-" + n + "-" + System.nanoTime();
        owner = cluster.masterOf(cluster.slotOf(index.getBytes(StandardCharsets.UTF_8)));
        RedisClusterClient client = RedisClusterClient.create(cluster.url());
        try (StatefulRedisClusterConnection<String, String> connection = client.connect()) {
            for (int i = 0; i < DOCUMENTS; i++) {
                connection.sync().hset(prefix + i, "name", "n" + i);
            }
        } finally {
            client.shutdown();
        }
        try (ClusterNodeCommands node = new ClusterNodeCommands(owner)) {
            assertThat(node.status("FT.CREATE", index, "ON", "HASH", "PREFIX", "1", prefix, "SCHEMA", "name", "TAG"))
                    .isEqualTo("OK");
        }
        for (ClusterNode node : cluster.nodes()) {
            if (node.isAlive()) {
                try (ClusterNodeCommands commands = new ClusterNodeCommands(node)) {
                    commands.resetStats();
                }
            }
        }
        redis = RedisArrow.connect(cluster.url());
    }

    @AfterEach
    void tearDown() {
        if (redis != null) {
            redis.close();
        }
        try (ClusterNodeCommands node = new ClusterNodeCommands(owner)) {
            node.status("FT.DROPINDEX", index);
        }
    }

    @Test
    void theIndexOnOneMasterSeesOnlyThatMastersDocuments() {
        try (ClusterNodeCommands node = new ClusterNodeCommands(owner)) {
            long onOwner = node.dbSize();
            List<Object> found = node.array("FT.SEARCH", index, "*", "LIMIT", "0", "0");
            assertThat((Long) found.get(0)).isLessThan(DOCUMENTS).isLessThanOrEqualTo(onOwner);
        }
        for (ClusterNode master : cluster.masters()) {
            if (!master.id().equals(owner.id())) {
                try (ClusterNodeCommands node = new ClusterNodeCommands(master)) {
                    assertThatThrownBy(() -> node.array("FT.SEARCH", index, "*")).hasMessageStartingWith("MOVED");
                    assertThat(node.array("FT._LIST")).doesNotContain(index);
                }
            }
        }
    }

    @Test
    void searchFailsSayingWhatToUseAndSendsNoSearchCommand() {
        Schema schema = new Schema(List.of(utf8("name")));
        failsWithoutSearchCommands(redis.search(SearchQuery.builder().index(index).query(Query.all()).schema(schema)
                .build()));
    }

    @Test
    void aggregateFailsAndSendsNoSearchCommand() {
        Schema schema = new Schema(List.of(utf8("name")));
        failsWithoutSearchCommands(redis.aggregate(AggregateQuery.builder().index(index).query(Query.all())
                .load("name").schema(schema).build()));
    }

    @Test
    void indexInfoAndIndexSchemaFailAndSendNoSearchCommand() {
        failsWithoutSearchCommands(redis.indexInfo(index));
        failsWithoutSearchCommands(redis.indexSchema(index));
    }

    @Test
    void createIndexFailsAndCreatesNoIndexOnAnyMaster() {
        String created = index + "-new";
        failsWithoutSearchCommands(redis.createIndex(SearchIndex.builder().name(created).prefix(prefix)
                .schema(new Schema(List.of(utf8("name")))).build()));
        for (ClusterNode master : cluster.masters()) {
            try (ClusterNodeCommands node = new ClusterNodeCommands(master)) {
                assertThat(node.array("FT._LIST")).doesNotContain(created);
            }
        }
    }

    @Test
    void dropIndexFailsAndKeepsTheIndexAndItsDocuments() {
        long keys = keys();
        failsWithoutSearchCommands(redis.dropIndex(index, true));
        failsWithoutSearchCommands(redis.dropIndex(index));
        try (ClusterNodeCommands node = new ClusterNodeCommands(owner)) {
            assertThat(node.array("FT._LIST")).contains(index);
        }
        assertThat(keys()).isEqualTo(keys);
    }

    @Test
    void theSessionsSearchAndAggregateFailBeforeAnySearchCommand() {
        try (RedisSession session = RedisSession.create(ConnectionOptions.of(cluster.url()))) {
            CursorQuery keys = new CursorQuery(index, List.of("*", "LOAD", "1", "@__key"), 100, Duration.ZERO,
                    Duration.ZERO);
            failsWithoutSearchCommands(session.search(ReadRequest.builder()
                    .values(HashValues.of(List.of("name"), false)).build(), keys));
            CursorQuery rows = new CursorQuery(index, List.of("*", "LOAD", "1", "@name"), 100, Duration.ZERO,
                    Duration.ZERO);
            failsWithoutSearchCommands(session.aggregate(rows, List.of("name"), Long.MAX_VALUE));
        }
    }

    @Test
    void scanningTheClusterReadsEveryDocument() {
        long rows = redis.scanHashes(HashScan.builder().pattern(prefix + "*").schema(new Schema(List.of(utf8("name"))))
                .build()).map(batch -> {
                    try (batch) {
                        return (long) batch.root().getRowCount();
                    }
                }).reduce(0L, Long::sum).block(WAIT);
        assertThat(rows).isEqualTo(DOCUMENTS);
    }

    /** Subscribes, expects the cluster's error, and checks that no node ran any FT command. */
    private void failsWithoutSearchCommands(Publisher<?> operation) {
        assertThatThrownBy(() -> reactor.core.publisher.Flux.from(operation).blockLast(WAIT))
                .isInstanceOf(RedisArrowException.class)
                .hasMessageContaining("Redis Cluster whose query engine has no coordinator")
                .hasMessageContaining("Redis 8 or later")
                .hasMessageContaining("Redis Software and Redis Cloud")
                .hasMessageContaining("Redis Stack")
                .hasMessageContaining("scanHashes or scanJson")
                .hasMessageContaining("no FT command was sent");
        List<String> run = new ArrayList<>();
        for (ClusterNode node : cluster.nodes()) {
            if (node.isAlive()) {
                try (ClusterNodeCommands commands = new ClusterNodeCommands(node)) {
                    commands.searchCommandsRun().forEach(line -> run.add(node + " " + line));
                }
            }
        }
        assertThat(run).isEmpty();
    }

    private long keys() {
        long keys = 0;
        for (ClusterNode master : cluster.masters()) {
            try (ClusterNodeCommands node = new ClusterNodeCommands(master)) {
                keys += node.dbSize();
            }
        }
        return keys;
    }

    private static Field utf8(String name) {
        return new Field(name, FieldType.nullable(ArrowType.Utf8.INSTANCE), null);
    }
}
