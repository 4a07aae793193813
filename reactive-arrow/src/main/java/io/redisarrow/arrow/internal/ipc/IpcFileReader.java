package io.redisarrow.arrow.internal.ipc;

import io.redisarrow.arrow.ArrowIpcException;
import io.redisarrow.arrow.RecordBatch;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.util.ValueVectorUtility;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Reads a file in the Arrow IPC file format with Arrow's own {@link ArrowFileReader}, one block
 * at a time, moving each block's vectors into a batch of its own (so the reader's root is free for
 * the next block). Each batch is validated in full, as stream batches are.
 */
public final class IpcFileReader implements AutoCloseable {

    private final Path file;

    private final ArrowFileReader reader;

    private final BufferAllocator allocator;

    private IpcFileReader(Path file, ArrowFileReader reader, BufferAllocator allocator) {
        this.file = file;
        this.reader = reader;
        this.allocator = allocator;
    }

    /**
     * @param file the file
     * @param allocator where the batches live
     * @return the reader, its footer read
     * @throws ArrowIpcException when the file is not in the Arrow file format
     */
    public static IpcFileReader open(Path file, BufferAllocator allocator) {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
        ArrowFileReader reader = new ArrowFileReader(channel, allocator);
        try {
            reader.getVectorSchemaRoot();
            if (!reader.getDictionaryBlocks().isEmpty()) {
                throw new ArrowIpcException(file + " has dictionary-encoded columns, which are not supported");
            }
            return new IpcFileReader(file, reader, allocator);
        } catch (IOException | RuntimeException e) {
            close(reader);
            if (e instanceof ArrowIpcException ipc) {
                throw ipc;
            }
            throw new ArrowIpcException(file + " is not an Arrow IPC file (" + e.getMessage() + ")", e);
        }
    }

    /**
     * @return the next block as a batch owned by the caller, or null after the last
     * @throws ArrowIpcException when a block cannot be read
     */
    public @Nullable RecordBatch next() {
        try {
            if (!reader.loadNextBatch()) {
                return null;
            }
            VectorSchemaRoot source = reader.getVectorSchemaRoot();
            VectorSchemaRoot batch = VectorSchemaRoot.create(source.getSchema(), allocator);
            List<FieldVector> from = source.getFieldVectors();
            for (int i = 0; i < from.size(); i++) {
                from.get(i).makeTransferPair(batch.getVector(i)).transfer();
            }
            batch.setRowCount(source.getRowCount());
            try {
                for (FieldVector vector : batch.getFieldVectors()) {
                    ValueVectorUtility.validateFull(vector);
                }
            } catch (RuntimeException e) {
                batch.close();
                throw e;
            }
            return RecordBatch.of(batch);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ArrowIpcException ipc) {
                throw ipc;
            }
            throw new ArrowIpcException("a block of " + file + " cannot be read (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() {
        close(reader);
    }

    private static void close(ArrowFileReader reader) {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
