package io.redisarrow.samples.kafka;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.redisarrow.arrow.ArrowIpc;
import io.redisarrow.arrow.HashScan;
import io.redisarrow.arrow.RecordBatch;
import io.redisarrow.arrow.RedisArrow;
import io.redisarrow.testing.RedisServerExtension;
import io.redisarrow.testing.RedisTestServer;
import org.apache.arrow.memory.RootAllocator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith({ RedisServerExtension.class, KafkaBrokerExtension.class })
class ScanPublisherIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RedisTestServer server;

    private EmbeddedKafka kafka;

    private String prefix;

    private String topic;

    private RootAllocator allocator;

    private RedisArrow redis;

    @BeforeEach
    void setUp(RedisTestServer server, EmbeddedKafka kafka, TestInfo test) {
        this.server = server;
        this.kafka = kafka;
        this.prefix = server.uniquePrefix(test.getTestMethod().orElseThrow().getName());
        this.topic = prefix.replaceAll("[^A-Za-z0-9._-]", "-");
        this.allocator = new RootAllocator();
        this.redis = RedisArrow.builder().url(server.url()).allocator(allocator).build();
        TopicRecords.create(kafka, topic, 3);
    }

    @AfterEach
    void leakNothing() {
        redis.close();
        assertThat(allocator.getAllocatedMemory()).as("Arrow memory left").isZero();
        allocator.close();
    }

    @Test
    void arrowRecordsCarryEveryRowOnceAsRedisHasIt() {
        int users = 2500;
        SampleUsers.load(server.url(), prefix, users);
        List<PublishedBatch> published = publish(RecordFormat.ARROW_IPC, 300, 3, Map.of());

        assertThat(published).allSatisfy(batch -> assertThat(batch.records()).isEqualTo(1));
        assertThat(published.stream().mapToInt(PublishedBatch::rows).sum()).isEqualTo(users);
        List<ConsumerRecord<byte[], byte[]>> records = TopicRecords.readAll(kafka, topic, published.size());
        assertThat(records).hasSize(published.size());
        Map<String, SampleUser> read = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            List<RecordBatch> batches = ArrowIpc.read(Flux.just(ByteBuffer.wrap(record.value())), allocator)
                    .collectList().block(Duration.ofSeconds(10));
            assertThat(batches).hasSize(1);
            try (RecordBatch batch = batches.get(0)) {
                var root = batch.root();
                assertThat(new String(record.key(), StandardCharsets.UTF_8))
                        .as("an Arrow record's key is its first row's Redis key")
                        .isEqualTo(root.getVector("_key").getObject(0).toString());
                for (int row = 0; row < batch.rowCount(); row++) {
                    String key = root.getVector("_key").getObject(row).toString();
                    assertThat(read.put(key, SampleUser.fromArrow(root, row))).as("row %s read twice", key).isNull();
                }
            }
        }
        assertThat(read).isEqualTo(inRedis(users));
    }

    @Test
    void jsonRecordsCarryOneRowEachKeyedByItsRedisKey() {
        int users = 1200;
        SampleUsers.load(server.url(), prefix, users);
        List<PublishedBatch> published = publish(RecordFormat.JSON_ROWS, 250, 2, Map.of());

        assertThat(published).allSatisfy(batch -> assertThat(batch.records()).isEqualTo(batch.rows()));
        List<ConsumerRecord<byte[], byte[]>> records = TopicRecords.readAll(kafka, topic, users);
        assertThat(records).hasSize(users);
        Map<String, SampleUser> read = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            JsonNode row = JSON.readTree(record.value());
            String key = new String(record.key(), StandardCharsets.UTF_8);
            assertThat(row.get("_key").asString()).isEqualTo(key);
            assertThat(row.propertyNames()).containsExactly("_key", "name", "age", "score", "active", "joined");
            assertThat(read.put(key, SampleUser.fromJson(row))).as("row %s read twice", key).isNull();
        }
        assertThat(read).isEqualTo(inRedis(users));
    }

    @Test
    void atMostMaxInFlightBatchesAreRequestedAndNotYetAcknowledged() {
        int users = 2000;
        int maxInFlight = 3;
        SampleUsers.load(server.url(), prefix, users);
        AtomicLong requested = new AtomicLong();
        AtomicLong emitted = new AtomicLong();
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong mostRequestedAhead = new AtomicLong();
        AtomicLong mostUnacknowledged = new AtomicLong();
        Flux<RecordBatch> scan = redis.scanHashes(scan(50))
                .doOnRequest(n -> mostRequestedAhead.accumulateAndGet(
                        add(requested, n) - acknowledged.get(), Math::max))
                .doOnNext(batch -> mostUnacknowledged.accumulateAndGet(
                        emitted.incrementAndGet() - acknowledged.get(), Math::max));
        // lingering makes each acknowledgement slower than the scan, so the bound is what holds the scan back
        try (Producer<byte[], byte[]> producer = TopicRecords.producer(kafka, Map.of(ProducerConfig.LINGER_MS_CONFIG, 20))) {
            long batches = ScanPublisher.builder(producer, topic).maxInFlight(maxInFlight).build()
                    .publish(scan)
                    .doOnNext(batch -> acknowledged.incrementAndGet())
                    .count().block(Duration.ofSeconds(60));
            assertThat(batches).isEqualTo(users / 50);
        }
        assertThat(mostRequestedAhead.get()).as("batches requested beyond those acknowledged").isEqualTo(maxInFlight);
        assertThat(mostUnacknowledged.get()).as("batches received and not yet acknowledged").isEqualTo(maxInFlight);
    }

    private static long add(AtomicLong requested, long n) {
        return requested.updateAndGet(r -> r + n < 0 ? Long.MAX_VALUE : r + n);
    }

    private List<PublishedBatch> publish(RecordFormat format, int batchSize, int maxInFlight, Map<String, Object> config) {
        try (Producer<byte[], byte[]> producer = TopicRecords.producer(kafka, config)) {
            return ScanPublisher.builder(producer, topic).format(format).maxInFlight(maxInFlight).build()
                    .publish(redis.scanHashes(scan(batchSize)))
                    .collectList().block(Duration.ofSeconds(60));
        }
    }

    private HashScan scan(int batchSize) {
        return HashScan.builder().pattern(prefix + "*").schema(SampleUsers.SCHEMA).batchSize(batchSize).build();
    }

    private Map<String, SampleUser> inRedis(int users) {
        Set<String> keys = IntStream.range(0, users).mapToObj(i -> prefix + i).collect(Collectors.toSet());
        RedisClient client = RedisClient.create(server.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            assertThat(connection.sync().keys(prefix + "*")).containsExactlyInAnyOrderElementsOf(keys);
            return keys.stream().collect(Collectors.toMap(key -> key,
                    key -> SampleUser.fromHash(connection.sync().hgetall(key))));
        } finally {
            client.shutdown();
        }
    }
}
