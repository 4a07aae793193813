package io.redisarrow.arrow;

import io.redisarrow.arrow.internal.ipc.IpcBatches;
import io.redisarrow.arrow.internal.ipc.IpcFileReader;
import io.redisarrow.arrow.internal.ipc.IpcFileWriter;
import io.redisarrow.arrow.internal.ipc.IpcMessages;
import io.redisarrow.arrow.internal.ipc.IpcStreamParser;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Record batches in the <a href="https://arrow.apache.org/docs/format/Columnar.html#ipc-streaming-format">Arrow
 * IPC streaming format</a>, both ways, as reactive streams of byte chunks: what an HTTP response, an
 * upload or a message broker carries. Any Arrow reader reads what {@link #write} makes
 * ({@code ArrowStreamReader} in Java, {@code pyarrow.ipc.open_stream}, DuckDB, Polars), and
 * {@link #read} reads what any Arrow writer makes in the streaming format (uncompressed, without
 * dictionary-encoded columns).
 */
public final class ArrowIpc {

    /** The media type of the Arrow IPC streaming format. */
    public static final String MEDIA_TYPE = "application/vnd.apache.arrow.stream";

    private ArrowIpc() {
    }

    /**
     * Serializes batches as one Arrow IPC stream: the schema message first (sent even when no batch
     * comes, so a reader learns the columns of an empty result), one record-batch message per
     * batch, then the end-of-stream marker. Use a read's {@code batchSchema()} (such as
     * {@link HashScan#batchSchema()}) to have the schema before the first batch.
     *
     * <p><b>Ownership:</b> each emitted {@link ByteBuffer} is a heap buffer of one whole message,
     * which the subscriber owns (no Arrow memory). Each batch is closed as soon as it is serialized,
     * and on cancel or error the batches the stream still holds are closed too. <b>Backpressure:</b>
     * one message per request; a batch is taken from the publisher only when its message is wanted.
     *
     * @param schema the schema every batch has (column names, types, nullability and children)
     * @param batches the batches
     * @return the stream's bytes, message by message
     * @throws IllegalArgumentException when the schema has dictionary-encoded fields (at once); a
     *         batch of another schema fails the stream with it
     */
    public static Flux<ByteBuffer> write(Schema schema, Publisher<RecordBatch> batches) {
        Objects.requireNonNull(schema, "schema must not be null");
        Objects.requireNonNull(batches, "batches must not be null");
        ByteBuffer schemaMessage = IpcMessages.schema(schema);
        List<Field> fields = schema.getFields();
        return Flux.concat(
                Mono.fromCallable(schemaMessage::duplicate),
                Flux.from(batches).map(batch -> {
                    try (batch) {
                        checkSchema(batch, fields, schema);
                        return IpcMessages.batch(batch.root());
                    }
                }),
                Mono.fromCallable(IpcMessages::endOfStream))
                .doOnDiscard(RecordBatch.class, RecordBatch::close);
    }

    /**
     * Serializes batches as one file in the Arrow IPC <em>file</em> format (what {@code .arrow}
     * files and {@code ArrowFileReader}, {@code pyarrow.ipc.open_file} and DuckDB's
     * {@code read_arrow} expect): the magic and the schema, one block per batch, then the footer
     * that indexes the blocks. The bytes come out piece by piece as the batches come, so the file
     * streams like {@link #write}; only the blocks' offsets are kept until the footer.
     *
     * <p><b>Ownership and backpressure:</b> as {@link #write}: each batch is closed once its block
     * is written, and those still held on cancel or error.
     *
     * @param schema the schema every batch has
     * @param batches the batches
     * @return the file's bytes, piece by piece
     * @throws IllegalArgumentException when the schema has dictionary-encoded fields (at once); a
     *         batch of another schema fails the stream with it
     */
    public static Flux<ByteBuffer> writeFile(Schema schema, Publisher<RecordBatch> batches) {
        Objects.requireNonNull(schema, "schema must not be null");
        Objects.requireNonNull(batches, "batches must not be null");
        IpcMessages.schema(schema);
        List<Field> fields = schema.getFields();
        return Flux.using(() -> new FileWriting(schema), writing -> Flux.concat(
                Mono.fromCallable(writing.writer::start),
                Flux.from(batches).map(batch -> {
                    try (batch) {
                        checkSchema(batch, fields, schema);
                        return writing.writer.write(batch.root());
                    }
                }),
                Mono.fromCallable(writing.writer::end)), FileWriting::close)
                .doOnDiscard(RecordBatch.class, RecordBatch::close);
    }

    /** The writer of one file and the allocator of its (empty) root. */
    private static final class FileWriting implements AutoCloseable {

        final BufferAllocator allocator = new RootAllocator();

        final IpcFileWriter writer;

        FileWriting(Schema schema) {
            this.writer = new IpcFileWriter(schema, allocator);
        }

        @Override
        public void close() {
            writer.close();
            allocator.close();
        }
    }

    private static void checkSchema(RecordBatch batch, List<Field> fields, Schema schema) {
        if (!batch.schema().getFields().equals(fields)) {
            throw new IllegalArgumentException("a batch's schema " + batch.schema() + " is not the stream's " + schema);
        }
    }

    /**
     * Reads an Arrow IPC stream arriving in chunks of any size (a message may span chunks, and a
     * chunk may hold many) into record batches whose vectors live in {@code allocator}. Each chunk is
     * copied as it arrives, so the caller may reuse or release it afterwards. A message's vectors are
     * made only when its batch is handed on; until then at most one partial message and one chunk
     * are held, on the heap.
     *
     * <p><b>Ownership:</b> every emitted batch belongs to the subscriber, who closes it.
     * <b>Errors:</b> {@link ArrowIpcException} for bytes that are not an Arrow IPC stream: a
     * malformed or truncated message, a stream without a schema, a record batch before the schema,
     * a second schema, dictionary batches, compressed bodies, bytes after the end-of-stream marker;
     * nothing is left allocated. The end-of-stream marker may be missing.
     *
     * @param chunks the stream's bytes
     * @param allocator where the batches' vectors live
     * @return the batches, in stream order
     */
    public static Flux<RecordBatch> read(Publisher<ByteBuffer> chunks, BufferAllocator allocator) {
        Objects.requireNonNull(chunks, "chunks must not be null");
        Objects.requireNonNull(allocator, "allocator must not be null");
        return Flux.defer(() -> {
            IpcStreamParser parser = new IpcStreamParser();
            return Flux.from(chunks)
                    .concatMapIterable(parser::feed, 1)
                    .concatWith(Mono.fromRunnable(parser::finish))
                    .map(message -> RecordBatch.of(IpcBatches.load(message, parser.schema(), allocator)));
        });
    }

    /**
     * Reads a file in the Arrow IPC <em>file</em> format (as {@link #writeFile} and Arrow's
     * {@code ArrowFileWriter} make it) batch by batch, with Arrow's own {@code ArrowFileReader}:
     * each block is loaded when its batch is wanted, and its vectors are moved (not copied) into the
     * emitted batch. The file is opened on subscription and closed when the read ends.
     *
     * <p><b>Ownership:</b> every emitted batch belongs to the subscriber, who closes it.
     * <b>Errors:</b> {@link ArrowIpcException} for a file that is not in the Arrow file format (the
     * message says what Arrow found), or one with dictionary-encoded columns;
     * {@code UncheckedIOException} when it cannot be read.
     *
     * @param file the file
     * @param allocator where the batches' vectors live
     * @return the batches, in file order
     */
    public static Flux<RecordBatch> readFile(Path file, BufferAllocator allocator) {
        Objects.requireNonNull(file, "file must not be null");
        Objects.requireNonNull(allocator, "allocator must not be null");
        return Flux.using(() -> IpcFileReader.open(file, allocator),
                reader -> Flux.<RecordBatch>generate(sink -> {
                    RecordBatch batch = reader.next();
                    if (batch == null) {
                        sink.complete();
                    } else {
                        sink.next(batch);
                    }
                }), IpcFileReader::close)
                .doOnDiscard(RecordBatch.class, RecordBatch::close);
    }

    /**
     * One batch as a complete IPC stream in one array (its schema, the batch, the end-of-stream
     * marker): the value of a message for transports that carry one message per batch, such as a
     * Kafka record. {@link #read} (or any Arrow stream reader) reads it back.
     *
     * @param batch the batch, closed by this call
     * @return the stream's bytes
     */
    public static byte[] toBytes(RecordBatch batch) {
        Objects.requireNonNull(batch, "batch must not be null");
        try (batch) {
            ByteBuffer schema = IpcMessages.schema(batch.schema());
            ByteBuffer message = IpcMessages.batch(batch.root());
            ByteBuffer end = IpcMessages.endOfStream();
            byte[] stream = new byte[schema.remaining() + message.remaining() + end.remaining()];
            ByteBuffer.wrap(stream).put(schema).put(message).put(end);
            return stream;
        }
    }
}
