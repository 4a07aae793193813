package io.redisarrow.samples.kafka;

import io.redisarrow.arrow.HashScan;
import io.redisarrow.arrow.RecordBatch;
import io.redisarrow.arrow.RedisArrow;
import io.redisarrow.testing.RedisServerExtension;
import io.redisarrow.testing.RedisTestServer;
import org.apache.arrow.memory.RootAllocator;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(RedisServerExtension.class)
class BrokerFailureIntegrationTests {

    @Test
    void aBrokerGoneMidRunFailsThePipelineCancelsTheScanAndLeaksNothing(RedisTestServer server) {
        String prefix = server.uniquePrefix("broker-failure");
        String topic = prefix.replaceAll("[^A-Za-z0-9._-]", "-");
        int users = 3000;
        int batchSize = 100;
        SampleUsers.load(server.url(), prefix, users);
        AtomicBoolean scanCancelled = new AtomicBoolean();
        AtomicBoolean scanCompleted = new AtomicBoolean();
        AtomicInteger scanned = new AtomicInteger();
        RootAllocator allocator = new RootAllocator();
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
                RedisArrow redis = RedisArrow.builder().url(server.url()).allocator(allocator).build()) {
            TopicRecords.create(kafka, topic, 1);
            Producer<byte[], byte[]> producer = TopicRecords.producer(kafka, Map.of(
                    ProducerConfig.LINGER_MS_CONFIG, 0,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2000,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000));
            try {
                Flux<RecordBatch> scan = redis.scanHashes(HashScan.builder().pattern(prefix + "*")
                                .schema(SampleUsers.SCHEMA).batchSize(batchSize).build())
                        .doOnNext(batch -> scanned.incrementAndGet())
                        .doOnCancel(() -> scanCancelled.set(true))
                        .doOnComplete(() -> scanCompleted.set(true));
                // three batches acknowledged, held there by demand; then the broker goes and the rest may come
                StepVerifier.create(ScanPublisher.builder(producer, topic).maxInFlight(2).build().publish(scan), 3)
                        .expectNextCount(3)
                        .then(kafka::close)
                        .thenRequest(Long.MAX_VALUE)
                        .thenConsumeWhile(batch -> true)
                        .expectErrorSatisfies(failure -> assertThat(failure)
                                .isInstanceOf(TimeoutException.class)
                                .hasMessageContaining(topic))
                        .verify(Duration.ofSeconds(30));
            } finally {
                producer.close(Duration.ZERO);
            }
        }
        assertThat(scanCancelled).as("scan cancelled").isTrue();
        assertThat(scanCompleted).as("scan completed").isFalse();
        assertThat(scanned.get()).as("batches scanned of %d", users / batchSize).isLessThan(users / batchSize);
        assertThat(allocator.getAllocatedMemory()).as("Arrow memory left").isZero();
        allocator.close();
    }
}
