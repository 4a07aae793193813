package io.redisarrow.arrow.internal.encode;

import io.redisarrow.arrow.internal.AllocatorTestSupport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.redisarrow.arrow.UnsupportedArrowTypeException;
import io.redisarrow.arrow.internal.consumer.Consumers;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.UnionMode;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The exact bulk strings written for chosen values of every type, extremes included. The
 * floating-point texts expected are those of {@code Double.toString} and {@code Float.toString}
 * on Java 19 and later (shortest, nearest), bar the special values and the one float that has no
 * such text the scan side reads back.
 */
class EncodersUnitTests extends AllocatorTestSupport {

    static final ArrowType INT8 = new ArrowType.Int(8, true);
    static final ArrowType INT16 = new ArrowType.Int(16, true);
    static final ArrowType INT32 = new ArrowType.Int(32, true);
    static final ArrowType INT64 = new ArrowType.Int(64, true);
    static final ArrowType FLOAT32 = new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
    static final ArrowType FLOAT64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    static final ArrowType DATE_DAY = new ArrowType.Date(DateUnit.DAY);
    static final ArrowType DATE_MILLI = new ArrowType.Date(DateUnit.MILLISECOND);


    /** The texts written for the values, each checked to be framed as {@code $<UTF-8 length>\r\n...\r\n}; null for null. */
    List<String> encode(ArrowType type, Object... values) {
        try (FieldVector vector = TestVectors.vector(allocator, type, values)) {
            ValueEncoder encoder = Encoders.create(vector);
            List<String> texts = new ArrayList<>();
            for (int row = 0; row < values.length; row++) {
                if (encoder.isNull(row)) {
                    texts.add(null);
                    continue;
                }
                byte[] bulk = TestVectors.bulk(encoder, row);
                byte[] payload = TestVectors.payload(bulk);
                texts.add(new String(payload, StandardCharsets.UTF_8));
            }
            return texts;
        }
    }

    /** The whole bulk string of one value, header included. */
    String bulk(ArrowType type, Object value) {
        try (FieldVector vector = TestVectors.vector(allocator, type, value)) {
            return new String(TestVectors.bulk(Encoders.create(vector), 0), StandardCharsets.UTF_8);
        }
    }

    @Test
    void bulkStringsAreFramedWithTheByteLength() {
        assertThat(bulk(INT64, Long.MIN_VALUE)).isEqualTo("$20\r\n-9223372036854775808\r\n");
        assertThat(bulk(INT8, 0)).isEqualTo("$1\r\n0\r\n");
        assertThat(bulk(ArrowType.Utf8.INSTANCE, "")).isEqualTo("$0\r\n\r\n");
        assertThat(bulk(ArrowType.Utf8.INSTANCE, "é")).isEqualTo("$2\r\né\r\n");
        assertThat(bulk(ArrowType.Utf8.INSTANCE, "a\r\nb")).isEqualTo("$4\r\na\r\nb\r\n");
        assertThat(bulk(ArrowType.Bool.INSTANCE, true)).isEqualTo("$4\r\ntrue\r\n");
        assertThat(bulk(ArrowType.Bool.INSTANCE, false)).isEqualTo("$5\r\nfalse\r\n");
        assertThat(bulk(FLOAT64, Double.NaN)).isEqualTo("$3\r\nnan\r\n");
        assertThat(bulk(ArrowType.Binary.INSTANCE, "x".repeat(1234).getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("$1234\r\n" + "x".repeat(1234) + "\r\n");
        assertThat(bulk(ArrowType.Binary.INSTANCE, "y".repeat(10).getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("$10\r\nyyyyyyyyyy\r\n");
    }

    @Test
    void integersAreDecimalDigits() {
        assertThat(encode(INT8, Byte.MIN_VALUE, Byte.MAX_VALUE, 0, -1, 10, null))
                .containsExactly("-128", "127", "0", "-1", "10", null);
        assertThat(encode(INT16, Short.MIN_VALUE, Short.MAX_VALUE, -100))
                .containsExactly("-32768", "32767", "-100");
        assertThat(encode(INT32, Integer.MIN_VALUE, Integer.MAX_VALUE, 1_000_000, -9))
                .containsExactly("-2147483648", "2147483647", "1000000", "-9");
        assertThat(encode(INT64, Long.MIN_VALUE, Long.MAX_VALUE, 0L, -10L, 1_000_000_000_000L))
                .containsExactly("-9223372036854775808", "9223372036854775807", "0", "-10", "1000000000000");
    }

    @Test
    void doublesAreTheShortestTextThatReadsBack() {
        assertThat(encode(FLOAT64, 0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY))
                .containsExactly("0.0", "-0.0", "nan", "inf", "-inf");
        assertThat(encode(FLOAT64, Double.MIN_VALUE, 3 * Double.MIN_VALUE, Double.longBitsToDouble(1L << 51),
                Double.longBitsToDouble(0x000F_FFFF_FFFF_FFFFL), Double.MIN_NORMAL, Double.MAX_VALUE))
                .containsExactly("4.9E-324", "1.5E-323", "1.1125369292536007E-308", "2.225073858507201E-308",
                        "2.2250738585072014E-308", "1.7976931348623157E308");
        // Java 17 writes 9.999999999999999E22, 1.9999999999999998E23, 6.913699999999999E20 and 5.6170094366736568E16
        assertThat(encode(FLOAT64, 1e23, 2e23, 6.9137E20, 5.617009436673657E16, 1e22, 9007199254740993.0))
                .containsExactly("1.0E23", "2.0E23", "6.9137E20", "5.617009436673657E16", "1.0E22", "9.007199254740992E15");
        assertThat(encode(FLOAT64, 0.1, 0.1 + 0.2, 1.0 / 3, Math.PI, -1.5, 123.0, 100.0, -2.5e-300))
                .containsExactly("0.1", "0.30000000000000004", "0.3333333333333333", "3.141592653589793", "-1.5",
                        "123.0", "100.0", "-2.5E-300");
        // the switch between plain and exponent forms, at 10^-3 and 10^7
        assertThat(encode(FLOAT64, 0.001, Math.nextDown(0.001), 9.999E-4, 1e-5, 9999999.0, 1e7, 12345678.0))
                .containsExactly("0.001", "9.999999999999998E-4", "9.999E-4", "1.0E-5", "9999999.0", "1.0E7",
                        "1.2345678E7");
    }

    @Test
    void floatsAreTheShortestTextThatReadsBackThroughADouble() {
        assertThat(encode(FLOAT32, 0.0f, -0.0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY))
                .containsExactly("0.0", "-0.0", "nan", "inf", "-inf");
        assertThat(encode(FLOAT32, Float.MIN_VALUE, Float.intBitsToFloat(0x0040_0000), Float.MIN_NORMAL, Float.MAX_VALUE))
                .containsExactly("1.4E-45", "5.877472E-39", "1.1754944E-38", "3.4028235E38");
        assertThat(encode(FLOAT32, 0.1f, 1.0f / 3, 3.1415927f, 1e10f, 16777216f, 3.4e38f, 1e-10f, -2.5f))
                .containsExactly("0.1", "0.33333334", "3.1415927", "1.0E10", "1.6777216E7", "3.4E38", "1.0E-10", "-2.5");
        // Java 17 writes 4.18937487E18, 1.13132703E18 and -2.19360192E8
        assertThat(encode(FLOAT32, 4.189375E18f, 1.131327E18f, -2.193602E8f))
                .containsExactly("4.189375E18", "1.131327E18", "-2.193602E8");
    }

    @Test
    void aFloatWhoseShortestTextRoundsToAnotherFloatThroughADoubleGetsALongerOne() {
        float value = Float.intBitsToFloat(0x15ae_43fd);
        String shortest = Float.toString(value);
        assertThat(shortest).isEqualTo("7.038531E-26");
        assertThat(Float.parseFloat(shortest)).isEqualTo(value);
        assertThat((float) Double.parseDouble(shortest)).as("the scan side's double rounding").isNotEqualTo(value);

        assertThat(encode(FLOAT32, value)).containsExactly("7.0385307E-26");
        assertThat((float) Double.parseDouble("7.0385307E-26")).isEqualTo(value);
    }

    @Test
    void decimalsArePlainDigitsAtTheColumnsScale() {
        assertThat(encode(new ArrowType.Decimal(10, 2, 128), new BigDecimal("123.45"), new BigDecimal("-0.10"),
                new BigDecimal("0.00"), new BigDecimal("0.05"), new BigDecimal("-12345678.90"), new BigDecimal("1.00")))
                .containsExactly("123.45", "-0.10", "0.00", "0.05", "-12345678.90", "1.00");
        assertThat(encode(new ArrowType.Decimal(10, 0, 128), BigDecimal.ZERO, new BigDecimal("-123"),
                new BigDecimal("9999999999")))
                .containsExactly("0", "-123", "9999999999");
        BigInteger nines = BigInteger.TEN.pow(38).subtract(BigInteger.ONE);
        assertThat(encode(new ArrowType.Decimal(38, 10, 128), new BigDecimal("1234567890123456789012345678.9012345678"),
                new BigDecimal("-0.0000000001"), new BigDecimal(nines, 10), new BigDecimal(nines.negate(), 10),
                new BigDecimal("1E-10").setScale(10)))
                .containsExactly("1234567890123456789012345678.9012345678", "-0.0000000001",
                        "9999999999999999999999999999.9999999999", "-9999999999999999999999999999.9999999999",
                        "0.0000000001");
        assertThat(encode(new ArrowType.Decimal(38, 0, 128), new BigDecimal(nines), new BigDecimal(nines.negate()),
                new BigDecimal(BigInteger.ONE.shiftLeft(64)), new BigDecimal(BigInteger.ONE.shiftLeft(63).negate()),
                new BigDecimal("1000000000"), new BigDecimal("-1000000000000000000")))
                .containsExactly(nines.toString(), "-" + nines, "18446744073709551616", "-9223372036854775808",
                        "1000000000", "-1000000000000000000");
        assertThat(encode(new ArrowType.Decimal(38, 38, 128), new BigDecimal(nines, 38), new BigDecimal("-0.5").setScale(38)))
                .containsExactly("0." + "9".repeat(38), "-0.5" + "0".repeat(37));
        // a negative scale -2 holds the value over 100
        assertThat(encode(new ArrowType.Decimal(5, -2, 128), new BigDecimal("1.23E+4"), BigDecimal.ZERO.setScale(-2),
                new BigDecimal("-1E+2")))
                .containsExactly("12300", "0", "-100");
    }

    @Test
    void decimalsBeyondEightBytesNeedAllFourLimbs() {
        // magnitudes whose 32-bit limbs are each zero or all ones
        BigInteger limbs = new BigInteger("ffffffff00000000ffffffff", 16);
        BigInteger top = BigInteger.ONE.shiftLeft(126).add(BigInteger.ONE);
        assertThat(encode(new ArrowType.Decimal(38, 0, 128), new BigDecimal(limbs), new BigDecimal(limbs.negate()),
                new BigDecimal(top), new BigDecimal(top.negate())))
                .containsExactly(limbs.toString(), limbs.negate().toString(), top.toString(), top.negate().toString());
    }

    @Test
    void datesAreIsoWithinTheYears0000To9999AndEpochCountsOutside() {
        long first = LocalDate.of(0, 1, 1).toEpochDay();
        long last = LocalDate.of(9999, 12, 31).toEpochDay();
        assertThat(encode(DATE_DAY, 0, -1, LocalDate.of(1969, 7, 20).toEpochDay(), LocalDate.of(2000, 2, 29).toEpochDay(),
                LocalDate.of(1582, 10, 4).toEpochDay(), first, last, first - 1, last + 1, Integer.MIN_VALUE, Integer.MAX_VALUE, null))
                .containsExactly("1970-01-01", "1969-12-31", "1969-07-20", "2000-02-29", "1582-10-04", "0000-01-01",
                        "9999-12-31", "-719529", "2932897", "-2147483648", "2147483647", null);
        long day = 86_400_000L;
        assertThat(encode(DATE_MILLI, 0L, -day, LocalDate.of(2024, 2, 29).toEpochDay() * day, first * day, last * day,
                (last + 1) * day, (first - 1) * day))
                .containsExactly("1970-01-01", "1969-12-31", "2024-02-29", "0000-01-01", "9999-12-31",
                        "253402300800000", "-62167305600000");
        // not midnight, as Arrow does not allow: the day is written, the time of day is lost
        assertThat(encode(DATE_MILLI, day - 1, -1L)).containsExactly("1970-01-01", "1969-12-31");
    }

    @Test
    void everyDayOfFourHundredYearsMatchesJavaTime() {
        long from = LocalDate.of(1899, 12, 1).toEpochDay();
        long to = LocalDate.of(2301, 3, 1).toEpochDay();
        Object[] days = new Object[(int) (to - from)];
        for (int i = 0; i < days.length; i++) {
            days[i] = from + i;
        }
        List<String> texts = encode(DATE_DAY, days);
        for (int i = 0; i < days.length; i++) {
            assertThat(texts.get(i)).isEqualTo(LocalDate.ofEpochDay(from + i).toString());
        }
    }

    @Test
    void timestampsWithoutZoneAreUtcWithTheUnitsFractionDigits() {
        assertThat(encode(new ArrowType.Timestamp(TimeUnit.SECOND, null), 0L, -1L, 1_704_103_200L))
                .containsExactly("1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2024-01-01T10:00:00Z");
        assertThat(encode(new ArrowType.Timestamp(TimeUnit.MILLISECOND, null), 1_704_103_200_123L, -1L, 120L))
                .containsExactly("2024-01-01T10:00:00.123Z", "1969-12-31T23:59:59.999Z", "1970-01-01T00:00:00.120Z");
        assertThat(encode(new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"), 1L, -1L))
                .containsExactly("1970-01-01T00:00:00.000001Z", "1969-12-31T23:59:59.999999Z");
        assertThat(encode(new ArrowType.Timestamp(TimeUnit.NANOSECOND, null), Long.MIN_VALUE, Long.MAX_VALUE, 1L))
                .containsExactly("1677-09-21T00:12:43.145224192Z", "2262-04-11T23:47:16.854775807Z",
                        "1970-01-01T00:00:00.000000001Z");
    }

    @Test
    void timestampsOfZonedColumnsCarryTheOffsetAtThatInstant() {
        long summer = Instant.parse("2024-07-01T10:00:00Z").toEpochMilli();
        long winter = Instant.parse("2024-01-15T10:00:00Z").toEpochMilli();
        long springForward = Instant.parse("2024-03-31T01:00:00Z").toEpochMilli();
        long beforeRailwayTime = Instant.parse("1900-01-01T00:00:00Z").toEpochMilli();
        // the same instants out of order, so the remembered span is left and found again
        assertThat(encode(new ArrowType.Timestamp(TimeUnit.MILLISECOND, "Europe/Paris"), summer, winter,
                springForward - 1, springForward, summer + 1, beforeRailwayTime, winter))
                .containsExactly("2024-07-01T12:00:00.000+02:00", "2024-01-15T11:00:00.000+01:00",
                        "2024-03-31T01:59:59.999+01:00", "2024-03-31T03:00:00.000+02:00", "2024-07-01T12:00:00.001+02:00",
                        // Paris kept local mean time, +00:09:21, until 1911: no offset with seconds reads back
                        "1900-01-01T00:00:00.000Z", "2024-01-15T11:00:00.000+01:00");
        long second = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
        assertThat(encode(new ArrowType.Timestamp(TimeUnit.SECOND, "Asia/Kathmandu"), second))
                .containsExactly("2024-01-01T05:45:00+05:45");
        assertThat(encode(new ArrowType.Timestamp(TimeUnit.SECOND, "America/New_York"), second))
                .containsExactly("2023-12-31T19:00:00-05:00");
        assertThat(encode(new ArrowType.Timestamp(TimeUnit.MICROSECOND, "+05:30"), second * 1_000_000 + 5))
                .containsExactly("2024-01-01T05:30:00.000005+05:30");
        assertThat(encode(new ArrowType.Timestamp(TimeUnit.SECOND, "Europe/London"), second))
                .containsExactly("2024-01-01T00:00:00Z");
    }

    @Test
    void timestampsOutsideTheYears0000To9999AreEpochCounts() {
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long end = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();
        assertThat(encode(new ArrowType.Timestamp(TimeUnit.SECOND, null), first, first - 1, end - 1, end,
                Long.MIN_VALUE, Long.MAX_VALUE))
                .containsExactly("0000-01-01T00:00:00Z", "-62167219201", "9999-12-31T23:59:59Z", "253402300800",
                        "-9223372036854775808", "9223372036854775807");
        assertThat(encode(new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC"), end * 1000 - 1, end * 1000))
                .containsExactly("9999-12-31T23:59:59.999Z", "253402300800000");
        // where the zone's wall clock leaves the range but UTC does not, UTC is written
        assertThat(encode(new ArrowType.Timestamp(TimeUnit.SECOND, "+02:00"), end - 3600, end - 3 * 3600))
                .containsExactly("9999-12-31T23:00:00Z", "9999-12-31T23:00:00+02:00");
        assertThat(encode(new ArrowType.Timestamp(TimeUnit.SECOND, "-01:00"), first + 1800))
                .containsExactly("0000-01-01T00:30:00Z");
    }

    @Test
    void stringsAndBytesAreWrittenAsTheyAre() {
        String unicode = "héllo wörld ✓ 日本語 😀";
        assertThat(encode(ArrowType.Utf8.INSTANCE, "", "plain", unicode, "x".repeat(1000), null, "\u0000"))
                .containsExactly("", "plain", unicode, "x".repeat(1000), null, "\u0000");
        byte[] binary = {0, -1, '\r', '\n', (byte) 0x80, '$'};
        byte[] large = new byte[100_000];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (i * 31);
        }
        try (FieldVector vector = TestVectors.vector(allocator, ArrowType.Binary.INSTANCE, new byte[0], binary, large, binary)) {
            ValueEncoder encoder = Encoders.create(vector);
            assertThat(TestVectors.payload(TestVectors.bulk(encoder, 0))).isEmpty();
            assertThat(TestVectors.payload(TestVectors.bulk(encoder, 1))).isEqualTo(binary);
            assertThat(TestVectors.payload(TestVectors.bulk(encoder, 2))).isEqualTo(large);
            assertThat(TestVectors.payload(TestVectors.bulk(encoder, 3))).isEqualTo(binary);
        }
    }

    @Test
    void bulkStringsAreAppendedAtTheWriterIndex() {
        try (FieldVector vector = TestVectors.vector(allocator, INT32, 7, -42)) {
            ValueEncoder encoder = Encoders.create(vector);
            ByteBuf out = Unpooled.buffer(4);
            try {
                out.writeBytes("*2\r\n".getBytes(StandardCharsets.US_ASCII));
                encoder.writeBulk(0, out);
                encoder.writeBulk(1, out);
                assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("*2\r\n$1\r\n7\r\n$3\r\n-42\r\n");
            } finally {
                out.release();
            }
        }
    }

    @Test
    void aNullCellHasNoBulkString() {
        try (FieldVector vector = TestVectors.vector(allocator, INT64, 1L, null)) {
            ValueEncoder encoder = Encoders.create(vector);
            assertThat(encoder.isNull(0)).isFalse();
            assertThat(encoder.isNull(1)).isTrue();
            ByteBuf out = Unpooled.buffer();
            try {
                assertThatThrownBy(() -> encoder.writeBulk(1, out))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("row 1")
                        .hasMessageContaining("'col'")
                        .hasMessageContaining("null");
                assertThat(out.readableBytes()).isZero();
            } finally {
                out.release();
            }
        }
    }

    @Test
    void theEncoderReadsTheVectorAtEachCall() {
        try (FieldVector vector = TestVectors.vector(allocator, ArrowType.Utf8.INSTANCE, "before")) {
            ValueEncoder encoder = Encoders.create(vector);
            ((org.apache.arrow.vector.VarCharVector) vector).setSafe(0, "a much longer value than before".getBytes(StandardCharsets.UTF_8));
            assertThat(new String(TestVectors.payload(TestVectors.bulk(encoder, 0)), StandardCharsets.UTF_8))
                    .isEqualTo("a much longer value than before");
        }
    }

    static Stream<ArrowType> unsupportedTypes() {
        return Stream.of(new ArrowType.Int(32, false), new ArrowType.FloatingPoint(FloatingPointPrecision.HALF),
                new ArrowType.Decimal(40, 2, 256), new ArrowType.Interval(IntervalUnit.DAY_TIME),
                new ArrowType.Duration(TimeUnit.SECOND), new ArrowType.Time(TimeUnit.MILLISECOND, 32),
                ArrowType.LargeUtf8.INSTANCE, ArrowType.LargeBinary.INSTANCE, new ArrowType.FixedSizeBinary(4),
                ArrowType.Null.INSTANCE, ArrowType.Struct.INSTANCE, ArrowType.List.INSTANCE,
                new ArrowType.Map(false), new ArrowType.Union(UnionMode.Sparse, new int[0]),
                new ArrowType.Timestamp(TimeUnit.SECOND, "Mars/Olympus_Mons"));
    }

    @Test
    void otherTypesAreRefusedNamingTheField() {
        unsupportedTypes().forEach(type -> {
            assertThat(Encoders.supports(type)).as("%s", type).isFalse();
            Field field = new Field("shape", FieldType.nullable(type), List.of());
            assertThatThrownBy(() -> Encoders.checkSupported(field))
                    .as("%s", type)
                    .isInstanceOf(UnsupportedArrowTypeException.class)
                    .hasMessageContaining("'shape'")
                    .hasMessageContaining(Consumers.describe(field))
                    .hasMessageContaining(UnsupportedArrowTypeException.SUPPORTED);
        });
        Field struct = new Field("address", FieldType.nullable(ArrowType.Struct.INSTANCE),
                List.of(Field.nullable("zip", ArrowType.Utf8.INSTANCE)));
        try (StructVector vector = (StructVector) struct.createVector(allocator)) {
            assertThatThrownBy(() -> Encoders.create(vector))
                    .isInstanceOf(UnsupportedArrowTypeException.class)
                    .hasMessageContaining("'address'")
                    .hasMessageContaining("Struct<zip: Utf8>");
        }
    }

    @Test
    void everyTypeWrittenIsOneTheScanSideReads() {
        List<ArrowType> supported = Arrays.asList(INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, ArrowType.Bool.INSTANCE,
                ArrowType.Utf8.INSTANCE, ArrowType.Binary.INSTANCE, DATE_DAY, DATE_MILLI,
                new ArrowType.Decimal(38, 10, 128), new ArrowType.Decimal(5, -2, 128),
                new ArrowType.Timestamp(TimeUnit.SECOND, null), new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC"),
                new ArrowType.Timestamp(TimeUnit.MICROSECOND, "Europe/Paris"),
                new ArrowType.Timestamp(TimeUnit.NANOSECOND, "+05:30"));
        for (ArrowType type : supported) {
            assertThat(Encoders.supports(type)).as("%s", type).isTrue();
            assertThat(Consumers.supports(type)).as("%s", type).isTrue();
            try (FieldVector vector = TestVectors.vector(allocator, type)) {
                assertThat(Encoders.create(vector)).as("%s", type).isNotNull();
            }
        }
        unsupportedTypes().forEach(type -> assertThat(Consumers.supports(type) && !Encoders.supports(type))
                .as("%s is read but not written", type).isFalse());
    }
}
