package io.redisarrow.samples.kafka;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class ScanPublisherUnitTests {

    // a real producer that never connects: nothing here sends
    private final Producer<byte[], byte[]> producer = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9"), new ByteArraySerializer(),
            new ByteArraySerializer());

    @AfterEach
    void close() {
        producer.close(Duration.ZERO);
    }

    @Test
    void defaultsAreArrowFourBatchesAndTheScansKeyColumn() {
        ScanPublisher publisher = ScanPublisher.builder(producer, "users").build();

        assertThat(publisher.topic()).isEqualTo("users");
        assertThat(publisher.format()).isEqualTo(RecordFormat.ARROW_IPC);
        assertThat(publisher.maxInFlight()).isEqualTo(4);
        assertThat(publisher.keyColumn()).isEqualTo("_key");
    }

    @Test
    void refusesBadArgumentsNamingThem() {
        assertThatIllegalArgumentException().isThrownBy(() -> ScanPublisher.builder(producer, "users").maxInFlight(0))
                .withMessage("maxInFlight must be at least 1, not 0");
        assertThatIllegalArgumentException().isThrownBy(() -> ScanPublisher.builder(producer, " "))
                .withMessage("topic must not be blank, not ' '");
        assertThatIllegalArgumentException().isThrownBy(() -> ScanPublisher.builder(producer, "t").keyColumn(""))
                .withMessage("keyColumn must not be blank, not ''");
        assertThatNullPointerException().isThrownBy(() -> ScanPublisher.builder(null, "t"))
                .withMessage("producer must not be null");
        assertThatNullPointerException().isThrownBy(() -> ScanPublisher.builder(producer, "t").build().publish(null))
                .withMessage("batches must not be null");
    }

    @Test
    void formatsParseByTheirShortNames() {
        assertThat(RecordFormat.parse("arrow")).isEqualTo(RecordFormat.ARROW_IPC);
        assertThat(RecordFormat.parse(" JSON ")).isEqualTo(RecordFormat.JSON_ROWS);
        assertThatIllegalArgumentException().isThrownBy(() -> RecordFormat.parse("avro"))
                .withMessage("format must be arrow or json, not 'avro'");
    }
}
