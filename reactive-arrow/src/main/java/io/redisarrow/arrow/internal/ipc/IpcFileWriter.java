package io.redisarrow.arrow.internal.ipc;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;

/**
 * Writes the Arrow IPC file format with Arrow's own {@link ArrowFileWriter}, piece by piece: the
 * magic and the schema, then each batch's block, then the footer (which lists every block) and the
 * closing magic. Each piece is taken out as it is written, so the bytes can stream while the file
 * is made; only the blocks' offsets are kept until the footer. One writer per file; its methods
 * are synchronized, so a close from a cancelling thread waits for a write in progress.
 */
public final class IpcFileWriter implements AutoCloseable {

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    private final VectorSchemaRoot root;

    private final BlockWriter writer;

    private boolean closed;

    /**
     * @param schema the file's schema (no dictionary-encoded fields)
     * @param allocator the allocator of the writer's root, which holds no data of its own: each
     *        batch's buffers are loaded into it (retained, not copied) while it is written
     */
    public IpcFileWriter(Schema schema, BufferAllocator allocator) {
        IpcMessages.schema(schema);
        this.root = VectorSchemaRoot.create(schema, allocator);
        this.writer = new BlockWriter(root, Channels.newChannel(pending));
    }

    /** @return the magic and the schema */
    public synchronized ByteBuffer start() {
        try {
            writer.start();
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory write failed", e);
        }
        return take();
    }

    /**
     * @param batch a batch of the file's schema
     * @return its block
     */
    public synchronized ByteBuffer write(VectorSchemaRoot batch) {
        try (ArrowRecordBatch unloaded = new VectorUnloader(batch).getRecordBatch()) {
            writer.block(unloaded);
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory write failed", e);
        }
        return take();
    }

    /** @return the footer and the closing magic */
    public synchronized ByteBuffer end() {
        try {
            writer.end();
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory write failed", e);
        }
        return take();
    }

    private ByteBuffer take() {
        ByteBuffer bytes = ByteBuffer.wrap(pending.toByteArray());
        pending.reset();
        return bytes;
    }

    /** Releases the writer's root. Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            writer.close();
            root.close();
        }
    }

    /**
     * Arrow's file writer, writing a batch's block straight from the batch's own buffers (its
     * {@code writeBatch()} would load them into its root first, which needs both to share an
     * allocator root) and recording the block for the footer as {@code writeBatch()} does.
     */
    private static final class BlockWriter extends ArrowFileWriter {

        BlockWriter(VectorSchemaRoot root, java.nio.channels.WritableByteChannel out) {
            super(root, null, out);
        }

        void block(ArrowRecordBatch batch) throws IOException {
            writeRecordBatch(batch);
        }
    }
}
