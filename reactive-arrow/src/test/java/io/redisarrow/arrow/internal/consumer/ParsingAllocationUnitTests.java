package io.redisarrow.arrow.internal.consumer;

import io.redisarrow.arrow.internal.AllocatorTestSupport;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Numbers, dates and timestamps parse from the ASCII bytes without making a String or any other
 * object: the bytes this thread allocates while a consumer writes a value a thousand times are
 * counted, and must be none (a String per value would show as hundreds of kilobytes). This covers
 * the common forms; a Float64 with more than 18 significant digits or an exponent beyond 22 still
 * goes through {@code Double.parseDouble} and its String.
 */
class ParsingAllocationUnitTests extends AllocatorTestSupport {

    static final int ROWS = 1000;


    static Stream<Arguments> values() {
        return Stream.of(
                arguments(new ArrowType.Int(8, true), "-128"),
                arguments(new ArrowType.Int(16, true), "32767"),
                arguments(new ArrowType.Int(32, true), "-2147483648"),
                arguments(new ArrowType.Int(64, true), "9223372036854775807"),
                arguments(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), "1.5"),
                arguments(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), "-2.25e-3"),
                arguments(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), "12345678.12345678"),
                arguments(ArrowType.Bool.INSTANCE, "Yes"),
                arguments(new ArrowType.Decimal(12, 2, 128), "-12345.6"),
                arguments(new ArrowType.Decimal(10, -2, 128), "12300"),
                arguments(new ArrowType.Date(DateUnit.DAY), "2024-02-29"),
                arguments(new ArrowType.Date(DateUnit.MILLISECOND), "1704103200000"),
                arguments(new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC"), "2024-01-01T10:00:00.123+02:00"),
                arguments(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), "1704103200000000"));
    }

    @ParameterizedTest
    @MethodSource("values")
    void parsesWithoutAllocating(ArrowType type, String text) {
        byte[] value = text.getBytes(StandardCharsets.US_ASCII);
        try (FieldVector vector = new Field("f", FieldType.nullable(type), null).createVector(allocator)) {
            vector.setInitialCapacity(ROWS);
            vector.allocateNew();
            ColumnConsumer consumer = Consumers.create(vector);
            Runnable writeAll = () -> {
                for (int row = 0; row < ROWS; row++) {
                    if (!consumer.consume(row, value, 0, value.length)) {
                        throw new AssertionError(text + " did not parse as " + type);
                    }
                }
            };
            // the fewest bytes over a few rounds: one-off work of the JVM (compiling, loading) can land in any one
            long fewest = Long.MAX_VALUE;
            for (int round = 0; round < 5; round++) {
                fewest = Math.min(fewest, allocatedWhile(writeAll));
            }
            assertThat(allocatedWhile(() -> { })).as("bytes allocated measuring nothing").isZero();
            assertThat(fewest).as("bytes allocated writing %s %d times", text, ROWS).isZero();
        }
    }

    /** {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes(long)}, looked up so this module need not read it. */
    private static long allocatedWhile(Runnable work) {
        return io.redisarrow.arrow.internal.ThreadAllocations.allocatedWhile(work);
    }
}
