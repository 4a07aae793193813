package io.redisarrow.benchmarks.jmh;

import io.redisarrow.arrow.ParseErrorPolicy;
import io.redisarrow.arrow.internal.json.JsonDocuments;
import io.redisarrow.benchmarks.json.JacksonArrowCopy;
import io.redisarrow.benchmarks.json.JsonDocs;
import io.redisarrow.core.RawBatch;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Decodes the same {@value #DOCUMENTS} {@code JSON.GET key $} replies (the throughput benchmark's first
 * documents, {@link JsonDocs}) three ways: with redis-arrow's JSON decoder into a fresh Arrow batch of
 * {@link JsonDocs#SCHEMA} ({@code redisArrow}: the {@link JsonDocuments} that {@code scanJson} uses for
 * whole documents, over a {@link RawBatch} laid out as the fetch stage fills it), with Jackson's
 * {@code ObjectMapper.readTree} into trees only ({@code jacksonTree}), and with {@code readTree} then a
 * hand-written copy into the same Arrow batch ({@code jacksonToArrow}, {@link JacksonArrowCopy}). The
 * score is nanoseconds per document, allocating and closing the batch included. Public and not final,
 * as JMH requires: its generated code subclasses it from another package.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(JsonDecoderBenchmark.DOCUMENTS)
public class JsonDecoderBenchmark {

    /** Documents per batch, as {@link DecoderBenchmark} decodes 1,000 values per batch. */
    static final int DOCUMENTS = 1_000;

    private final ObjectMapper mapper = new ObjectMapper();

    private RawBatch raw;

    private JsonDocuments documents;

    private BufferAllocator allocator;

    /**
     * @return the replies of the first {@value #DOCUMENTS} documents, one row each, as the JSON fetch
     *         stage holds them: the whole reply in the row's only value column
     */
    static RawBatch replies() {
        RawBatch batch = new RawBatch(1, DOCUMENTS, false);
        JsonDocs.Generator generator = JsonDocs.generator();
        for (int i = 0; i < DOCUMENTS; i++) {
            byte[] reply = JsonDocs.reply(generator.next(i));
            int row = batch.startRow(JsonDocs.key(i).getBytes(StandardCharsets.UTF_8));
            batch.copyValue(row, 0, reply, 0, reply.length);
        }
        return batch;
    }

    /** Builds the replies; fails the trial unless redis-arrow and the Jackson copy produce equal batches. */
    @Setup(Level.Trial)
    public void setUp() {
        raw = replies();
        documents = JsonDocuments.members(JsonDocs.SCHEMA.getFields());
        allocator = new RootAllocator();
        try (VectorSchemaRoot ours = decode(); VectorSchemaRoot theirs = JacksonArrowCopy.copy(trees(), allocator)) {
            if (ours.getRowCount() != DOCUMENTS || !ours.equals(theirs)) {
                throw new IllegalStateException("redis-arrow and the Jackson copy decode the documents differently");
            }
        }
    }

    /** Fails the trial when a batch leaked, else closes the allocator. */
    @TearDown(Level.Trial)
    public void tearDown() {
        long held = allocator.getAllocatedMemory();
        if (held != 0) {
            throw new IllegalStateException("the allocator still holds " + held + " bytes, a batch leaked");
        }
        allocator.close();
    }

    /** @return the rows decoded */
    @Benchmark
    public int redisArrow() {
        try (VectorSchemaRoot root = decode()) {
            return root.getRowCount();
        }
    }

    /** @param trees receives each document's tree */
    @Benchmark
    public void jacksonTree(Blackhole trees) {
        byte[] data = raw.data();
        for (int row = 0; row < DOCUMENTS; row++) {
            trees.consume(mapper.readTree(data, raw.valueOffset(row, 0), raw.valueLength(row, 0)));
        }
    }

    /** @return the rows copied */
    @Benchmark
    public int jacksonToArrow() {
        try (VectorSchemaRoot root = JacksonArrowCopy.copy(trees(), allocator)) {
            return root.getRowCount();
        }
    }

    /** @return the reply bytes of all documents together */
    static long replyBytes() {
        RawBatch batch = replies();
        long total = 0;
        for (int row = 0; row < batch.rowCount(); row++) {
            total += batch.valueLength(row, 0);
        }
        return total;
    }

    private VectorSchemaRoot decode() {
        VectorSchemaRoot root = VectorSchemaRoot.create(JsonDocs.SCHEMA, allocator);
        try {
            documents.decode(raw, 0, root.getFieldVectors(), ParseErrorPolicy.FAIL);
            root.setRowCount(raw.rowCount());
            return root;
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
    }

    private List<JsonNode> trees() {
        byte[] data = raw.data();
        List<JsonNode> trees = new ArrayList<>(DOCUMENTS);
        for (int row = 0; row < DOCUMENTS; row++) {
            trees.add(mapper.readTree(data, raw.valueOffset(row, 0), raw.valueLength(row, 0)));
        }
        return trees;
    }
}
