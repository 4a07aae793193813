package io.redisarrow.arrow;

import io.redisarrow.arrow.internal.decode.BatchLayout;
import io.redisarrow.arrow.internal.decode.RawBatchDecoder;
import io.redisarrow.core.RawBatch;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.util.RaceTestUtils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Races cancellation, errors and completion against emission, many times, for each operator a
 * subscriber is likely to put after a scan, in the manner of reactor-core's
 * {@code OnDiscardShouldNotLeakTest}: raw batches built in memory feed the scan's decoding stage
 * directly, the chain ends with the documented
 * {@code doOnDiscard(RecordBatch.class, RecordBatch::close)}, the test closes only what its
 * subscriber received, and each iteration's allocator must then be empty. A batch decoded while
 * the subscriber cancels and handed on anyway is lost by {@code buffer} (into a buffer nobody
 * discards) and by {@code timeout} (through {@code Operators.onNextDropped}). For {@code timeout},
 * which drops a batch reaching it in the instant between its own cancellation and the scan's, the
 * test closes what {@code Hooks.onNextDropped} receives, as the scan's javadoc advises; for every
 * other chain that hook only counts, so a drop there is a leak. {@link RecordBatchesUnitTests}
 * steps through the same moments one at a time.
 */
class LeakRaceUnitTests {

    static final int ITERATIONS = 300;

    static final int ROWS = 300;

    static final BatchLayout LAYOUT = new BatchLayout(null, "_key", false, null, List.of(
            new Field("n", FieldType.nullable(new ArrowType.Int(64, true)), null),
            new Field("s", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)), ParseErrorPolicy.FAIL);

    static final RawBatch RAW = raw(ROWS);

    static Scheduler decodeScheduler;

    static Scheduler raceScheduler;

    static Scheduler downstreamScheduler;

    BufferAllocator root;

    final AtomicInteger droppedByOnNextDropped = new AtomicInteger();

    /** whether the onNextDropped hook closes batches, as the scan's javadoc advises with timeout */
    volatile boolean closeDropped;

    @BeforeAll
    static void schedulers() {
        decodeScheduler = Schedulers.newParallel("decode", 2);
        raceScheduler = Schedulers.newParallel("race", 2);
        downstreamScheduler = Schedulers.newParallel("downstream", 2);
    }

    @AfterAll
    static void disposeSchedulers() {
        decodeScheduler.dispose();
        raceScheduler.dispose();
        downstreamScheduler.dispose();
    }

    @BeforeEach
    void setUp() {
        root = new RootAllocator(Long.MAX_VALUE);
        // Reactor's documented cleanup path for what an operator drops without the discard hook, which the
        // scan's javadoc asks of applications using timeout: it drops a batch handed to it between its own
        // cancellation and that cancel reaching the scan. Other chains must not need it, so there it only counts.
        Hooks.onNextDropped(dropped -> {
            droppedByOnNextDropped.incrementAndGet();
            if (closeDropped && dropped instanceof RecordBatch batch) {
                batch.close();
            }
        });
        Hooks.onErrorDropped(e -> { });
    }

    @AfterEach
    void tearDown() {
        Hooks.resetOnNextDropped();
        Hooks.resetOnErrorDropped();
        assertThat(root.getAllocatedMemory()).as("Arrow memory left allocated").isZero();
        root.close();
    }

    /** Operators a subscriber puts after a scan; each ends up emitting batches or lists of batches. */
    enum Chain {
        TIMEOUT, PUBLISH_ON, LIMIT_RATE, TAKE, FLAT_MAP, CONCAT_MAP, BUFFER, FILTER;

        Flux<?> apply(Flux<RecordBatch> batches) {
            return switch (this) {
                case TIMEOUT -> batches.timeout(Duration.ofMinutes(1));
                case PUBLISH_ON -> batches.publishOn(downstreamScheduler, 2);
                case LIMIT_RATE -> batches.limitRate(2);
                case TAKE -> batches.take(2);
                case FLAT_MAP -> batches.flatMap(Chain::rowsLater, 2);
                case CONCAT_MAP -> batches.concatMap(Chain::rowsLater);
                case BUFFER -> batches.buffer(2);
                case FILTER -> batches.filter(batch -> batch.rowCount() % 2 == 0);
            };
        }

        /** What the README advises inside flatMap: the inner publisher owns the batch and closes it. */
        static Mono<Integer> rowsLater(RecordBatch batch) {
            return Mono.using(() -> batch, b -> Mono.fromCallable(b::rowCount).publishOn(downstreamScheduler),
                    RecordBatch::close);
        }
    }

    @ParameterizedTest
    @EnumSource(Chain.class)
    void cancelRacingEmissionLeaksNothing(Chain chain) {
        assumeAsyncPublishOnDiscardsOnCancel(chain);
        assumeBufferIsNotCancelledMidOnNext(chain);
        for (int i = 0; i < ITERATIONS; i++) {
            Run run = new Run(chain);
            run.emit();
            RaceTestUtils.race(raceScheduler, run::emit, run.subscriber::cancel);
            run.assertNoLeak(chain, "cancel racing emission", i);
        }
    }

    @ParameterizedTest
    @EnumSource(Chain.class)
    void errorRacingEmissionLeaksNothing(Chain chain) {
        for (int i = 0; i < ITERATIONS; i++) {
            Run run = new Run(chain);
            run.emit();
            RaceTestUtils.race(raceScheduler, run::emit, run::error);
            run.assertNoLeak(chain, "error racing emission", i);
        }
    }

    @ParameterizedTest
    @EnumSource(Chain.class)
    void completeRacingCancelLeaksNothing(Chain chain) {
        assumeAsyncPublishOnDiscardsOnCancel(chain);
        assumeBufferIsNotCancelledMidOnNext(chain);
        for (int i = 0; i < ITERATIONS; i++) {
            Run run = new Run(chain);
            run.emit();
            run.emit();
            RaceTestUtils.race(raceScheduler, run::complete, run.subscriber::cancel);
            run.assertNoLeak(chain, "complete racing cancel", i);
        }
    }

    /**
     * The moment the replaced {@code publishOn().map()} chain leaked at, every time: the subscriber
     * cancels while the second batch is being decoded. That batch must be closed by the scan, not
     * handed on; here no hook closes what {@code timeout} drops.
     */
    @ParameterizedTest
    @EnumSource(Chain.class)
    void cancelWhileABatchIsDecodedLeaksNothing(Chain chain) {
        assumeAsyncPublishOnDiscardsOnCancel(chain);
        for (int i = 0; i < ITERATIONS / 10; i++) {
            Run run = new Run(chain);
            closeDropped = false;
            run.holdSecond = true;
            run.emit();
            run.emit();
            await(run.decodingSecond);
            run.subscriber.cancel();
            run.proceed.countDown();
            run.assertNoLeak(chain, "cancel while decoding", i);
        }
    }

    static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("latch released").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Like decoding, waiting is not cut short by an interrupt (a cancelled publishOn interrupts its worker). */
    static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (latch.getCount() > 0 && System.nanoTime() < deadline) {
            try {
                latch.await(10, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A timeout firing cancels the scan and signals an error, racing with a batch being decoded. */
    @Test
    void timeoutFiringWhileABatchIsDecodedLeaksNothing() {
        for (int i = 0; i < ITERATIONS; i++) {
            Sinks.Empty<Void> fire = Sinks.empty();
            closeDropped = true;
            Run run = new Run(batches -> batches.timeout(fire.asMono(), batch -> Mono.never()));
            run.emit();
            RaceTestUtils.race(raceScheduler, run::emit, () -> fire.tryEmitEmpty());
            run.assertNoLeak(null, "timeout firing while decoding", i);
        }
    }

    /**
     * reactor-core 3.8 loses what an asynchronous {@code publishOn} has queued when a cancel arrives
     * while its drain task is scheduled but not started (reactor/reactor-core#4396): not ours to fix.
     */
    static void assumeAsyncPublishOnDiscardsOnCancel(Chain chain) {
        assumeThat(chain).as("reactor-core#4396: publishOn on a thread pool drops its queue on such a cancel")
                .isNotEqualTo(Chain.PUBLISH_ON);
    }

    /**
     * {@code buffer}'s cancel discards its current list while an {@code onNext} running at that
     * very instant may still add to it (or start a new one): a batch handed on in the nanoseconds
     * before the cancel reaches the scan can be lost there, whatever the source does. Seen about
     * once in a thousand tight races; the scan's own part, never handing on a batch decoded after
     * the cancel reached it, is what {@link #cancelWhileABatchIsDecodedLeaksNothing} checks.
     */
    static void assumeBufferIsNotCancelledMidOnNext(Chain chain) {
        assumeThat(chain).as("buffer loses an element whose onNext runs concurrently with its cancel")
                .isNotEqualTo(Chain.BUFFER);
    }

    /** One subscription: a sink of raw batches through the decoding stage and a chain to a collecting subscriber. */
    final class Run {

        final Sinks.Many<RawBatch> source = Sinks.many().unicast().onBackpressureBuffer();

        final BufferAllocator allocator = root.newChildAllocator("run", 0, Long.MAX_VALUE);

        final Collecting subscriber = new Collecting();

        final Queue<RecordBatch> created = new ConcurrentLinkedQueue<>();

        final AtomicInteger decoding = new AtomicInteger();

        /** whether decoding the second batch waits for {@link #proceed}, once it has made the batch */
        volatile boolean holdSecond;

        final CountDownLatch decodingSecond = new CountDownLatch(1);

        final CountDownLatch proceed = new CountDownLatch(1);

        Run(Chain chain) {
            this(chain::apply);
            closeDropped = chain == Chain.TIMEOUT;
        }

        Run(java.util.function.Function<Flux<RecordBatch>, Flux<?>> chain) {
            RawBatchDecoder decoder = new RawBatchDecoder(LAYOUT);
            Flux<RecordBatch> batches = RecordBatches.decode(source.asFlux(), raw -> {
                decoding.incrementAndGet();
                try {
                    var decoded = decoder.decode(raw, allocator);
                    RecordBatch batch = new RecordBatch(decoded.root(), decoded.nulledValues());
                    created.add(batch);
                    if (created.size() == 2 && holdSecond) {
                        decodingSecond.countDown();
                        awaitUninterruptibly(proceed);
                    }
                    return batch;
                } finally {
                    decoding.decrementAndGet();
                }
            }, decodeScheduler);
            chain.apply(batches).doOnDiscard(RecordBatch.class, RecordBatch::close).subscribe(subscriber);
        }

        void emit() {
            source.emitNext(RAW, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(5)));
        }

        void error() {
            source.emitError(new IllegalStateException("fetch failed"),
                    Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(5)));
        }

        void complete() {
            source.emitComplete(Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(5)));
        }

        /**
         * Once no batch is being decoded, closes what the subscriber received and expects the
         * allocator to be empty (waiting a little for asynchronous discards).
         */
        void assertNoLeak(Chain chain, String race, int iteration) {
            long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (true) {
                subscriber.closeReceived();
                if (decoding.get() == 0 && allocator.getAllocatedMemory() == 0) {
                    allocator.close();
                    return;
                }
                if (System.nanoTime() > deadline) {
                    long open = created.stream().filter(batch -> !batch.isClosed()).count();
                    fail("%s, %s, iteration %d: %d of %d batches left open, %d bytes (%d elements dropped by "
                            + "Operators.onNextDropped so far); received %s", chain, race, iteration, open, created.size(),
                            allocator.getAllocatedMemory(), droppedByOnNextDropped.get(), subscriber.received);
                }
                Thread.onSpinWait();
            }
        }
    }

    /** Requests everything and keeps whatever reaches it, before or after it cancelled, for the test to close. */
    static final class Collecting extends BaseSubscriber<Object> {

        final Queue<Object> received = new ConcurrentLinkedQueue<>();

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        protected void hookOnNext(Object value) {
            received.add(value);
        }

        void closeReceived() {
            for (Object value : received) {
                if (value instanceof RecordBatch batch) {
                    batch.close();
                } else if (value instanceof Collection<?> batches) {
                    batches.forEach(batch -> ((RecordBatch) batch).close());
                }
            }
        }
    }

    static RawBatch raw(int rows) {
        RawBatch raw = new RawBatch(2, rows, false);
        for (int row = 0; row < rows; row++) {
            int at = raw.startRow(("key:" + row).getBytes(StandardCharsets.UTF_8));
            put(raw, at, 0, Integer.toString(row));
            put(raw, at, 1, "value-" + row);
        }
        return raw;
    }

    private static void put(RawBatch raw, int row, int column, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        raw.copyValue(row, column, bytes, 0, bytes.length);
    }
}
