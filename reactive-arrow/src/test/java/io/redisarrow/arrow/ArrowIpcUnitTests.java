package io.redisarrow.arrow;

import io.redisarrow.arrow.internal.AllocatorTestSupport;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.SeekableReadChannel;
import org.apache.arrow.vector.util.ByteArrayReadableSeekableByteChannel;
import org.junit.jupiter.api.io.TempDir;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Arrow IPC stream both ways, checked against Arrow's own stream reader and writer: every type,
 * nulls, an empty result, chunks of every size, malformed and truncated input, and ownership of
 * every batch on every path.
 */
class ArrowIpcUnitTests extends AllocatorTestSupport {

    static final Schema SCHEMA = new Schema(List.of(
            Field.notNullable("_key", ArrowType.Utf8.INSTANCE),
            Field.nullable("i64", new ArrowType.Int(64, true)),
            Field.nullable("f64", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
            Field.nullable("b", ArrowType.Bool.INSTANCE),
            Field.nullable("d", new ArrowType.Date(DateUnit.DAY)),
            Field.nullable("ts", new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC")),
            Field.nullable("dec", new ArrowType.Decimal(12, 2, 128)),
            Field.nullable("bin", ArrowType.Binary.INSTANCE)));

    final Queue<RecordBatch> made = new ConcurrentLinkedQueue<>();

    RecordBatch batch(int from, int rows) {
        List<Object[]> cells = new ArrayList<>();
        for (int i = from; i < from + rows; i++) {
            boolean nulls = i % 4 == 3;
            cells.add(new Object[] { "k:" + i + (i % 5 == 0 ? " ünï \"q\"" : ""), nulls ? null : (long) i * 1_000_003L,
                    nulls ? null : i / 3.0, nulls ? null : i % 2 == 0, nulls ? null : 19_000 + i,
                    nulls ? null : 1_700_000_000_000L + i, nulls ? null : new BigDecimal(i + ".25"),
                    nulls ? null : new byte[] { 0, (byte) i, (byte) 0xff } });
        }
        RecordBatch batch = TestBatches.of(allocator, SCHEMA, cells);
        made.add(batch);
        return batch;
    }

    /** The rows as text, binary cells in hex. */
    static String tsv(VectorSchemaRoot root) {
        StringBuilder out = new StringBuilder();
        for (int row = 0; row < root.getRowCount(); row++) {
            for (FieldVector vector : root.getFieldVectors()) {
                Object value = vector.getObject(row);
                out.append(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(value))
                        .append('\t');
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The expected text of batches built with the same arguments, made and closed here. */
    String expected(int... fromAndRows) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fromAndRows.length; i += 2) {
            RecordBatch batch = batch(fromAndRows[i], fromAndRows[i + 1]);
            try (batch) {
                out.append(tsv(batch.root()));
            }
        }
        made.clear();
        return out.toString();
    }

    static byte[] concat(List<ByteBuffer> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuffer chunk : chunks) {
            byte[] bytes = new byte[chunk.remaining()];
            chunk.get(bytes);
            out.write(bytes, 0, bytes.length);
        }
        return out.toByteArray();
    }

    /** Reads a whole stream with Arrow's own reader, as text. */
    String readWithArrow(byte[] stream) throws IOException {
        StringBuilder out = new StringBuilder();
        try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(stream), allocator)) {
            assertThat(reader.getVectorSchemaRoot().getSchema()).isEqualTo(SCHEMA);
            while (reader.loadNextBatch()) {
                out.append(tsv(reader.getVectorSchemaRoot()));
            }
        }
        return out.toString();
    }

    /** Writes batches with Arrow's own writer. */
    byte[] writeWithArrow(int... fromAndRows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator);
                ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(out))) {
            writer.start();
            for (int i = 0; i < fromAndRows.length; i += 2) {
                try (RecordBatch batch = batch(fromAndRows[i], fromAndRows[i + 1]);
                        ArrowRecordBatch unloaded = new VectorUnloader(batch.root()).getRecordBatch()) {
                    new VectorLoader(root).load(unloaded);
                }
                writer.writeBatch();
            }
            writer.end();
        }
        made.clear();
        return out.toByteArray();
    }

    String readAll(Flux<ByteBuffer> chunks) {
        StringBuilder out = new StringBuilder();
        ArrowIpc.read(chunks, allocator).doOnNext(batch -> {
            try (batch) {
                assertThat(batch.schema()).isEqualTo(SCHEMA);
                out.append(tsv(batch.root()));
            }
        }).blockLast(Duration.ofSeconds(10));
        return out.toString();
    }

    static Flux<ByteBuffer> chunks(byte[] stream, int size) {
        List<ByteBuffer> chunks = new ArrayList<>();
        for (int at = 0; at < stream.length; at += size) {
            chunks.add(ByteBuffer.wrap(Arrays.copyOfRange(stream, at, Math.min(stream.length, at + size))));
        }
        return Flux.fromIterable(chunks);
    }

    @Test
    void arrowsOwnReaderReadsWhatIsWrittenAndEveryBatchIsClosed() throws IOException {
        List<ByteBuffer> written = ArrowIpc.write(SCHEMA, Flux.just(batch(0, 10), batch(10, 1), batch(11, 300)))
                .collectList().block();
        assertThat(made).allMatch(RecordBatch::isClosed);
        assertThat(readWithArrow(concat(written))).isEqualTo(expected(0, 10, 10, 1, 11, 300));
    }

    @Test
    void anEmptyResultStillCarriesTheSchema() throws IOException {
        byte[] stream = concat(ArrowIpc.write(SCHEMA, Flux.empty()).collectList().block());
        assertThat(readWithArrow(stream)).isEmpty();
        assertThat(ArrowIpc.read(Flux.just(ByteBuffer.wrap(stream)), allocator).count().block()).isZero();
    }

    @Test
    void readsWhatArrowWritesInChunksOfEverySize() throws IOException {
        byte[] stream = writeWithArrow(0, 7, 7, 0, 7, 50);
        String expected = expected(0, 7, 7, 0, 7, 50);
        for (int size : new int[] { 1, 2, 3, 7, 8, 64, 1000, stream.length }) {
            assertThat(readAll(chunks(stream, size))).as("chunks of %d bytes", size).isEqualTo(expected);
        }
    }

    @Test
    void readsBackWhatItWritesAndOneBatchStreams() {
        List<ByteBuffer> written = ArrowIpc.write(SCHEMA, Flux.just(batch(0, 5), batch(5, 5))).collectList().block();
        assertThat(readAll(Flux.fromIterable(written))).isEqualTo(expected(0, 5, 5, 5));
        byte[] one = ArrowIpc.toBytes(batch(3, 4));
        assertThat(made).allMatch(RecordBatch::isClosed);
        assertThat(readAll(Flux.just(ByteBuffer.wrap(one)))).isEqualTo(expected(3, 4));
    }

    @Test
    void aBatchOfAnotherSchemaFailsTheStreamAndIsClosed() {
        Schema other = new Schema(List.of(Field.nullable("x", ArrowType.Utf8.INSTANCE)));
        RecordBatch wrong = TestBatches.of(allocator, other, new Object[] { "a" });
        StepVerifier.create(ArrowIpc.write(SCHEMA, Flux.range(0, 3).map(i -> i == 1 ? wrong : batch(i * 2, 2))))
                .expectNextCount(2).expectErrorMessage("a batch's schema " + other + " is not the stream's " + SCHEMA)
                .verify(Duration.ofSeconds(5));
        assertThat(wrong.isClosed()).isTrue();
        assertThat(made).allMatch(RecordBatch::isClosed);
    }

    @Test
    void cancellingAWriteClosesTheBatchesItHeld() {
        Flux<RecordBatch> many = Flux.range(0, 100).map(i -> batch(i * 10, 10));
        assertThat(ArrowIpc.write(SCHEMA, many).take(3).count().block()).isEqualTo(3);
        assertThat(made).hasSizeLessThan(10).allMatch(RecordBatch::isClosed);
    }

    @Test
    void takeOnAReadLeavesNothingAllocated() throws IOException {
        byte[] stream = writeWithArrow(0, 10, 10, 10, 20, 10, 30, 10);
        List<RecordBatch> two = ArrowIpc.read(chunks(stream, 100), allocator).take(2).collectList().block();
        assertThat(two).hasSize(2);
        two.forEach(RecordBatch::close);
    }

    void assertMalformed(byte[] stream, String message) {
        for (int size : new int[] { 1, 5, stream.length == 0 ? 1 : stream.length }) {
            StepVerifier.create(ArrowIpc.read(chunks(stream, size), allocator).doOnNext(RecordBatch::close))
                    .thenConsumeWhile(batch -> true)
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ArrowIpcException.class)
                            .hasMessageContaining(message))
                    .verify(Duration.ofSeconds(5));
        }
    }

    @Test
    void malformedInputIsAClearErrorAndLeaksNothing() throws IOException {
        byte[] stream = writeWithArrow(0, 10, 10, 10);
        byte[] schemaOnly = concat(ArrowIpc.write(SCHEMA, Flux.empty()).collectList().block());
        int schemaLength = schemaOnly.length - 8;
        assertMalformed(new byte[0], "holds no schema message");
        assertMalformed(concat(ArrowIpc.writeFile(SCHEMA, Flux.empty()).collectList().block()),
                "this is the Arrow IPC file format");
        assertMalformed("not arrow at all, just text".getBytes(), "bytes of metadata, which is not an Arrow IPC stream");
        for (int cut : new int[] { 3, schemaLength - 1, schemaLength + 7, stream.length - 20 }) {
            assertMalformed(Arrays.copyOf(stream, cut), "ends inside a message");
        }
        byte[] batchFirst = Arrays.copyOfRange(stream, schemaLength, stream.length);
        assertMalformed(batchFirst, "a record batch before the schema");
        byte[] twoSchemas = new byte[schemaLength * 2];
        System.arraycopy(schemaOnly, 0, twoSchemas, 0, schemaLength);
        System.arraycopy(schemaOnly, 0, twoSchemas, schemaLength, schemaLength);
        assertMalformed(twoSchemas, "a second schema message");
        byte[] trailing = Arrays.copyOf(stream, stream.length + 3);
        assertMalformed(trailing, "bytes after the end-of-stream marker");
        byte[] corrupt = stream.clone();
        for (int i = schemaLength + 8; i < schemaLength + 40; i++) {
            corrupt[i] = (byte) 0x7f;
        }
        StepVerifier.create(ArrowIpc.read(Flux.just(ByteBuffer.wrap(corrupt)), allocator).doOnNext(RecordBatch::close))
                .thenConsumeWhile(batch -> true).expectError(ArrowIpcException.class).verify(Duration.ofSeconds(5));
    }

    @Test
    void aBatchAnnouncingMoreRowsThanItsBytesHoldIsRefused() throws IOException {
        byte[] stream = writeWithArrow(0, 3);
        byte[] schemaOnly = concat(ArrowIpc.write(SCHEMA, Flux.empty()).collectList().block());
        int batchStart = schemaOnly.length - 8;
        // the record batch's flatbuffer holds its length (3) as a little-endian int64: make it 2^30
        int at = -1;
        for (int i = batchStart + 8; i < stream.length - 8 && at < 0; i++) {
            if (stream[i] == 3 && stream[i + 1] == 0 && stream[i + 2] == 0 && stream[i + 3] == 0 && stream[i + 4] == 0
                    && stream[i + 5] == 0 && stream[i + 6] == 0 && stream[i + 7] == 0) {
                at = i;
            }
        }
        assertThat(at).as("the batch's length in its metadata").isPositive();
        byte[] huge = stream.clone();
        huge[at] = 0;
        huge[at + 3] = 0x40;
        StepVerifier.create(ArrowIpc.read(Flux.just(ByteBuffer.wrap(huge)), allocator).doOnNext(RecordBatch::close))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ArrowIpcException.class)
                        .hasMessageContaining("announces 1073741824 rows"))
                .verify(Duration.ofSeconds(5));
    }

    /**
     * Random damage to a valid stream (bytes overwritten, cut, repeated): every read either yields
     * batches or fails with an ArrowIpcException, never another exception, and leaves nothing
     * allocated (the fixture checks).
     */
    @Test
    void damagedStreamsFailCleanly() throws IOException {
        byte[] stream = writeWithArrow(0, 20, 20, 5);
        long seed = System.nanoTime();
        java.util.Random random = new java.util.Random(seed);
        for (int round = 0; round < 250; round++) {
            byte[] damaged = stream.clone();
            switch (round % 3) {
                case 0 -> {
                    for (int i = 0; i < 1 + random.nextInt(4); i++) {
                        damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
                    }
                }
                case 1 -> damaged = Arrays.copyOf(damaged, random.nextInt(damaged.length));
                default -> {
                    int at = random.nextInt(damaged.length);
                    byte[] grown = new byte[damaged.length + 16];
                    System.arraycopy(damaged, 0, grown, 0, at);
                    System.arraycopy(damaged, at, grown, at + 16, damaged.length - at);
                    System.arraycopy(damaged, 0, grown, at, 16);
                    damaged = grown;
                }
            }
            int finalRound = round;
            try {
                ArrowIpc.read(chunks(damaged, 1 + random.nextInt(100)), allocator)
                        .doOnNext(batch -> {
                            try (batch) {
                                tsv(batch.root());
                            }
                        }).blockLast(Duration.ofSeconds(5));
            } catch (ArrowIpcException expected) {
                // a clear error
            } catch (RuntimeException other) {
                throw new AssertionError("seed " + seed + ", round " + finalRound + ": " + other, other);
            }
            assertThat(allocator.getAllocatedMemory()).as("seed %d, round %d", seed, round).isZero();
        }
    }

    @TempDir
    Path dir;

    // the Arrow IPC file format

    @Test
    void arrowsOwnFileReaderReadsWhatIsWritten() throws IOException {
        byte[] file = concat(ArrowIpc.writeFile(SCHEMA,
                Flux.just(batch(0, 10), batch(10, 0), batch(10, 200))).collectList().block());
        StringBuilder read = new StringBuilder();
        try (ArrowFileReader reader = new ArrowFileReader(new SeekableReadChannel(
                new ByteArrayReadableSeekableByteChannel(file)), allocator)) {
            assertThat(reader.getRecordBlocks()).hasSize(3);
            while (reader.loadNextBatch()) {
                read.append(tsv(reader.getVectorSchemaRoot()));
            }
        }
        assertThat(read.toString()).isEqualTo(expected(0, 10, 10, 0, 10, 200));
    }

    @Test
    void readsWhatArrowsFileWriterWritesAndWhatItWritesItself() throws IOException {
        Path arrows = dir.resolve("arrow.arrow");
        try (VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator);
                FileChannel channel = FileChannel.open(arrows, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                ArrowFileWriter writer = new ArrowFileWriter(root, null, channel)) {
            writer.start();
            for (int[] part : new int[][] { { 0, 5 }, { 5, 7 } }) {
                try (RecordBatch batch = batch(part[0], part[1]);
                        ArrowRecordBatch unloaded = new VectorUnloader(batch.root()).getRecordBatch()) {
                    new VectorLoader(root).load(unloaded);
                }
                writer.writeBatch();
            }
            writer.end();
        }
        assertThat(read(arrows)).isEqualTo(expected(0, 5, 5, 7));
        Path ours = dir.resolve("ours.arrow");
        Files.write(ours, concat(ArrowIpc.writeFile(SCHEMA,
                Flux.just(batch(1, 3))).collectList().block()));
        assertThat(read(ours)).isEqualTo(expected(1, 3));
        Path empty = dir.resolve("empty.arrow");
        Files.write(empty, concat(ArrowIpc.writeFile(SCHEMA, Flux.empty())
                .collectList().block()));
        assertThat(read(empty)).isEmpty();
    }

    String read(Path file) {
        StringBuilder out = new StringBuilder();
        ArrowIpc.readFile(file, allocator).doOnNext(batch -> {
            try (batch) {
                assertThat(batch.schema()).isEqualTo(SCHEMA);
                out.append(tsv(batch.root()));
            }
        }).blockLast(Duration.ofSeconds(10));
        return out.toString();
    }

    @Test
    void aStreamOrGarbageIsNotAFile() throws IOException {
        Path stream = dir.resolve("stream.arrows");
        Files.write(stream, concat(ArrowIpc.write(SCHEMA, Flux.just(batch(0, 3)))
                .collectList().block()));
        Path text = dir.resolve("text.arrow");
        Files.writeString(text, "not an arrow file at all");
        for (Path file : List.of(stream, text)) {
            StepVerifier.create(ArrowIpc.readFile(file, allocator))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ArrowIpcException.class)
                            .hasMessageContaining("is not an Arrow IPC file"))
                    .verify(Duration.ofSeconds(5));
        }
    }

    @Test
    void takeAndCancelLeaveNothingOpen() throws IOException {
        Path file = dir.resolve("many.arrow");
        Files.write(file, concat(ArrowIpc.writeFile(SCHEMA,
                Flux.range(0, 20).map(i -> batch(i * 10, 10))).collectList().block()));
        List<RecordBatch> two = ArrowIpc.readFile(file, allocator).take(2).collectList().block();
        assertThat(two).hasSize(2);
        two.forEach(RecordBatch::close);
        List<ByteBuffer> some = ArrowIpc.writeFile(SCHEMA, Flux.range(0, 100)
                .map(i -> batch(i * 10, 10))).take(3).collectList().block();
        assertThat(some).hasSize(3);
        assertThat(made).allMatch(RecordBatch::isClosed);
    }
}
