package io.redisarrow.arrow;

import io.redisarrow.arrow.internal.decode.RawBatchDecoder;
import io.redisarrow.core.RawBatch;
import io.redisarrow.arrow.internal.decode.ThrowingSubscriber;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.publisher.TestPublisher;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scan's decoding stage, stepped through the moments where a batch used to leak: the
 * subscriber cancelling, or the read failing, while a batch is being decoded, and a subscriber
 * whose {@code onNext} throws. Decoding waits on a latch, so each case happens every time.
 */
class RecordBatchesUnitTests {

    static Scheduler scheduler;

    static final RawBatch RAW = LeakRaceUnitTests.raw(10);

    BufferAllocator allocator;

    final List<RecordBatch> created = new CopyOnWriteArrayList<>();

    final List<RecordBatch> received = new CopyOnWriteArrayList<>();

    final AtomicInteger dropped = new AtomicInteger();

    final CountDownLatch decoding = new CountDownLatch(1);

    final CountDownLatch proceed = new CountDownLatch(1);

    @BeforeAll
    static void createScheduler() {
        scheduler = Schedulers.newSingle("decode");
    }

    @AfterAll
    static void disposeScheduler() {
        scheduler.dispose();
    }

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator(Long.MAX_VALUE);
        Hooks.onNextDropped(value -> dropped.incrementAndGet());
    }

    @AfterEach
    void tearDown() {
        Hooks.resetOnNextDropped();
        received.forEach(RecordBatch::close);
        assertThat(allocator.getAllocatedMemory()).as("Arrow memory left allocated").isZero();
        allocator.close();
    }

    /** The stage under test, with a decoder that waits for the test once it has made its batch. */
    Flux<RecordBatch> decode(TestPublisher<RawBatch> source) {
        RawBatchDecoder decoder = new RawBatchDecoder(LeakRaceUnitTests.LAYOUT);
        return RecordBatches.decode(source.flux(), raw -> {
            var decoded = decoder.decode(raw, allocator);
            RecordBatch batch = new RecordBatch(decoded.root(), decoded.nulledValues());
            created.add(batch);
            decoding.countDown();
            try {
                proceed.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return batch;
        }, scheduler);
    }

    void awaitDecoding() throws InterruptedException {
        assertThat(decoding.await(10, TimeUnit.SECONDS)).as("decoding started").isTrue();
    }

    void awaitClosed() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (created.stream().anyMatch(batch -> !batch.isClosed()) && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(created).as("batches made").hasSize(1).allMatch(RecordBatch::isClosed);
    }

    @Test
    void closesABatchDecodedWhileTheSubscriberCancelledInsteadOfHandingItOn() throws InterruptedException {
        TestPublisher<RawBatch> source = TestPublisher.create();
        // timeout passes on nothing after its cancellation: a late batch goes to onNextDropped, past any discard hook
        var subscription = decode(source).timeout(Duration.ofMinutes(1))
                .doOnDiscard(RecordBatch.class, RecordBatch::close)
                .subscribe(received::add);
        source.next(RAW);
        awaitDecoding();
        subscription.dispose();
        proceed.countDown();
        awaitClosed();
        assertThat(received).isEmpty();
        assertThat(dropped).as("batches dropped by Operators.onNextDropped").hasValue(0);
    }

    @Test
    void closesABatchDecodedWhileTheReadFailed() throws InterruptedException {
        TestPublisher<RawBatch> source = TestPublisher.create();
        AtomicReference<Throwable> error = new AtomicReference<>();
        CountDownLatch failed = new CountDownLatch(1);
        decode(source).subscribe(received::add, e -> {
            error.set(e);
            failed.countDown();
        });
        source.next(RAW);
        awaitDecoding();
        source.error(new IllegalStateException("the connection to 127.0.0.1:6379 was closed"));
        proceed.countDown();
        awaitClosed();
        assertThat(failed.await(5, TimeUnit.SECONDS)).as("onError signalled").isTrue();
        assertThat(received).isEmpty();
        assertThat(error.get()).hasMessage("the connection to 127.0.0.1:6379 was closed");
    }

    @Test
    void closesABatchWhoseOnNextThrows() throws InterruptedException {
        proceed.countDown();
        TestPublisher<RawBatch> source = TestPublisher.create();
        ThrowingSubscriber<RecordBatch> subscriber = new ThrowingSubscriber<>();
        AtomicReference<Throwable> error = subscriber.error;
        CountDownLatch failed = subscriber.failed;
        decode(source).subscribe(subscriber);
        source.next(RAW);
        assertThat(failed.await(5, TimeUnit.SECONDS)).as("onError signalled").isTrue();
        awaitClosed();
        assertThat(error.get()).hasMessage("subscriber failure");
        source.assertCancelled();
    }
}
