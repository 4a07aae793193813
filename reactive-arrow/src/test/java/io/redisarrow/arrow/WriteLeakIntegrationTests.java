package io.redisarrow.arrow;

import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer closes every batch it receives exactly once, whatever ends the write: completion,
 * cancel mid-write (at random moments), an error reply under the FAIL policy, an error of the
 * publisher, a bad batch, and take(n) on the results. Tracks every batch the test made; the
 * fixture checks the allocator is empty.
 */
class WriteLeakIntegrationTests extends ScanTestSupport {

    static final Schema SCHEMA = new Schema(List.of(Field.nullable("_key", ArrowType.Utf8.INSTANCE),
            Field.nullable("v", ArrowType.Utf8.INSTANCE)));

    final Queue<RecordBatch> made = new ConcurrentLinkedQueue<>();

    /** Batches made on demand, as a scan would hand them over; a null key in batch {@code badAt}. */
    Flux<RecordBatch> batches(int count, int rows, int badAt) {
        return Flux.range(0, count).map(b -> {
            List<Object[]> cells = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                cells.add(new Object[] { b == badAt && r == rows / 2 ? null : prefix + b + ":" + r, "value " + r });
            }
            RecordBatch batch = TestBatches.of(allocator, SCHEMA, cells);
            made.add(batch);
            return batch;
        });
    }

    @AfterEach
    void everyBatchClosed() {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline && !made.stream().allMatch(RecordBatch::isClosed)) {
            Thread.onSpinWait();
        }
        assertThat(made).allMatch(RecordBatch::isClosed);
    }

    HashWrite write() {
        return HashWrite.builder().parallel(4).build();
    }

    @Test
    void completes() {
        assertThat(redis.writeHashes(batches(50, 100, -1), write()).count().block()).isEqualTo(50);
    }

    @Test
    void takeOnTheResults() {
        assertThat(redis.writeHashes(batches(500, 100, -1), write()).take(2).count().block()).isEqualTo(2);
    }

    @Test
    void publisherError() {
        StepVerifier.create(redis.writeHashes(batches(30, 100, -1).concatWith(Flux.error(new IllegalStateException("boom"))),
                write())).thenConsumeWhile(r -> true).expectErrorMessage("boom").verify(Duration.ofSeconds(10));
    }

    @Test
    void badBatchMidStream() {
        StepVerifier.create(redis.writeHashes(batches(100, 100, 20), write())).thenConsumeWhile(r -> true)
                .expectError(IllegalArgumentException.class).verify(Duration.ofSeconds(10));
    }

    @Test
    void errorReplyUnderFailPolicyWithBatchesInFlight() {
        commands().set(bytes(prefix + "10:5"), bytes("a string"));
        StepVerifier.create(redis.writeHashes(batches(200, 100, -1), write())).thenConsumeWhile(r -> true)
                .expectError(WriteFailedException.class).verify(Duration.ofSeconds(10));
    }

    @RepeatedTest(20)
    void cancelMidWrite() throws InterruptedException {
        Disposable write = redis.writeHashes(batches(2000, 200, -1).subscribeOn(Schedulers.boundedElastic()), write())
                .subscribe();
        Thread.sleep(ThreadLocalRandom.current().nextInt(5, 60));
        write.dispose();
    }
}
