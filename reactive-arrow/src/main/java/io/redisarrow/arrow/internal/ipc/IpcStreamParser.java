package io.redisarrow.arrow.internal.ipc;

import io.redisarrow.arrow.ArrowIpcException;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Schema;
import org.jspecify.annotations.Nullable;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts an Arrow IPC stream arriving in chunks of any size into whole messages: each chunk is
 * appended to a buffer, and every message it completes is taken out (continuation marker or the
 * legacy form without it, metadata length, flatbuffer metadata, then the body whose length the
 * metadata gives). The schema message is read at once; each record-batch message comes out as
 * its own byte array, to become Arrow vectors only when it is handed on. The buffer holds at most
 * one message and one chunk. One parser per stream; not thread-safe.
 */
public final class IpcStreamParser {

    /** The largest flatbuffer metadata accepted: far above any real schema or batch header. */
    static final int MAX_METADATA_BYTES = 64 << 20;

    /** The largest message: one Java array. */
    static final long MAX_MESSAGE_BYTES = Integer.MAX_VALUE - 8;

    private static final int CONTINUATION = 0xFFFFFFFF;

    /** How a file in the IPC file format starts. */
    private static final byte[] FILE_MAGIC = { 'A', 'R', 'R', 'O', 'W', '1' };

    private byte[] buffer = new byte[8192];

    private int start;

    private int end;

    /** Bytes of the stream consumed before {@link #start}, for messages. */
    private long consumed;

    private @Nullable Schema schema;

    private boolean ended;

    /**
     * @param chunk the next bytes of the stream (read from its position to its limit)
     * @return the record-batch messages the chunk completed, in order
     * @throws ArrowIpcException for a malformed stream
     */
    public List<byte[]> feed(ByteBuffer chunk) {
        int length = chunk.remaining();
        if (length == 0) {
            return List.of();
        }
        if (ended) {
            throw error("bytes after the end-of-stream marker");
        }
        append(chunk, length);
        List<byte[]> batches = new ArrayList<>();
        while (!ended) {
            byte[] message = next();
            if (message == null) {
                break;
            }
            batches.add(message);
        }
        if (ended && end > start) {
            throw error("bytes after the end-of-stream marker");
        }
        return batches;
    }

    /**
     * Checks the stream is whole once its last chunk has come: it had a schema and ends at a message
     * boundary (the end-of-stream marker may be missing, as Arrow's readers allow).
     *
     * @throws ArrowIpcException for an empty or truncated stream
     */
    public void finish() {
        if (end > start) {
            throw error("the stream ends inside a message (" + (end - start) + " bytes of it came)");
        }
        if (schema == null) {
            throw error("the stream holds no schema message (" + consumed + " bytes)");
        }
    }

    /** @return the schema, once its message has been read */
    public @Nullable Schema schema() {
        return schema;
    }

    private void append(ByteBuffer chunk, int length) {
        if (end + length > buffer.length) {
            int live = end - start;
            if ((long) live + length > MAX_MESSAGE_BYTES + 8) {
                throw error("a message is larger than " + MAX_MESSAGE_BYTES + " bytes");
            }
            if (live + length <= buffer.length && start > 0) {
                System.arraycopy(buffer, start, buffer, 0, live);
            } else {
                byte[] grown = new byte[(int) Math.min(MAX_MESSAGE_BYTES + 8,
                        Math.max((long) live + length, (long) buffer.length * 2))];
                System.arraycopy(buffer, start, grown, 0, live);
                buffer = grown;
            }
            end = live;
            consumed += start;
            start = 0;
        }
        chunk.get(buffer, end, length);
        end += length;
    }

    /** @return the next record-batch message, or null when more bytes are needed or a schema was read */
    private byte @Nullable [] next() {
        while (true) {
            int available = end - start;
            if (available < 4) {
                return null;
            }
            int prefix = 4;
            int metadata = intAt(start);
            if (metadata == CONTINUATION) {
                if (available < 8) {
                    return null;
                }
                prefix = 8;
                metadata = intAt(start + 4);
            }
            if (metadata == 0) {
                ended = true;
                take(prefix);
                return null;
            }
            if (consumed + start == 0 && startsLikeFileMagic(available)) {
                if (available < FILE_MAGIC.length) {
                    return null;
                }
                throw error("this is the Arrow IPC file format (it starts with ARROW1), not the stream format:"
                        + " read it as a file (ArrowIpc.readFile)");
            }
            if (metadata < 0 || metadata > MAX_METADATA_BYTES) {
                throw error("a message announces " + Integer.toUnsignedString(metadata)
                        + " bytes of metadata, which is not an Arrow IPC stream");
            }
            if (available < prefix + metadata) {
                return null;
            }
            Message message = message(start + prefix, metadata);
            long body = message.bodyLength();
            long total = prefix + (long) metadata + body;
            if (body < 0 || total > MAX_MESSAGE_BYTES) {
                throw error("a message announces a body of " + body + " bytes");
            }
            if (available < total) {
                return null;
            }
            switch (message.headerType()) {
                case MessageHeader.Schema -> {
                    if (schema != null) {
                        throw error("a second schema message");
                    }
                    schema = schema(message);
                    take((int) total);
                }
                case MessageHeader.RecordBatch -> {
                    if (schema == null) {
                        throw error("a record batch before the schema");
                    }
                    byte[] bytes = Arrays.copyOfRange(buffer, start, start + (int) total);
                    take((int) total);
                    return bytes;
                }
                case MessageHeader.DictionaryBatch -> throw error("a dictionary batch: dictionary-encoded"
                        + " columns are not supported; decode them before sending");
                default -> throw error("a message of type " + message.headerType()
                        + " where a schema or record batch belongs");
            }
        }
    }

    private Message message(int offset, int length) {
        try {
            ByteBuffer metadata = ByteBuffer.wrap(buffer, offset, length).slice().order(ByteOrder.LITTLE_ENDIAN);
            Message message = Message.getRootAsMessage(metadata);
            message.headerType();
            message.bodyLength();
            return message;
        } catch (RuntimeException e) {
            throw error("the metadata of a message is not a valid Arrow flatbuffer (" + e + ")");
        }
    }

    private Schema schema(Message message) {
        try {
            return MessageSerializer.deserializeSchema(message);
        } catch (RuntimeException e) {
            throw error("the schema message cannot be read (" + e.getMessage() + ")");
        }
    }

    /** @return whether the bytes available match the file format's magic, as far as they go */
    private boolean startsLikeFileMagic(int available) {
        for (int i = 0; i < Math.min(available, FILE_MAGIC.length); i++) {
            if (buffer[start + i] != FILE_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private int intAt(int offset) {
        return (buffer[offset] & 0xFF) | (buffer[offset + 1] & 0xFF) << 8 | (buffer[offset + 2] & 0xFF) << 16
                | (buffer[offset + 3] & 0xFF) << 24;
    }

    private void take(int bytes) {
        start += bytes;
        if (start == end) {
            consumed += start;
            start = 0;
            end = 0;
        }
    }

    private ArrowIpcException error(String what) {
        return new ArrowIpcException("malformed Arrow IPC stream at byte " + (consumed + start) + ": " + what);
    }
}
