package io.redisarrow.arrow.internal.encode;

import io.redisarrow.arrow.internal.AllocatorTestSupport;
import io.redisarrow.arrow.internal.consumer.ColumnConsumer;
import io.redisarrow.arrow.internal.consumer.Consumers;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Writing a column and scanning it back with the same schema gives the same column, minus Redis:
 * seeded random vectors of every supported type (with nulls and extremes) are encoded cell by
 * cell, each RESP bulk string is checked for framing and its payload fed to the scan side's
 * consumer for a fresh vector of the same field, and every cell must come back equal (floats
 * compared by their bits, all NaNs counting as one). Fixed seeds, plus one new seed per run; a
 * failure names its seed.
 */
public class EncodersRoundTripUnitTests extends AllocatorTestSupport {

    static final int ROWS = 1000;

    public static final long RUN_SEED = System.nanoTime();

    static final long[] SEEDS = {1, 2, 3, 20_240_229, RUN_SEED};

    static final long FIRST_DAY = LocalDate.of(0, 1, 1).toEpochDay();

    static final long LAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    static final long SECONDS_PER_DAY = 86_400;


    /** A type and how to draw one of its values (never null: nulls are added around it). */
    public record Column(ArrowType type, Function<Random, Object> values) {

        @Override
        public String toString() {
            return Consumers.describe(type);
        }
    }

    public static List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column(new ArrowType.Int(8, true), r -> (byte) integer(r, Byte.MIN_VALUE, Byte.MAX_VALUE)));
        columns.add(new Column(new ArrowType.Int(16, true), r -> (short) integer(r, Short.MIN_VALUE, Short.MAX_VALUE)));
        columns.add(new Column(new ArrowType.Int(32, true), r -> (int) integer(r, Integer.MIN_VALUE, Integer.MAX_VALUE)));
        columns.add(new Column(new ArrowType.Int(64, true), r -> integer(r, Long.MIN_VALUE, Long.MAX_VALUE)));
        columns.add(new Column(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), EncodersRoundTripUnitTests::aDouble));
        columns.add(new Column(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), EncodersRoundTripUnitTests::aFloat));
        columns.add(new Column(ArrowType.Bool.INSTANCE, Random::nextBoolean));
        for (int[] precisionAndScale : new int[][] {{38, 0}, {38, 10}, {38, 38}, {10, 2}, {5, 5}, {1, 0}, {18, -3}, {20, -10}}) {
            int precision = precisionAndScale[0];
            int scale = precisionAndScale[1];
            columns.add(new Column(new ArrowType.Decimal(precision, scale, 128), r -> decimal(r, precision, scale)));
        }
        columns.add(new Column(new ArrowType.Date(DateUnit.DAY), r -> (int) day(r, Integer.MIN_VALUE, Integer.MAX_VALUE)));
        long millisPerDay = SECONDS_PER_DAY * 1000;
        columns.add(new Column(new ArrowType.Date(DateUnit.MILLISECOND),
                r -> day(r, Long.MIN_VALUE / millisPerDay, Long.MAX_VALUE / millisPerDay) * millisPerDay));
        Object[][] timestamps = {
                {TimeUnit.SECOND, null}, {TimeUnit.SECOND, "Europe/Paris"}, {TimeUnit.SECOND, "+05:30"},
                {TimeUnit.MILLISECOND, "UTC"}, {TimeUnit.MILLISECOND, "America/New_York"}, {TimeUnit.MILLISECOND, "Europe/Paris"},
                {TimeUnit.MICROSECOND, null}, {TimeUnit.MICROSECOND, "Asia/Kathmandu"},
                {TimeUnit.NANOSECOND, null}, {TimeUnit.NANOSECOND, "Australia/Lord_Howe"}, {TimeUnit.NANOSECOND, "-03:30"}};
        for (Object[] unitAndZone : timestamps) {
            TimeUnit unit = (TimeUnit) unitAndZone[0];
            String zone = (String) unitAndZone[1];
            columns.add(new Column(new ArrowType.Timestamp(unit, zone), r -> timestamp(r, unit, zone)));
        }
        columns.add(new Column(ArrowType.Utf8.INSTANCE, EncodersRoundTripUnitTests::text));
        columns.add(new Column(ArrowType.Binary.INSTANCE, EncodersRoundTripUnitTests::bytes));
        return columns;
    }

    static Stream<Arguments> columnsAndSeeds() {
        return columns().stream().flatMap(column -> LongStream.of(SEEDS).mapToObj(seed -> arguments(column, seed)));
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("columnsAndSeeds")
    void everyCellReadsBackEqual(Column column, long seed) {
        Random random = new Random(seed);
        Object[] values = new Object[ROWS];
        for (int row = 0; row < ROWS; row++) {
            values[row] = random.nextInt(10) == 0 ? null : column.values().apply(random);
        }
        Field field = new Field("col", FieldType.nullable(column.type()), null);
        try (FieldVector written = TestVectors.vector(allocator, column.type(), values);
             FieldVector read = field.createVector(allocator)) {
            read.setInitialCapacity(ROWS);
            read.allocateNew();
            ValueEncoder encoder = Encoders.create(written);
            ColumnConsumer consumer = Consumers.create(read);
            String[] texts = new String[ROWS];
            for (int row = 0; row < ROWS; row++) {
                if (encoder.isNull(row)) {
                    consumer.consumeNull(row);
                    continue;
                }
                byte[] payload = TestVectors.payload(TestVectors.bulk(encoder, row));
                texts[row] = TestVectors.printable(payload);
                assertThat(consumer.consume(row, payload, 0, payload.length))
                        .as("seed %d, %s, row %d: %s parses", seed, column, row, texts[row]).isTrue();
            }
            read.setValueCount(ROWS);
            for (int row = 0; row < ROWS; row++) {
                assertThat(comparable(read, row))
                        .as("seed %d, %s, row %d: %s written as %s", seed, column, row, written.getObject(row), texts[row])
                        .isEqualTo(comparable(written, row));
            }
        }
    }

    /** The cell as a value to compare: floats by their bits (one NaN), the rest as Arrow gives them. */
    public static Object comparable(FieldVector vector, int row) {
        if (vector.isNull(row)) {
            return null;
        }
        if (vector instanceof Float8Vector doubles) {
            return Double.doubleToLongBits(doubles.get(row));
        }
        if (vector instanceof Float4Vector floats) {
            return Float.floatToIntBits(floats.get(row));
        }
        return vector.getObject(row);
    }

    static long integer(Random random, long min, long max) {
        return switch (random.nextInt(10)) {
            case 0 -> min;
            case 1 -> max;
            case 2 -> random.nextInt(21) - 10;
            default -> min + (long) (random.nextDouble() * ((double) max - min));
        };
    }

    static double aDouble(Random random) {
        double sign = random.nextBoolean() ? 1 : -1;
        return switch (random.nextInt(8)) {
            case 0 -> Double.longBitsToDouble(random.nextLong());
            case 1 -> sign * Double.longBitsToDouble(random.nextLong() & 0x000F_FFFF_FFFF_FFFFL);
            case 2 -> sign * Double.parseDouble(random.nextInt(1_000_000) + "e" + (random.nextInt(60) - 30));
            case 3 -> (double) oneOf(random, 0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                    Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL, 1e23, 0.1, Math.nextDown(1e-3), 1e7);
            case 4 -> sign * random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
            case 5 -> (double) random.nextLong();
            case 6 -> sign * Math.pow(2, random.nextInt(2098) - 1074);
            default -> sign * Double.parseDouble(random.nextInt(100) + "." + random.nextInt(1000));
        };
    }

    static float aFloat(Random random) {
        float sign = random.nextBoolean() ? 1 : -1;
        return switch (random.nextInt(8)) {
            case 0, 1 -> Float.intBitsToFloat(random.nextInt());
            case 2 -> sign * Float.intBitsToFloat(random.nextInt(0x0080_0000));
            case 3 -> (float) oneOf(random, 0.0f, -0.0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                    Float.MIN_VALUE, Float.MAX_VALUE, Float.MIN_NORMAL, 0.1f, 1e10f, Float.intBitsToFloat(0x15ae_43fd));
            case 4 -> sign * Float.parseFloat(random.nextInt(1_000_000) + "e" + (random.nextInt(60) - 30));
            case 5 -> (float) random.nextInt();
            default -> sign * random.nextFloat() * (float) Math.pow(10, random.nextInt(20) - 10);
        };
    }

    static Object oneOf(Random random, Object... choices) {
        return choices[random.nextInt(choices.length)];
    }

    static BigDecimal decimal(Random random, int precision, int scale) {
        BigInteger limit = BigInteger.TEN.pow(precision);
        BigInteger unscaled = switch (random.nextInt(6)) {
            case 0 -> limit.subtract(BigInteger.ONE);
            case 1 -> BigInteger.valueOf(random.nextInt(3));
            default -> new BigInteger(130, random).mod(BigInteger.TEN.pow(1 + random.nextInt(precision)));
        };
        return new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), scale);
    }

    /** A day: mostly with a four-digit year, else anywhere in [min, max] or at the edges of those years. */
    static long day(Random random, long min, long max) {
        return switch (random.nextInt(5)) {
            case 0 -> min + (long) (random.nextDouble() * ((double) max - min));
            case 1 -> (random.nextBoolean() ? FIRST_DAY : LAST_DAY) + random.nextInt(7) - 3;
            default -> FIRST_DAY + (long) (random.nextDouble() * (LAST_DAY - FIRST_DAY + 1));
        };
    }

    static long timestamp(Random random, TimeUnit unit, String zone) {
        long perSecond = switch (unit) {
            case SECOND -> 1;
            case MILLISECOND -> 1_000;
            case MICROSECOND -> 1_000_000;
            case NANOSECOND -> 1_000_000_000;
        };
        long min = Long.MIN_VALUE / perSecond + 1;
        long max = Long.MAX_VALUE / perSecond - 1;
        long second = switch (random.nextInt(6)) {
            case 0 -> Math.max(min, Math.min(max, FIRST_DAY * SECONDS_PER_DAY + (long) (random.nextDouble()
                    * ((LAST_DAY - FIRST_DAY + 1) * SECONDS_PER_DAY))));
            case 1 -> (random.nextBoolean() ? FIRST_DAY : LAST_DAY + 1) * SECONDS_PER_DAY + random.nextInt(2 * 86_400) - 86_400;
            case 2 -> nearATransition(random, zone);
            default -> Instant.parse("1850-01-01T00:00:00Z").getEpochSecond() + (long) (random.nextDouble() * 300 * 365 * SECONDS_PER_DAY);
        };
        if (random.nextInt(10) == 0) {
            return random.nextLong();
        }
        if (second < min || second > max) {
            return random.nextLong();
        }
        return second * perSecond + (long) (random.nextDouble() * perSecond);
    }

    static long nearATransition(Random random, String zone) {
        long second = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond() + (long) (random.nextDouble() * 200 * 365 * SECONDS_PER_DAY);
        if (zone == null) {
            return second;
        }
        ZoneRules rules = ZoneId.of(zone).getRules();
        ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochSecond(second));
        return next == null ? second : next.toEpochSecond() + random.nextInt(7) - 3;
    }

    static String text(Random random) {
        int length = random.nextInt(20) == 0 ? random.nextInt(2000) : random.nextInt(12);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int codePoint = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x80);
                case 1 -> 0x80 + random.nextInt(0x780);
                case 2 -> 0x800 + random.nextInt(0xD800 - 0x800);
                default -> 0x10000 + random.nextInt(0x10FFFF - 0x10000 + 1);
            };
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    static byte[] bytes(Random random) {
        byte[] bytes = new byte[random.nextInt(20) == 0 ? random.nextInt(5000) : random.nextInt(16)];
        random.nextBytes(bytes);
        return bytes;
    }
}
