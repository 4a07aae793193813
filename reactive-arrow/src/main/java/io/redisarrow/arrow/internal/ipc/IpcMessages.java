package io.redisarrow.arrow.internal.ipc;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;

/**
 * The messages of the Arrow IPC streaming format, serialized by Arrow's own {@link MessageSerializer}
 * into heap buffers: the schema, one record batch, the end-of-stream marker. Each is an
 * encapsulated message (continuation marker, metadata length, flatbuffer metadata, body), padded to
 * 8 bytes, so messages concatenated in order form a stream any Arrow reader reads.
 */
public final class IpcMessages {

    private IpcMessages() {
    }

    /**
     * @param schema a schema without dictionary-encoded fields
     * @return the schema message
     * @throws IllegalArgumentException for a dictionary-encoded field, which needs dictionary batches
     */
    public static ByteBuffer schema(Schema schema) {
        checkNoDictionaries(schema);
        return write(1024, channel -> MessageSerializer.serialize(channel, schema));
    }

    /**
     * @param root a batch, its value counts set
     * @return its record-batch message (the body copied from the vectors once, into an array
     *         sized for it)
     */
    public static ByteBuffer batch(VectorSchemaRoot root) {
        long bytes = 1024;
        for (FieldVector vector : root.getFieldVectors()) {
            bytes += vector.getBufferSize() + 64;
        }
        return write((int) Math.min(Integer.MAX_VALUE - 8, bytes), channel -> {
            try (ArrowRecordBatch batch = new VectorUnloader(root).getRecordBatch()) {
                MessageSerializer.serialize(channel, batch);
            }
        });
    }

    /** @return the end-of-stream marker: continuation, then a metadata length of 0 */
    public static ByteBuffer endOfStream() {
        return write(8, channel -> ArrowStreamWriter.writeEndOfStream(channel, IpcOption.DEFAULT));
    }

    private static void checkNoDictionaries(Schema schema) {
        for (Field field : schema.getFields()) {
            checkNoDictionaries(field);
        }
    }

    private static void checkNoDictionaries(Field field) {
        if (field.getDictionary() != null) {
            throw new IllegalArgumentException("field '" + field.getName() + "' is dictionary-encoded, which the"
                    + " IPC stream of this library does not carry; decode it first");
        }
        for (Field child : field.getChildren()) {
            checkNoDictionaries(child);
        }
    }

    private interface Writing {
        void to(WriteChannel channel) throws IOException;
    }

    /** @return what {@code writing} wrote, as a view of the array it was written into (no copy) */
    private static ByteBuffer write(int expectedBytes, Writing writing) {
        Bytes out = new Bytes(expectedBytes);
        try (WriteChannel channel = new WriteChannel(Channels.newChannel(out))) {
            writing.to(channel);
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory write failed", e);
        }
        return out.view();
    }

    /** A byte array stream whose bytes can be handed on without the copy {@code toByteArray} makes. */
    private static final class Bytes extends ByteArrayOutputStream {

        Bytes(int size) {
            super(size);
        }

        ByteBuffer view() {
            return ByteBuffer.wrap(buf, 0, count);
        }
    }
}
