package io.redisarrow.samples.kafka;

import io.redisarrow.arrow.RecordBatch;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes a scan's batches to a Kafka topic with a plain {@link Producer}, Kafka's
 * acknowledgements driving demand: at most {@link Builder#maxInFlight(int) maxInFlight} batches are
 * requested from the scan and not yet acknowledged, so a slow broker slows the scan down rather than
 * filling memory.
 *
 * <pre>{@code
 * try (Producer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
 *     ScanPublisher publisher = ScanPublisher.builder(producer, "users").format(RecordFormat.ARROW_IPC).maxInFlight(4).build();
 *     long rows = publisher.publish(redis.scanHashes(scan)).map(PublishedBatch::rows).reduce(0L, Long::sum).block();
 * }
 * }</pre>
 *
 * <p>Each batch becomes its records as soon as the scan hands it on, and is closed then (an Arrow
 * IPC stream per batch, or one JSON object per row: see {@link RecordFormat}); the records are
 * handed to the producer on {@link Builder#sendScheduler(Scheduler) a scheduler} where
 * {@link Producer#send} may block (for metadata, or for room in {@code buffer.memory}, at most
 * {@code max.block.ms}), never on the scan's thread. A failed send fails the returned flux, which
 * cancels the scan and the other batches' sends; a batch already turned into records holds no Arrow
 * memory, so nothing is left in the allocator. Records already handed to the producer stay there:
 * close or flush the producer as you see fit. A batch's record must fit the producer's
 * {@code max.request.size} and the broker's {@code message.max.bytes} (1 MiB by default):
 * choose the scan's batch size accordingly.
 */
public final class ScanPublisher {

    /** The default number of batches in flight. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 4;

    /** The default key column: the scans' default. */
    public static final String DEFAULT_KEY_COLUMN = "_key";

    private final Producer<byte[], byte[]> producer;

    private final String topic;

    private final RecordFormat format;

    private final int maxInFlight;

    private final String keyColumn;

    private final Scheduler sendScheduler;

    private ScanPublisher(Builder builder) {
        this.producer = builder.producer;
        this.topic = builder.topic;
        this.format = builder.format;
        this.maxInFlight = builder.maxInFlight;
        this.keyColumn = builder.keyColumn;
        this.sendScheduler = builder.sendScheduler;
    }

    /**
     * @param producer the producer; the caller keeps it and closes it
     * @param topic the topic to publish to
     * @return a builder
     */
    public static Builder builder(Producer<byte[], byte[]> producer, String topic) {
        return new Builder(producer, topic);
    }

    /**
     * Publishes every batch. Cold: each subscription reads the batches anew. Emits one
     * {@link PublishedBatch} per batch once Kafka acknowledged all its records, in the order the
     * acknowledgements complete; completes after the last; fails with the first send's failure
     * (such as a {@code TimeoutException} once {@code delivery.timeout.ms} passed without the broker),
     * or the scan's, after cancelling the scan.
     *
     * @param batches the batches, such as {@code redis.scanHashes(scan)}; each is closed here
     * @return the acknowledged batches
     */
    public Flux<PublishedBatch> publish(Publisher<RecordBatch> batches) {
        Objects.requireNonNull(batches, "batches must not be null");
        return Flux.defer(() -> {
            AtomicLong numbers = new AtomicLong();
            return Flux.from(batches).flatMap(batch -> {
                long number = numbers.getAndIncrement();
                int rows = batch.rowCount();
                List<ProducerRecord<byte[], byte[]>> records = BatchRecords.of(batch, format, topic, keyColumn);
                long bytes = records.stream().mapToLong(r -> r.value().length).sum();
                return KafkaSends.sendAll(producer, records)
                        .subscribeOn(sendScheduler)
                        .map(acknowledged -> new PublishedBatch(number, rows, acknowledged, bytes));
            }, maxInFlight, 1);
        }).doOnDiscard(RecordBatch.class, RecordBatch::close);
    }

    /** @return the topic */
    public String topic() {
        return topic;
    }

    /** @return what a record carries */
    public RecordFormat format() {
        return format;
    }

    /** @return how many batches may be requested and not yet acknowledged */
    public int maxInFlight() {
        return maxInFlight;
    }

    /** @return the column holding the Redis keys */
    public String keyColumn() {
        return keyColumn;
    }

    @Override
    public String toString() {
        return "ScanPublisher{topic=" + topic + ", format=" + format + ", maxInFlight=" + maxInFlight + '}';
    }

    /** Configures a {@link ScanPublisher}. */
    public static final class Builder {

        private final Producer<byte[], byte[]> producer;

        private final String topic;

        private RecordFormat format = RecordFormat.ARROW_IPC;

        private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;

        private String keyColumn = DEFAULT_KEY_COLUMN;

        private Scheduler sendScheduler = Schedulers.boundedElastic();

        private Builder(Producer<byte[], byte[]> producer, String topic) {
            this.producer = Objects.requireNonNull(producer, "producer must not be null");
            Objects.requireNonNull(topic, "topic must not be null");
            if (topic.isBlank()) {
                throw new IllegalArgumentException("topic must not be blank, not '" + topic + "'");
            }
            this.topic = topic;
        }

        /**
         * @param format what a record carries; default {@link RecordFormat#ARROW_IPC}
         * @return this builder
         */
        public Builder format(RecordFormat format) {
            this.format = Objects.requireNonNull(format, "format must not be null");
            return this;
        }

        /**
         * @param maxInFlight how many batches may be requested from the scan and not yet
         *        acknowledged by Kafka, at least 1; default {@value #DEFAULT_MAX_IN_FLIGHT}
         * @return this builder
         */
        public Builder maxInFlight(int maxInFlight) {
            if (maxInFlight < 1) {
                throw new IllegalArgumentException("maxInFlight must be at least 1, not " + maxInFlight);
            }
            this.maxInFlight = maxInFlight;
            return this;
        }

        /**
         * @param keyColumn the Utf8 or Binary column holding the Redis keys; default
         *        {@value #DEFAULT_KEY_COLUMN}. Records of a batch without it have no key.
         * @return this builder
         */
        public Builder keyColumn(String keyColumn) {
            Objects.requireNonNull(keyColumn, "keyColumn must not be null");
            if (keyColumn.isBlank()) {
                throw new IllegalArgumentException("keyColumn must not be blank, not '" + keyColumn + "'");
            }
            this.keyColumn = keyColumn;
            return this;
        }

        /**
         * @param sendScheduler where records are handed to the producer, whose {@code send} may
         *        block up to {@code max.block.ms}; default {@link Schedulers#boundedElastic()}
         * @return this builder
         */
        public Builder sendScheduler(Scheduler sendScheduler) {
            this.sendScheduler = Objects.requireNonNull(sendScheduler, "sendScheduler must not be null");
            return this;
        }

        /** @return the publisher */
        public ScanPublisher build() {
            return new ScanPublisher(this);
        }
    }
}
