package io.redisarrow.samples.kafka;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link Producer#send} wrapped in a {@link Mono}: the send callback completes the sink. */
final class KafkaSends {

    private KafkaSends() {
    }

    /**
     * Hands every record to the producer on subscription and completes once Kafka acknowledged all
     * of them, or fails with the first failure (handing on no further record). A cancel stops handing
     * records on; records already handed on cannot be taken back.
     *
     * @param producer the producer
     * @param records the records
     * @return the number of records acknowledged
     */
    static Mono<Integer> sendAll(Producer<byte[], byte[]> producer, List<ProducerRecord<byte[], byte[]>> records) {
        return Mono.create(sink -> {
            if (records.isEmpty()) {
                sink.success(0);
                return;
            }
            AtomicBoolean done = new AtomicBoolean();
            AtomicInteger waiting = new AtomicInteger(records.size());
            sink.onCancel(() -> done.set(true));
            for (ProducerRecord<byte[], byte[]> record : records) {
                if (done.get()) {
                    return;
                }
                try {
                    producer.send(record, (metadata, failure) -> {
                        if (failure != null) {
                            if (done.compareAndSet(false, true)) {
                                sink.error(failure);
                            }
                        } else if (waiting.decrementAndGet() == 0 && done.compareAndSet(false, true)) {
                            sink.success(records.size());
                        }
                    });
                } catch (RuntimeException failure) {
                    // send throws what fails before the record is queued: a closed producer, max.block.ms passed
                    if (done.compareAndSet(false, true)) {
                        sink.error(failure);
                    }
                    return;
                }
            }
        });
    }
}
