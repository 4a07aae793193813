package io.redisarrow.arrow.internal.encode;

import io.redisarrow.arrow.internal.AllocatorTestSupport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.invoke.MethodHandle;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Integers, booleans, decimals, dates, timestamps, strings and bytes are encoded without making
 * an object per cell: the bytes this thread allocates while an encoder writes a thousand cells
 * into a buffer with room for them are counted, and must be none. Floats are not here: they go
 * through {@code Double.toString} and make a String per cell.
 */
class EncodingAllocationUnitTests extends AllocatorTestSupport {

    static final int ROWS = 1000;


    static Stream<Arguments> columns() {
        long summer = Instant.parse("2024-07-01T10:00:00Z").toEpochMilli() * 1000;
        return Stream.of(
                arguments(new ArrowType.Int(8, true), (byte) -128),
                arguments(new ArrowType.Int(16, true), (short) 32767),
                arguments(new ArrowType.Int(32, true), Integer.MIN_VALUE),
                arguments(new ArrowType.Int(64, true), Long.MIN_VALUE),
                arguments(ArrowType.Bool.INSTANCE, true),
                arguments(new ArrowType.Decimal(12, 2, 128), new BigDecimal("-12345.60")),
                arguments(new ArrowType.Decimal(38, 10, 128), new BigDecimal("-1234567890123456789012345678.9012345678")),
                arguments(new ArrowType.Decimal(10, -2, 128), new BigDecimal("1.23E+4")),
                arguments(new ArrowType.Date(DateUnit.DAY), 19_782),
                arguments(new ArrowType.Date(DateUnit.DAY), Integer.MIN_VALUE),
                arguments(new ArrowType.Date(DateUnit.MILLISECOND), 1_709_164_800_000L),
                arguments(new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC"), 1_704_103_200_123L),
                arguments(new ArrowType.Timestamp(TimeUnit.MICROSECOND, "Europe/Paris"), summer),
                arguments(new ArrowType.Timestamp(TimeUnit.NANOSECOND, null), Long.MIN_VALUE),
                arguments(new ArrowType.Timestamp(TimeUnit.SECOND, "+05:30"), Long.MAX_VALUE),
                arguments(ArrowType.Utf8.INSTANCE, "héllo ✓ 😀"),
                arguments(ArrowType.Binary.INSTANCE, "\r\n\u0000 bytes".repeat(20).getBytes(StandardCharsets.ISO_8859_1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("columns")
    void encodesWithoutAllocating(ArrowType type, Object value) {
        Object[] values = new Object[ROWS];
        Arrays.fill(values, value);
        ByteBuf out = Unpooled.buffer(ROWS * 512);
        try (FieldVector vector = TestVectors.vector(allocator, type, values)) {
            ValueEncoder encoder = Encoders.create(vector);
            Runnable writeAll = () -> {
                out.clear();
                for (int row = 0; row < ROWS; row++) {
                    encoder.writeBulk(row, out);
                }
            };
            // the fewest bytes over a few rounds: one-off work of the JVM (compiling, loading) can land in any one
            long fewest = Long.MAX_VALUE;
            for (int round = 0; round < 5; round++) {
                fewest = Math.min(fewest, allocatedWhile(writeAll));
            }
            assertThat(out.readableBytes()).as("bytes written").isGreaterThan(ROWS * 4);
            assertThat(allocatedWhile(() -> { })).as("bytes allocated measuring nothing").isZero();
            assertThat(fewest).as("bytes allocated writing %s %d times", value, ROWS).isZero();
        } finally {
            out.release();
        }
    }

    /** {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes(long)}, looked up so this module need not read it. */
    private static long allocatedWhile(Runnable work) {
        return io.redisarrow.arrow.internal.ThreadAllocations.allocatedWhile(work);
    }
}
