package io.redisarrow.arrow;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An {@link ArrowReader} fed by a publisher of batches, so that anything reading an
 * {@code ArrowReader} (here DuckDB, through {@code Data.exportArrayStream}) pulls a scan batch by
 * batch. Each {@link #loadNextBatch()} takes the next batch and moves its buffers into the
 * reader's root ({@code TransferPair}: no row is copied), then closes the emptied batch.
 *
 * <p>Nothing is subscribed before the first {@code loadNextBatch()}. The hand-off is bounded: at most
 * {@code prefetch} batches are asked for ahead of the reader, so the scan runs no further ahead
 * than that however slowly the reader reads. {@link #close()} cancels the publisher and closes
 * every batch it queued, and any batch the publisher still delivers after the cancel.
 *
 * <p>Batches must have the reader's schema (the scan's {@code batchSchema()}); a batch that does not
 * fails the read naming both schemas. A publisher error fails {@code loadNextBatch()} with an
 * {@link IOException} carrying it, and every later call with the same error.
 */
public final class RecordBatchReader extends ArrowReader {

    private static final Object COMPLETE = new Object();

    private static final long CLOSE_CHECK_MILLIS = 50;

    private final Publisher<RecordBatch> batches;

    private final Schema schema;

    private final int prefetch;

    /** Batches, then one terminal signal (COMPLETE or a Throwable); never more than prefetch + 1 items. */
    private final LinkedBlockingQueue<Object> handOff = new LinkedBlockingQueue<>();

    private final AtomicBoolean subscribed = new AtomicBoolean();

    private final AtomicBoolean closed = new AtomicBoolean();

    private volatile Subscription subscription;

    private volatile Object terminal;

    private volatile long bytesRead;

    /**
     * @param batches the batches to read, each owned by this reader once emitted
     * @param schema the schema every batch has, known before the first batch
     * @param allocator the allocator of the reader's root
     * @param prefetch how many batches may be asked for ahead of the reader, {@code >= 1}
     */
    private RecordBatchReader(Publisher<RecordBatch> batches, Schema schema, BufferAllocator allocator, int prefetch) {
        super(allocator);
        if (prefetch < 1) {
            throw new IllegalArgumentException("prefetch must be >= 1, was " + prefetch);
        }
        this.batches = Objects.requireNonNull(batches, "batches must not be null");
        this.schema = Objects.requireNonNull(schema, "schema must not be null");
        this.prefetch = prefetch;
    }

    /**
     * An {@link ArrowReader} over a stream of batches, for whatever reads one: DuckDB or another
     * engine through the Arrow C Data interface ({@code Data.exportArrayStream}), an
     * {@code ArrowFileWriter} or {@code ArrowStreamWriter} loop, Arrow's own utilities.
     *
     * <p><b>Ownership:</b> the reader owns every batch the publisher emits to it: it moves each
     * one's buffers into its root (no copy) and closes it, and {@link #close()} cancels the
     * publisher and closes the batches it queued. The root's vectors live in {@code allocator},
     * which must share a root allocator with the batches' (buffers are transferred, not copied).
     * <b>Backpressure:</b> nothing is subscribed before the first {@link #loadNextBatch()}, and at
     * most {@code prefetch} batches are requested ahead of the reader.
     *
     * @param batches the batches, such as a scan
     * @param schema the schema every batch has, known before the first (a read's {@code batchSchema()})
     * @param allocator the allocator of the reader's root
     * @param prefetch how many batches may be asked for ahead of the reader, {@code >= 1}
     * @return the reader, to close when done
     * @throws IllegalArgumentException when {@code prefetch < 1}
     */
    public static RecordBatchReader of(Publisher<RecordBatch> batches, Schema schema, BufferAllocator allocator,
            int prefetch) {
        return new RecordBatchReader(batches, schema, allocator, prefetch);
    }

    @Override
    protected Schema readSchema() {
        return schema;
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        if (terminal != null) {
            return finish(terminal);
        }
        if (closed.get()) {
            throw new IOException("the reader is closed");
        }
        if (subscribed.compareAndSet(false, true)) {
            batches.subscribe(new HandOff());
        }
        Object next = take();
        if (!(next instanceof RecordBatch batch)) {
            terminal = next;
            return finish(next);
        }
        subscription.request(1);
        try (batch) {
            load(batch);
        }
        return true;
    }

    /** Waits for the next signal; a close from another thread ends the wait. */
    private Object take() throws IOException {
        try {
            Object next = null;
            while (next == null) {
                if (closed.get()) {
                    throw new IOException("the reader is closed");
                }
                next = handOff.poll(CLOSE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the next batch");
        }
    }

    private static boolean finish(Object terminal) throws IOException {
        if (terminal instanceof Throwable error) {
            throw new IOException("the scan failed: " + error.getMessage(), error);
        }
        return false;
    }

    private void load(RecordBatch batch) throws IOException {
        List<FieldVector> from = batch.root().getFieldVectors();
        long bytes = batch.bufferSize();
        if (!batch.schema().getFields().equals(schema.getFields())) {
            throw new IOException("a batch has schema " + batch.schema() + ", not the reader's " + schema);
        }
        prepareLoadNextBatch();
        VectorSchemaRoot root = getVectorSchemaRoot();
        for (int i = 0; i < from.size(); i++) {
            from.get(i).makeTransferPair(root.getVector(i)).transfer();
        }
        root.setRowCount(batch.rowCount());
        bytesRead += bytes;
    }

    /** @return the Arrow bytes of the batches read so far */
    @Override
    public long bytesRead() {
        return bytesRead;
    }

    /** Cancels the publisher and closes every batch not handed on. Idempotent. */
    @Override
    protected void closeReadSource() {
        if (closed.compareAndSet(false, true)) {
            Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            drain();
        }
    }

    private void drain() {
        Object item;
        while ((item = handOff.poll()) != null) {
            if (item instanceof RecordBatch batch) {
                batch.close();
            }
        }
    }

    /** Receives the publisher's signals; a batch arriving once the reader is closed is closed at once. */
    private final class HandOff implements Subscriber<RecordBatch> {

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
            if (closed.get()) {
                s.cancel();
            } else {
                s.request(prefetch);
            }
        }

        @Override
        public void onNext(RecordBatch batch) {
            handOff.add(batch);
            if (closed.get()) {
                drain();
            }
        }

        @Override
        public void onError(Throwable error) {
            handOff.add(error);
        }

        @Override
        public void onComplete() {
            handOff.add(COMPLETE);
        }
    }
}
