package io.redisarrow.arrow.internal.decode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decoding operator's contract, each case driven step by step: decoding only on demand and
 * one element at a time, and every resource it makes either emitted or released, including one
 * made while the subscriber cancels, while upstream fails, or whose {@code onNext} throws.
 */
class FluxDecodeUnitTests {

    static Scheduler scheduler;

    final List<Resource> made = new CopyOnWriteArrayList<>();

    final AtomicInteger dropped = new AtomicInteger();

    /** Stands for a batch: records whether it was released. */
    static final class Resource {

        final int value;

        final AtomicBoolean released = new AtomicBoolean();

        Resource(int value) {
            this.value = value;
        }
    }

    @BeforeAll
    static void createScheduler() {
        scheduler = Schedulers.newSingle("decode");
    }

    @AfterAll
    static void disposeScheduler() {
        scheduler.dispose();
    }

    @BeforeEach
    void countDrops() {
        Hooks.onNextDropped(value -> dropped.incrementAndGet());
    }

    @AfterEach
    void resetHooks() {
        Hooks.resetOnNextDropped();
    }

    Resource make(int value) {
        Resource resource = new Resource(value);
        made.add(resource);
        return resource;
    }

    Flux<Resource> decode(Flux<Integer> source, Function<Integer, Resource> decoder) {
        return new FluxDecode<>(source, decoder, resource -> resource.released.set(true), scheduler);
    }

    Flux<Resource> decode(Flux<Integer> source) {
        return decode(source, this::make);
    }

    /** A decoder that signals when it starts and waits for the test before it finishes. */
    final class Blocking implements Function<Integer, Resource> {

        final CountDownLatch started = new CountDownLatch(1);

        final CountDownLatch proceed = new CountDownLatch(1);

        @Override
        public Resource apply(Integer value) {
            Resource resource = make(value);
            started.countDown();
            try {
                proceed.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return resource;
        }

        void awaitStarted() throws InterruptedException {
            assertThat(started.await(10, TimeUnit.SECONDS)).as("decoding started").isTrue();
        }
    }

    static void awaitReleased(Resource resource) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!resource.released.get() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(resource.released).as("released").isTrue();
    }

    @Test
    void decodesOnlyOnDemandAndRequestsOneElementAtATime() {
        TestPublisher<Integer> source = TestPublisher.create();
        StepVerifier.create(decode(source.flux()), 0)
                .then(() -> {
                    source.assertMinRequested(1).assertMaxRequested(1);
                    source.next(1);
                })
                .expectNoEvent(Duration.ofMillis(50))
                .then(() -> assertThat(made).isEmpty())
                .thenRequest(5)
                .assertNext(resource -> assertThat(resource.value).isEqualTo(1))
                // the next request goes upstream once the element was handed on, on the decode thread
                .then(() -> awaitRequested(source).next(2))
                .assertNext(resource -> assertThat(resource.value).isEqualTo(2))
                .then(() -> source.complete())
                .verifyComplete();
        assertThat(made).hasSize(2).noneMatch(resource -> resource.released.get());
    }

    /** @return the source, once it has an outstanding request (within 5 s) */
    private static TestPublisher<Integer> awaitRequested(TestPublisher<Integer> source) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            try {
                return source.assertMinRequested(1);
            } catch (AssertionError notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.onSpinWait();
            }
        }
    }

    @Test
    void completesOnlyAfterTheWaitingElementWasEmitted() {
        TestPublisher<Integer> source = TestPublisher.create();
        StepVerifier.create(decode(source.flux()), 0)
                .then(() -> source.next(1).complete())
                .expectNoEvent(Duration.ofMillis(50))
                .thenRequest(1)
                .assertNext(resource -> assertThat(resource.value).isEqualTo(1))
                .verifyComplete();
    }

    @Test
    void releasesWhatItDecodedWhileTheSubscriberCancelledInsteadOfEmittingIt() throws InterruptedException {
        Blocking decoder = new Blocking();
        TestPublisher<Integer> source = TestPublisher.create();
        List<Resource> received = new CopyOnWriteArrayList<>();
        // timeout drops an element that arrives after its cancellation through onNextDropped
        var subscription = decode(source.flux(), decoder).timeout(Duration.ofMinutes(1)).subscribe(received::add);
        source.next(1);
        decoder.awaitStarted();
        subscription.dispose();
        decoder.proceed.countDown();
        awaitReleased(made.get(0));
        source.assertCancelled();
        assertThat(received).isEmpty();
        assertThat(dropped).hasValue(0);
    }

    @Test
    void releasesWhatItDecodedWhenUpstreamFailsMeanwhile() throws InterruptedException {
        Blocking decoder = new Blocking();
        TestPublisher<Integer> source = TestPublisher.create();
        AtomicReference<Throwable> error = new AtomicReference<>();
        List<Resource> received = new CopyOnWriteArrayList<>();
        decode(source.flux(), decoder).subscribe(received::add, error::set);
        source.next(1);
        decoder.awaitStarted();
        source.error(new IllegalStateException("fetch failed"));
        decoder.proceed.countDown();
        awaitReleased(made.get(0));
        assertThat(received).isEmpty();
        assertThat(error.get()).hasMessage("fetch failed");
    }

    @Test
    void releasesAResourceWhoseOnNextThrowsAndSignalsTheFailure() throws InterruptedException {
        TestPublisher<Integer> source = TestPublisher.create();
        ThrowingSubscriber<Resource> subscriber = new ThrowingSubscriber<>();
        AtomicReference<Throwable> error = subscriber.error;
        CountDownLatch failed = subscriber.failed;
        decode(source.flux()).subscribe(subscriber);
        source.next(1);
        assertThat(failed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(error.get()).hasMessage("subscriber failure");
        assertThat(made).hasSize(1).allMatch(resource -> resource.released.get());
        source.assertCancelled();
    }

    @Test
    void aDecodingFailureCancelsUpstreamAndIsSignalled() {
        TestPublisher<Integer> source = TestPublisher.create();
        StepVerifier.create(decode(source.flux(), value -> {
            throw new IllegalArgumentException("bad value " + value);
        }))
                .then(() -> source.next(7))
                .expectErrorMessage("bad value 7")
                .verify(Duration.ofSeconds(10));
        source.assertCancelled();
    }

    @Test
    void emitsNothingAfterCancelEvenWithAnElementWaiting() throws InterruptedException {
        TestPublisher<Integer> source = TestPublisher.create();
        List<Resource> received = new CopyOnWriteArrayList<>();
        BaseSubscriber<Resource> subscriber = new BaseSubscriber<>() {

            @Override
            protected void hookOnSubscribe(Subscription subscription) {
            }

            @Override
            protected void hookOnNext(Resource value) {
                received.add(value);
            }
        };
        decode(source.flux()).subscribe(subscriber);
        source.next(1);
        subscriber.cancel();
        subscriber.request(1);
        Thread.sleep(50);
        assertThat(received).isEmpty();
        assertThat(made).isEmpty();
        source.assertCancelled();
    }
}
