package io.redisarrow.arrow;

import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Arrow memory is left behind on any path: complete, error, cancel, take(n), and operators a
 * subscriber adds downstream. Every test ends with the allocator empty (checked by the fixture).
 */
class LeakIntegrationTests extends ScanTestSupport {

    static final Schema SCHEMA = new Schema(List.of(
            new Field("n", FieldType.nullable(new ArrowType.Int(64, true)), null),
            new Field("s", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)));

    @BeforeEach
    void load() {
        loadHashes(2000, i -> Map.of("n", Integer.toString(i), "s", "value-" + i));
    }

    /** Adds a key whose {@code n} does not parse, so the scan fails when it reaches it. */
    void addBadKey() {
        hset(prefix + "zz-bad", Map.of("n", "not a number"));
    }

    /** Loads 5000 keys of about 500 bytes each. */
    void loadLarge() {
        loadHashes(5000, i -> Map.of("n", Integer.toString(i), "s", "v".repeat(500) + i));
    }

    @AfterEach
    void awaitQuiescence() {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (allocator.getAllocatedMemory() != 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    Flux<RecordBatch> scan() {
        return scan(50);
    }

    Flux<RecordBatch> scan(int batchSize) {
        return redis.scanHashes(HashScan.builder().pattern(prefix + "*").schema(SCHEMA).batchSize(batchSize)
                .parallel(4).build());
    }

    static int closeAndCount(RecordBatch batch) {
        try (batch) {
            return batch.rowCount();
        }
    }

    @Test
    void releasesEverythingOnComplete() {
        assertThat(scan().map(LeakIntegrationTests::closeAndCount).reduce(0, Integer::sum).block()).isEqualTo(2000);
    }

    @Test
    void releasesOnTake() {
        assertThat(scan().take(3).map(LeakIntegrationTests::closeAndCount).count().block()).isEqualTo(3);
    }

    @Test
    void releasesOnCancelMidStream() {
        StepVerifier.create(scan(), 0)
                .thenRequest(2)
                .consumeNextWith(RecordBatch::close)
                .consumeNextWith(RecordBatch::close)
                .thenCancel()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void releasesOnErrorMidStream() {
        addBadKey();
        StepVerifier.create(scan().map(LeakIntegrationTests::closeAndCount))
                .thenConsumeWhile(rows -> true)
                .expectError(ValueConversionException.class)
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void releasesWithPublishOnDownstream() {
        Long count = scan().publishOn(Schedulers.boundedElastic(), 8)
                .take(5)
                .map(LeakIntegrationTests::closeAndCount)
                .doOnDiscard(RecordBatch.class, RecordBatch::close)
                .count().block();
        assertThat(count).isEqualTo(5);
    }

    @Test
    void releasesWithLimitRateDownstream() {
        Long count = scan().limitRate(3)
                .take(7)
                .map(LeakIntegrationTests::closeAndCount)
                .doOnDiscard(RecordBatch.class, RecordBatch::close)
                .count().block();
        assertThat(count).isEqualTo(7);
    }

    @Test
    void releasesWithFlatMapDownstream() {
        // once flatMap hands a batch to the inner publisher, that publisher owns it: tie the batch's
        // life to it with Mono.using, which closes it on complete, error and cancel alike
        List<Integer> rows = scan().flatMap(batch -> Mono.using(() -> batch,
                b -> Mono.fromCallable(b::rowCount).subscribeOn(Schedulers.parallel()), RecordBatch::close), 4)
                .take(6)
                .doOnDiscard(RecordBatch.class, RecordBatch::close)
                .collectList().block();
        // a collection's batch may end with its batch of keys before it is full
        assertThat(rows).hasSize(6).allSatisfy(count -> assertThat(count).isBetween(1, 50));
    }

    @Test
    void releasesWhenAnOperatorErrorsDownstream() {
        StepVerifier.create(scan().map(batch -> {
            try (batch) {
                throw new IllegalStateException("subscriber failure");
            }
        })).expectErrorMessage("subscriber failure").verify(Duration.ofSeconds(10));
    }

    @Test
    void closesEachScansFetchConnectionOnCompleteCancelAndError() throws InterruptedException {
        Rows.collect(scan().take(1)); // opens the shared connection; its fetch connection closes soon after
        long baseline = settledClients();
        scan().map(LeakIntegrationTests::closeAndCount).blockLast();
        scan().take(2).map(LeakIntegrationTests::closeAndCount).blockLast();
        addBadKey();
        StepVerifier.create(scan().map(LeakIntegrationTests::closeAndCount)).thenConsumeWhile(rows -> true)
                .expectError(ValueConversionException.class).verify(Duration.ofSeconds(10));
        assertThat(settledClients()).isEqualTo(baseline);
    }

    /** The number of clients once it has not changed for 300 ms (closing is asynchronous). */
    private static long settledClients() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long last = connectedClients();
        while (System.nanoTime() < deadline) {
            Thread.sleep(300);
            long now = connectedClients();
            if (now == last) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private static long connectedClients() {
        String info = commands().info("clients");
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("connected_clients:")) {
                return Long.parseLong(line.substring("connected_clients:".length()).trim());
            }
        }
        throw new IllegalStateException("no connected_clients in INFO");
    }

    /**
     * Cancels while the scan's one large batch is being decoded (its first vector is allocated):
     * {@code timeout} drops whatever reaches it after its cancellation through
     * {@code Operators.onNextDropped}, which no discard hook sees, so the scan must close that
     * batch itself rather than hand it on.
     */
    @RepeatedTest(3)
    void closesABatchDecodedWhileTheSubscriberCancels() throws InterruptedException {
        loadLarge();
        List<RecordBatch> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        Disposable subscription = scan(20_000)
                .timeout(Duration.ofMinutes(1))
                .doOnDiscard(RecordBatch.class, RecordBatch::close)
                .subscribe(received::add);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (allocator.getAllocatedMemory() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        boolean decoding = allocator.getAllocatedMemory() > 0;
        subscription.dispose();
        assertThat(decoding).as("decoding had started").isTrue();
        deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (allocator.getAllocatedMemory() != 0 && received.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        received.forEach(RecordBatch::close);
        // the fixture asserts the allocator empty
    }
}
