package io.redisarrow.benchmarks.jmh;

import io.redisarrow.arrow.internal.consumer.ColumnConsumer;
import io.redisarrow.arrow.internal.consumer.Consumers;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.compare.VectorEqualsVisitor;
import org.apache.arrow.vector.types.pojo.Field;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

/**
 * Decodes a batch of {@value #ROWS} raw values of one Arrow type into a freshly allocated vector,
 * once with redis-arrow's consumer ({@code redisArrow}) and once the way a hand-written reader
 * would ({@code baseline}); the score is nanoseconds per value, allocating and closing the vector
 * included. Public and not final, as JMH requires: its generated code subclasses it from another package.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(DecoderBenchmark.ROWS)
public class DecoderBenchmark {

    /** Values per batch, the library's default batch size. */
    static final int ROWS = 1_000;

    /** Seed of the value generator. */
    static final long SEED = 20240315L;

    /** The {@link DecoderCase} name; every case by default. */
    @Param({ "INT32", "INT64", "FLOAT64", "BOOL", "DATE_DAY", "TIMESTAMP_MILLI_UTC", "UTF8", "DECIMAL_12_2" })
    String type;

    private DecoderCase decoderCase;

    private Field field;

    private ValueSlab values;

    private BufferAllocator allocator;

    /** Generates the values; fails the trial unless the consumer takes them all and both decoders agree. */
    @Setup(Level.Trial)
    public void setUp() {
        decoderCase = DecoderCase.valueOf(type);
        field = decoderCase.field();
        values = ValueSlab.generate(decoderCase, ROWS, SEED);
        allocator = new RootAllocator();
        try (FieldVector ours = newVector(); FieldVector theirs = newVector()) {
            if (decode(ours) != ROWS) {
                throw new IllegalStateException(type + ": the consumer rejected generated values");
            }
            byHand(theirs);
            if (!VectorEqualsVisitor.vectorEquals(ours, theirs)) {
                throw new IllegalStateException(type + ": the consumer and the baseline decode differently");
            }
        }
    }

    /** Fails the trial when a vector leaked, else closes the allocator. */
    @TearDown(Level.Trial)
    public void tearDown() {
        long held = allocator.getAllocatedMemory();
        if (held != 0) {
            throw new IllegalStateException(type + ": the allocator still holds " + held + " bytes, a vector leaked");
        }
        allocator.close();
    }

    /** @return the number of values the consumer wrote */
    @Benchmark
    public int redisArrow() {
        try (FieldVector vector = newVector()) {
            return decode(vector);
        }
    }

    /** @return the vector's value count */
    @Benchmark
    public int baseline() {
        try (FieldVector vector = newVector()) {
            return byHand(vector);
        }
    }

    private int decode(FieldVector vector) {
        ColumnConsumer consumer = Consumers.create(vector);
        byte[] data = values.data();
        int written = 0;
        for (int row = 0; row < ROWS; row++) {
            if (consumer.consume(row, data, values.offset(row), values.length(row))) {
                written++;
            }
        }
        vector.setValueCount(ROWS);
        return written;
    }

    private int byHand(FieldVector vector) {
        byte[] data = values.data();
        for (int row = 0; row < ROWS; row++) {
            decoderCase.decodeByHand(vector, row, data, values.offset(row), values.length(row));
        }
        vector.setValueCount(ROWS);
        return vector.getValueCount();
    }

    /** Allocates a vector for {@value #ROWS} values as the library's batch decoder does. */
    private FieldVector newVector() {
        FieldVector vector = field.createVector(allocator);
        if (vector instanceof BaseVariableWidthVector variable) {
            variable.allocateNew(values.totalBytes(), ROWS);
        } else {
            vector.setInitialCapacity(ROWS);
            vector.allocateNew();
        }
        return vector;
    }
}
