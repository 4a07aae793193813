package io.redisarrow.arrow;

import io.redisarrow.core.ScanCheckpoint;
import org.jspecify.annotations.Nullable;

import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One batch of rows in Arrow form: a fresh {@link VectorSchemaRoot} per batch, never reused.
 *
 * <p><b>Ownership:</b> a batch emitted by a publisher belongs to its subscriber, who must
 * {@link #close()} it when done (try-with-resources). Until then its vectors hold off-heap memory
 * from the {@code RedisArrow}'s allocator. To keep the vectors beyond the batch, transfer them
 * (for example with {@code TransferPair}) to an allocator of your own before closing. Closing is
 * idempotent, so it is safe from discard hooks such as
 * {@code doOnDiscard(RecordBatch.class, RecordBatch::close)}.
 */
public final class RecordBatch implements AutoCloseable {

    private final VectorSchemaRoot root;

    private final long nulledValues;

    private final @Nullable ScanCheckpoint checkpoint;

    private final AtomicBoolean closed = new AtomicBoolean();

    RecordBatch(VectorSchemaRoot root, long nulledValues) {
        this(root, nulledValues, null);
    }

    RecordBatch(VectorSchemaRoot root, long nulledValues, @Nullable ScanCheckpoint checkpoint) {
        this.root = root;
        this.nulledValues = nulledValues;
        this.checkpoint = checkpoint;
    }

    /**
     * Wraps a root the caller built, to hand it to a writer. The batch takes the root over: closing
     * the batch closes the root, and a writer closes every batch it receives once it has encoded it.
     *
     * @param root the vectors, with their row count set
     * @return the batch
     */
    public static RecordBatch of(VectorSchemaRoot root) {
        return new RecordBatch(Objects.requireNonNull(root, "root must not be null"), 0);
    }

    /**
     * Where the scan stood once this batch was handed on. Save it when you have fully handled this
     * batch (written it out, committed it), and start the same scan later with
     * {@code resumeFrom(checkpoint)} to read what came after: no key present for the whole scan is
     * lost, and keys near the checkpoint may come again (see {@link ScanCheckpoint}). Stays valid
     * after {@link #close()}.
     *
     * @return the checkpoint, or null for batches of a search, an aggregation or a caller's own
     */
    public @Nullable ScanCheckpoint checkpoint() {
        return checkpoint;
    }

    /**
     * @return the vectors of this batch; valid until {@link #close()}
     * @throws IllegalStateException after {@link #close()}
     */
    public VectorSchemaRoot root() {
        if (closed.get()) {
            throw new IllegalStateException("the batch is closed");
        }
        return root;
    }

    /** @return the number of rows */
    public int rowCount() {
        return root.getRowCount();
    }

    /** @return the schema of this batch (column order: row index, key, TTL, then the fields) */
    public Schema schema() {
        return root.getSchema();
    }

    /**
     * @return values in this batch that did not parse and were written as null under
     *         {@link ParseErrorPolicy#NULL} (always 0 under {@link ParseErrorPolicy#FAIL})
     */
    public long nulledValues() {
        return nulledValues;
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed.get();
    }

    /** @return the off-heap bytes held by this batch's vectors (0 once closed) */
    public long bufferSize() {
        if (closed.get()) {
            return 0;
        }
        long bytes = 0;
        for (var vector : root.getFieldVectors()) {
            bytes += vector.getBufferSize();
        }
        return bytes;
    }

    /** Releases the vectors' memory. Idempotent and thread-safe. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            root.close();
        }
    }

    @Override
    public String toString() {
        return "RecordBatch{rows=" + rowCount() + ", columns=" + root.getSchema().getFields().size()
                + (closed.get() ? ", closed" : "") + '}';
    }
}
