package io.redisarrow.arrow.internal.consumer;

import io.redisarrow.arrow.internal.AllocatorTestSupport;
import io.redisarrow.arrow.UnsupportedArrowTypeException;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.util.Text;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every consumer writes into a real vector; an allocator per test is asserted empty and closed.
 */
class ConsumersUnitTests extends AllocatorTestSupport {


    /** Consumes the values (null for a Redis nil) and returns what the vector holds, or "!" where parsing failed. */
    List<Object> decode(ArrowType type, String... values) {
        try (FieldVector vector = new Field("f", FieldType.nullable(type), null).createVector(allocator)) {
            if (vector instanceof BaseVariableWidthVector variable) {
                variable.allocateNew(1, values.length);
            } else {
                vector.setInitialCapacity(values.length);
                vector.allocateNew();
            }
            ColumnConsumer consumer = Consumers.create(vector);
            boolean[] failed = new boolean[values.length];
            for (int row = 0; row < values.length; row++) {
                if (values[row] == null) {
                    consumer.consumeNull(row);
                    continue;
                }
                byte[] padded = ("<" + values[row] + ">").getBytes(StandardCharsets.UTF_8);
                failed[row] = !consumer.consume(row, padded, 1, padded.length - 2);
            }
            vector.setValueCount(values.length);
            List<Object> out = new ArrayList<>();
            for (int row = 0; row < values.length; row++) {
                Object value = vector.getObject(row);
                out.add(failed[row] ? (value == null ? "!" : "written despite failure") : value instanceof Text t ? t.toString() : value);
            }
            return out;
        }
    }

    @Test
    void integersOfEveryWidthCheckTheirRange() {
        assertThat(decode(new ArrowType.Int(8, true), "-128", "127", "128", null))
                .containsExactly((byte) -128, (byte) 127, "!", null);
        assertThat(decode(new ArrowType.Int(16, true), "-32768", "32768")).containsExactly((short) -32768, "!");
        assertThat(decode(new ArrowType.Int(32, true), "2147483647", "-2147483649", "1.0"))
                .containsExactly(Integer.MAX_VALUE, "!", "!");
        assertThat(decode(new ArrowType.Int(64, true), "-9223372036854775808", "x"))
                .containsExactly(Long.MIN_VALUE, "!");
    }

    @Test
    void floats() {
        assertThat(decode(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), "1.5", "-inf", "abc"))
                .containsExactly(1.5, Double.NEGATIVE_INFINITY, "!");
        assertThat(decode(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), "0.1", "3.4e38"))
                .containsExactly(0.1f, 3.4e38f);
    }

    @Test
    void booleans() {
        assertThat(decode(ArrowType.Bool.INSTANCE, "YES", "n", "maybe", null)).containsExactly(true, false, "!", null);
    }

    @Test
    void utf8KeepsTextAndRejectsInvalidBytes() {
        assertThat(decode(ArrowType.Utf8.INSTANCE, "", "héllo 世界 🎉", null)).containsExactly("", "héllo 世界 🎉", null);
        try (FieldVector vector = new Field("f", FieldType.nullable(ArrowType.Utf8.INSTANCE), null).createVector(allocator)) {
            ((BaseVariableWidthVector) vector).allocateNew(16, 4);
            ColumnConsumer consumer = Consumers.create(vector);
            assertThat(consumer.consume(0, new byte[] { (byte) 0xc3, (byte) 0x28 }, 0, 2)).isFalse();
            assertThat(consumer.consume(1, new byte[] { (byte) 0xed, (byte) 0xa0, (byte) 0x80 }, 0, 3)).isFalse();
            assertThat(consumer.consume(2, new byte[] { (byte) 0xc0, (byte) 0xaf }, 0, 2)).isFalse();
            assertThat(consumer.consume(3, new byte[] { (byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }, 0, 4)).isFalse();
        }
    }

    @Test
    void binaryTakesAnyBytes() {
        try (FieldVector vector = new Field("f", FieldType.nullable(ArrowType.Binary.INSTANCE), null).createVector(allocator)) {
            ((BaseVariableWidthVector) vector).allocateNew(16, 1);
            byte[] bytes = { 0, (byte) 0xff, 13, 10 };
            assertThat(Consumers.create(vector).consume(0, bytes, 0, 4)).isTrue();
            vector.setValueCount(1);
            assertThat((byte[]) vector.getObject(0)).containsExactly(bytes);
        }
    }

    @Test
    void datesFromIsoTextDateTimesAndEpochDays() {
        assertThat(decode(new ArrowType.Date(DateUnit.DAY), "2024-02-29", "19782", "2024-01-01T23:00:00-02:00", "2023-02-29"))
                .containsExactly(19782, 19782, (int) LocalDate.of(2024, 1, 2).toEpochDay(), "!");
        assertThat(decode(new ArrowType.Date(DateUnit.MILLISECOND), "1970-01-02", "5"))
                .containsExactly(LocalDateTime.of(1970, 1, 2, 0, 0), LocalDateTime.of(1970, 1, 1, 0, 0));
    }

    @Test
    void dateMillisAreAlwaysMidnightUtcAsArrowRequires() {
        // 2024-01-01T10:00:00Z, one millisecond before the epoch, a date-time with an offset, the smallest long
        assertThat(decode(new ArrowType.Date(DateUnit.MILLISECOND), "1704103200000", "-1", "2024-01-01T23:30:00-02:00",
                "-9223372036854775808"))
                .containsExactly(LocalDateTime.of(2024, 1, 1, 0, 0), LocalDateTime.of(1969, 12, 31, 0, 0),
                        LocalDateTime.of(2024, 1, 2, 0, 0), "!");
    }

    @Test
    void timestampsInEveryUnitWithAndWithoutZone() {
        assertThat(decode(new ArrowType.Timestamp(TimeUnit.SECOND, "UTC"), "2024-01-01T10:00:00+02:00", "1704096000"))
                .containsExactly(1704096000L, 1704096000L);
        assertThat(decode(new ArrowType.Timestamp(TimeUnit.MILLISECOND, null), "2024-01-01 10:00:00.123", "1"))
                .containsExactly(LocalDateTime.of(2024, 1, 1, 10, 0, 0, 123_000_000), LocalDateTime.of(1970, 1, 1, 0, 0, 0, 1_000_000));
        assertThat(decode(new ArrowType.Timestamp(TimeUnit.MICROSECOND, "Europe/Paris"), "2024-07-01T12:00:00.1234567"))
                .containsExactly(1719828000123456L);
        assertThat(decode(new ArrowType.Timestamp(TimeUnit.NANOSECOND, null), "2262-04-11T23:47:16.854775807", "2262-04-12", "yesterday"))
                .containsExactly(LocalDateTime.of(2262, 4, 11, 23, 47, 16, 854_775_807), "!", "!");
    }

    @Test
    void decimalsNeverRound() {
        assertThat(decode(new ArrowType.Decimal(5, 2, 128), "12.3", "12.340", "-0.01", "12.345", "1234.5", "+7", "1e2",
                "1.5e-1", "999.99", "x", "1.2.3", ".5"))
                .containsExactly(new BigDecimal("12.30"), new BigDecimal("12.34"), new BigDecimal("-0.01"), "!", "!",
                        new BigDecimal("7.00"), new BigDecimal("100.00"), new BigDecimal("0.15"), new BigDecimal("999.99"),
                        "!", "!", new BigDecimal("0.50"));
        assertThat(decode(new ArrowType.Decimal(38, 0, 128), "99999999999999999999999999999999999999", "-12345678901234567890"))
                .containsExactly(new BigDecimal("99999999999999999999999999999999999999"),
                        new BigDecimal("-12345678901234567890"));
    }

    @Test
    void negativeScalesStoreTheValueOverATenPower() {
        // Arrow: value = unscaled x 10^-scale, so Decimal(10, -2) holds 12300 as 123 and cannot hold 12345
        List<Object> values = decode(new ArrowType.Decimal(10, -2, 128), "12300", "12345", "-500", "0", "1.23e4", "12300.00",
                "123.5", "999999999900", "9999999999900", "123456789012345678900");
        assertThat(values).containsExactly(BigDecimal.valueOf(123, -2), "!", BigDecimal.valueOf(-5, -2),
                BigDecimal.valueOf(0, -2), BigDecimal.valueOf(123, -2), BigDecimal.valueOf(123, -2), "!",
                BigDecimal.valueOf(9_999_999_999L, -2), "!", "!");
        assertThat(((BigDecimal) values.get(0)).unscaledValue()).isEqualTo(123);
        assertThat(decode(new ArrowType.Decimal(38, -3, 128), "123456789012345678901000", "123456789012345678901001"))
                .containsExactly(new BigDecimal("123456789012345678901").scaleByPowerOfTen(3).setScale(-3), "!");
    }

    @Test
    void rejectsUnsupportedTypesNamingTheFieldAndTheAlternatives() {
        assertThatThrownBy(() -> Consumers.checkSupported(new Field("tags", FieldType.nullable(new ArrowType.List()),
                List.of(new Field("item", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)))))
                .isInstanceOf(UnsupportedArrowTypeException.class)
                .hasMessageContaining("field 'tags'").hasMessageContaining("List").hasMessageContaining("supported: Utf8");
        assertThatThrownBy(() -> Consumers.checkSupported(new Field("u", FieldType.nullable(new ArrowType.Int(8, false)), null)))
                .hasMessageContaining("UInt8");
        assertThatThrownBy(() -> Consumers.checkSupported(new Field("t", FieldType.nullable(
                new ArrowType.Timestamp(TimeUnit.SECOND, "Mars/Olympus")), null))).hasMessageContaining("Mars/Olympus");
    }

    @Test
    void describesTypesForMessages() {
        assertThat(Consumers.describe(new ArrowType.Int(64, true))).isEqualTo("Int64");
        assertThat(Consumers.describe(new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC"))).isEqualTo("Timestamp(MILLISECOND, UTC)");
        assertThat(Consumers.describe(new ArrowType.Decimal(10, 2, 128))).isEqualTo("Decimal(10, 2)");
        assertThat(Consumers.describe(new ArrowType.Date(DateUnit.DAY))).isEqualTo("Date(DAY)");
    }
}
