package io.redisarrow.arrow;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordBatchReaderUnitTests {

    static final Schema SCHEMA = new Schema(java.util.List.of(Field.nullable("city", ArrowType.Utf8.INSTANCE),
            Field.nullable("age", new ArrowType.Int(32, true))));

    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void nothingLeaks() {
        assertThat(allocator.getAllocatedMemory()).as("bytes left in the allocator").isZero();
        allocator.close();
    }

    /** A one-row batch whose age is {@code index}. */
    private RecordBatch numbered(int index) {
        return TestBatches.of(allocator, SCHEMA, new Object[] { "City", index });
    }

    private Flux<RecordBatch> numbered(int count, AtomicLong requested) {
        return Flux.range(0, count).doOnRequest(requested::addAndGet).map(i -> numbered(i));
    }

    @Test
    void readsEveryBatchInOrderMovingItsBuffersAndClosingIt() throws IOException {
        List<RecordBatch> emitted = new ArrayList<>();
        Flux<RecordBatch> batches = Flux.range(0, 5).map(i -> numbered(i)).doOnNext(emitted::add);
        List<Integer> ages = new ArrayList<>();
        try (RecordBatchReader reader = RecordBatchReader.of(batches, SCHEMA, allocator, 2)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            while (reader.loadNextBatch()) {
                assertThat(root.getRowCount()).isEqualTo(1);
                ages.add(((IntVector) root.getVector("age")).get(0));
            }
            assertThat(reader.loadNextBatch()).as("after the end").isFalse();
            assertThat(reader.bytesRead()).isPositive();
        }
        assertThat(ages).containsExactly(0, 1, 2, 3, 4);
        assertThat(emitted).allMatch(RecordBatch::isClosed);
    }

    @Test
    void subscribesOnlyWhenTheFirstBatchIsAskedFor() throws IOException {
        AtomicBoolean subscribed = new AtomicBoolean();
        Flux<RecordBatch> batches = Flux.range(0, 3).map(i -> numbered(i))
                .doOnSubscribe(s -> subscribed.set(true));
        try (RecordBatchReader reader = RecordBatchReader.of(batches, SCHEMA, allocator, 2)) {
            assertThat(reader.getVectorSchemaRoot().getSchema()).isEqualTo(SCHEMA);
            assertThat(subscribed).as("subscribed for the schema alone").isFalse();
            assertThat(reader.loadNextBatch()).isTrue();
            assertThat(subscribed).isTrue();
        }
    }

    @Test
    void asksForNoMoreThanPrefetchBatchesAheadOfTheReader() throws IOException {
        AtomicLong requested = new AtomicLong();
        int prefetch = 3;
        try (RecordBatchReader reader = RecordBatchReader.of(numbered(100, requested), SCHEMA, allocator,
                prefetch)) {
            for (int read = 1; read <= 10; read++) {
                assertThat(reader.loadNextBatch()).isTrue();
                assertThat(requested.get()).as("requested after %d batches read", read).isEqualTo(read + prefetch);
            }
        }
    }

    @Test
    void closeCancelsThePublisherAndClosesTheBatchesItQueued() throws IOException {
        AtomicBoolean cancelled = new AtomicBoolean();
        List<RecordBatch> emitted = new ArrayList<>();
        Flux<RecordBatch> batches = Flux.range(0, 100).map(i -> numbered(i))
                .doOnNext(emitted::add).doOnCancel(() -> cancelled.set(true));
        RecordBatchReader reader = RecordBatchReader.of(batches, SCHEMA, allocator, 4);
        assertThat(reader.loadNextBatch()).isTrue();
        assertThat(emitted).as("emitted: the one read and four queued").hasSize(5);
        reader.close();
        assertThat(cancelled).isTrue();
        assertThat(emitted).allMatch(RecordBatch::isClosed);
        assertThatThrownBy(reader::loadNextBatch).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }

    @Test
    void closesABatchThePublisherDeliversAfterTheCancel() throws IOException {
        AtomicReference<Subscriber<? super RecordBatch>> subscriber = new AtomicReference<>();
        AtomicBoolean cancelled = new AtomicBoolean();
        Publisher<RecordBatch> late = s -> {
            subscriber.set(s);
            s.onSubscribe(new Subscription() {
                @Override
                public void request(long n) {
                    if (!cancelled.get()) {
                        s.onNext(numbered(0));
                    }
                }

                @Override
                public void cancel() {
                    cancelled.set(true);
                }
            });
        };
        RecordBatchReader reader = RecordBatchReader.of(late, SCHEMA, allocator, 1);
        assertThat(reader.loadNextBatch()).isTrue();
        reader.close();
        assertThat(cancelled).isTrue();
        RecordBatch afterCancel = numbered(1);
        subscriber.get().onNext(afterCancel);
        assertThat(afterCancel.isClosed()).isTrue();
    }

    @Test
    void closeBeforeTheFirstReadNeverSubscribes() throws IOException {
        AtomicBoolean subscribed = new AtomicBoolean();
        Flux<RecordBatch> batches = Flux.range(0, 3).map(i -> numbered(i))
                .doOnSubscribe(s -> subscribed.set(true));
        RecordBatchReader reader = RecordBatchReader.of(batches, SCHEMA, allocator, 2);
        reader.getVectorSchemaRoot();
        reader.close();
        assertThat(subscribed).isFalse();
        assertThatThrownBy(reader::loadNextBatch).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }

    @Test
    void aPublisherErrorFailsTheReadWithItAsTheCauseEveryTime() throws IOException {
        IllegalStateException boom = new IllegalStateException("redis went away");
        Flux<RecordBatch> batches = Flux.concat(Flux.just(1).map(i -> numbered(i)),
                Flux.error(boom));
        try (RecordBatchReader reader = RecordBatchReader.of(batches, SCHEMA, allocator, 2)) {
            assertThat(reader.loadNextBatch()).isTrue();
            for (int attempt = 0; attempt < 2; attempt++) {
                assertThatThrownBy(reader::loadNextBatch).isInstanceOf(IOException.class)
                        .hasMessageContaining("redis went away").hasCause(boom);
            }
        }
    }

    @Test
    void aBatchOfAnotherSchemaFailsNamingBothAndIsClosed() throws IOException {
        Schema other = new Schema(List.of(new Field("x", FieldType.nullable(new ArrowType.Int(64, true)), null)));
        RecordBatch wrong = RecordBatch.of(VectorSchemaRoot.create(other, allocator));
        try (RecordBatchReader reader = RecordBatchReader.of(Flux.just(wrong), SCHEMA, allocator, 1)) {
            assertThatThrownBy(reader::loadNextBatch).isInstanceOf(IOException.class)
                    .hasMessageContaining("x: Int(64, true)").hasMessageContaining("city: Utf8");
        }
        assertThat(wrong.isClosed()).isTrue();
    }

    @Test
    void closeFromAnotherThreadEndsAReadWaitingForABatch() throws Exception {
        RecordBatchReader reader = RecordBatchReader.of(Flux.never(), SCHEMA, allocator, 1);
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return reader.loadNextBatch();
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        Thread.sleep(100);
        assertThat(waiting).isNotDone();
        reader.close();
        assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).hasMessageContaining("the reader is closed");
    }

    @Test
    void rejectsAPrefetchBelowOne() {
        assertThatThrownBy(() -> RecordBatchReader.of(Flux.empty(), SCHEMA, allocator, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("prefetch must be >= 1, was 0");
    }
}
