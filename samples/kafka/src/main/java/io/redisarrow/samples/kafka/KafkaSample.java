package io.redisarrow.samples.kafka;

import io.redisarrow.arrow.HashScan;
import io.redisarrow.arrow.RedisArrow;
import io.redisarrow.testing.LocalRedisServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Kafka sample's main: loads users into Redis (a local server it starts itself unless
 * {@code REDIS_URL} is set), starts a one-node Kafka in this JVM (unless {@code KAFKA_BOOTSTRAP} is
 * set), publishes a scan of the users to a topic with {@link ScanPublisher}, and prints the counts
 * and the rate. Numbers are printed in {@link Locale#ROOT}.
 */
public final class KafkaSample {

    static final int DEFAULT_USERS = 100_000;

    static final String DEFAULT_PREFIX = "kafka-sample:user:";

    static final String DEFAULT_TOPIC = "redis-users";

    static final int PARTITIONS = 3;

    /** Rows per batch: 5,000 users make an Arrow IPC record of about 290 KB, under Kafka's 1 MiB limit. */
    static final int BATCH_SIZE = 5000;

    private KafkaSample() {
    }

    /**
     * @param args optional number of users (default 100,000), then {@code arrow} (default) or {@code json}
     */
    public static void main(String[] args) {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_USERS;
        RecordFormat format = args.length > 1 ? RecordFormat.parse(args[1]) : RecordFormat.ARROW_IPC;
        String url = System.getenv("REDIS_URL");
        if (url != null && !url.isBlank()) {
            withKafka(url, users, format);
            return;
        }
        System.out.println("REDIS_URL is not set: starting " + LocalRedisServer.defaultBinary()
                .map(Path::toString).orElse("a local redis-server"));
        try (LocalRedisServer server = LocalRedisServer.start()) {
            System.out.println("Redis " + server.version() + " on " + server.url());
            withKafka(server.url(), users, format);
        }
    }

    private static void withKafka(String url, int users, RecordFormat format) {
        String bootstrap = System.getenv("KAFKA_BOOTSTRAP");
        if (bootstrap != null && !bootstrap.isBlank()) {
            run(url, bootstrap, DEFAULT_PREFIX, DEFAULT_TOPIC, users, format, System.out);
            return;
        }
        System.out.println("KAFKA_BOOTSTRAP is not set: starting a one-node Kafka (KRaft) in this JVM");
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            System.out.println("Kafka on " + kafka.bootstrapServers());
            run(url, kafka.bootstrapServers(), DEFAULT_PREFIX, DEFAULT_TOPIC, users, format, System.out);
        }
    }

    /**
     * Loads {@code users} hashes {@code <prefix><n>} and publishes a scan of them to {@code topic}
     * (created with {@value #PARTITIONS} partitions if missing).
     *
     * @param url the Redis URL
     * @param bootstrap the Kafka bootstrap servers
     * @param prefix the keys' prefix
     * @param topic the topic
     * @param users how many users
     * @param format what a record carries
     * @param out where to print
     * @return what was published
     */
    public static Summary run(String url, String bootstrap, String prefix, String topic, int users,
            RecordFormat format, PrintStream out) {
        out.printf(Locale.ROOT, "loading %,d users into %s%n", users, url.replaceAll(":[^:@/]*@", ":***@"));
        SampleUsers.load(url, prefix, users);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Topics.create(admin, topic, PARTITIONS);
            long before = Topics.endOffsets(admin, topic);
            HashScan scan = HashScan.builder().pattern(prefix + "*").schema(SampleUsers.SCHEMA)
                    .batchSize(BATCH_SIZE).build();
            Summary summary;
            try (RedisArrow redis = RedisArrow.connect(url);
                    Producer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(bootstrap),
                            new ByteArraySerializer(), new ByteArraySerializer())) {
                ScanPublisher publisher = ScanPublisher.builder(producer, topic).format(format).build();
                out.printf(Locale.ROOT, "publishing %s* to topic %s as %s, at most %d batches in flight%n",
                        prefix, topic, describe(format), publisher.maxInFlight());
                long start = System.nanoTime();
                summary = publisher.publish(redis.scanHashes(scan))
                        .reduce(Summary.EMPTY, Summary::add)
                        .map(s -> s.took((System.nanoTime() - start) / 1e9))
                        .block();
            }
            out.println(summary);
            long added = Topics.endOffsets(admin, topic) - before;
            out.printf(Locale.ROOT, "topic %s: %,d records added (end offsets of its %d partitions)%n",
                    topic, added, PARTITIONS);
            return summary;
        }
    }

    /**
     * The producer settings the sample uses: every replica acknowledges, a little batching, and
     * bounded waits so a missing broker fails the pipeline within seconds rather than minutes.
     *
     * @param bootstrap the bootstrap servers
     * @return the producer's configuration
     */
    static Map<String, Object> producerConfig(String bootstrap) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        return config;
    }

    private static String describe(RecordFormat format) {
        return format == RecordFormat.ARROW_IPC
                ? "one Arrow IPC stream per batch (key: the batch's first Redis key)"
                : "one JSON object per row (key: the row's Redis key)";
    }

    /**
     * What a run published.
     *
     * @param batches batches acknowledged
     * @param rows rows in them
     * @param records records acknowledged
     * @param bytes the records' value bytes
     * @param seconds how long the publishing took
     */
    public record Summary(long batches, long rows, long records, long bytes, double seconds) {

        static final Summary EMPTY = new Summary(0, 0, 0, 0, 0);

        Summary add(PublishedBatch batch) {
            return new Summary(batches + 1, rows + batch.rows(), records + batch.records(), bytes + batch.bytes(),
                    seconds);
        }

        Summary took(double elapsed) {
            return new Summary(batches, rows, records, bytes, elapsed);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "published %,d rows as %,d records (%,d batches, %,.1f MB of values) in %.2f s: %,.0f rows/s",
                    rows, records, batches, bytes / 1e6, seconds, seconds > 0 ? rows / seconds : 0.0);
        }
    }
}
