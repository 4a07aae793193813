package io.redisarrow.arrow.internal.ipc;

import io.redisarrow.arrow.ArrowIpcException;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.MessageChannelReader;
import org.apache.arrow.vector.ipc.message.MessageResult;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.ByteArrayReadableSeekableByteChannel;
import org.apache.arrow.vector.util.ValueVectorUtility;

import java.io.IOException;

/**
 * Turns one whole record-batch message into Arrow vectors with Arrow's own readers: the body is
 * copied into one buffer of the allocator, the batch's vectors are loaded from it and validated in
 * full (a batch whose offsets or lengths point past its buffers is refused here, not met later by a
 * reader). Everything allocated is released again if the message does not load.
 */
public final class IpcBatches {

    private IpcBatches() {
    }

    /**
     * @param message a record-batch message, as {@link IpcStreamParser} cuts it
     * @param schema the stream's schema
     * @param allocator where the vectors live
     * @return the batch's vectors, owned by the caller
     * @throws ArrowIpcException when the message does not fit the schema or its body is compressed
     */
    public static VectorSchemaRoot load(byte[] message, Schema schema, BufferAllocator allocator) {
        MessageResult result;
        try {
            result = new MessageChannelReader(new ReadChannel(new ByteArrayReadableSeekableByteChannel(message)),
                    allocator).readNext();
        } catch (IOException | RuntimeException e) {
            throw new ArrowIpcException("malformed Arrow IPC stream: a record batch cannot be read (" + e + ")", e);
        }
        if (result == null) {
            throw new ArrowIpcException("malformed Arrow IPC stream: a record batch message is empty");
        }
        ArrowBuf body = result.getBodyBuffer() != null ? result.getBodyBuffer() : allocator.getEmpty();
        long bodyBytes = body.capacity();
        ArrowRecordBatch batch;
        try {
            // takes the body over: it releases it once the batch's buffers are sliced from it
            batch = MessageSerializer.deserializeRecordBatch(result.getMessage(), body);
        } catch (IOException | RuntimeException e) {
            body.close();
            throw new ArrowIpcException("malformed Arrow IPC stream: a record batch cannot be read (" + e + ")", e);
        }
        VectorSchemaRoot root = null;
        try (batch) {
            if (batch.getBodyCompression().getCodec() != CompressionUtil.CodecType.NO_COMPRESSION.getType()) {
                throw new ArrowIpcException("a compressed Arrow IPC stream: compressed bodies are not supported;"
                        + " send it uncompressed");
            }
            if (!schema.getFields().isEmpty() && batch.getLength() > 8 * bodyBytes + 8) {
                // each row of a column needs at least one bit of a buffer; Arrow would allocate
                // validity for the rows announced, so a tiny message could claim gigabytes
                throw new ArrowIpcException("malformed Arrow IPC stream: a record batch announces " + batch.getLength()
                        + " rows, more than its " + bodyBytes + " bytes of buffers can hold");
            }
            root = VectorSchemaRoot.create(schema, allocator);
            new VectorLoader(root).load(batch);
            for (FieldVector vector : root.getFieldVectors()) {
                // offsets, lengths and buffer sizes agree, so no reader of the batch reads past its buffers
                ValueVectorUtility.validateFull(vector);
            }
            VectorSchemaRoot loaded = root;
            root = null;
            return loaded;
        } catch (RuntimeException e) {
            if (e instanceof ArrowIpcException ipc) {
                throw ipc;
            }
            throw new ArrowIpcException("malformed Arrow IPC stream: a record batch does not fit the schema (" + e
                    + ")", e);
        } finally {
            if (root != null) {
                root.close();
            }
        }
    }
}
