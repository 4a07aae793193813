package io.redisarrow.benchmarks.jmh;

import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

/**
 * One benchmarked Arrow type: its field, a generator of realistic values as Redis would hold them,
 * and the hand-written decoder the library is compared with ({@code new String} of the bytes, the
 * JDK's parser, then {@code set} into the same vector type).
 */
enum DecoderCase {

    INT32(new ArrowType.Int(32, true), "Integer.parseInt") {
        @Override
        String value(Random random) {
            int value = random.nextInt(Integer.MAX_VALUE) >> random.nextInt(31); // 1 to 10 digits
            return Integer.toString(random.nextInt(10) == 0 ? -value : value);
        }

        @Override
        void decodeByHand(FieldVector vector, int row, byte[] data, int offset, int length) {
            ((IntVector) vector).set(row, Integer.parseInt(ascii(data, offset, length)));
        }
    },

    INT64(new ArrowType.Int(64, true), "Long.parseLong") {
        @Override
        String value(Random random) {
            long value = (random.nextLong() >>> 1) >> random.nextInt(63); // 1 to 19 digits
            return Long.toString(random.nextInt(10) == 0 ? -value : value);
        }

        @Override
        void decodeByHand(FieldVector vector, int row, byte[] data, int offset, int length) {
            ((BigIntVector) vector).set(row, Long.parseLong(ascii(data, offset, length)));
        }
    },

    FLOAT64(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), "Double.parseDouble") {
        @Override
        String value(Random random) {
            // half prices with two decimals, half computed scores printed at full precision
            return random.nextBoolean() ? random.nextInt(100_000) + "." + random.nextInt(10) + random.nextInt(10)
                    : Double.toString(random.nextGaussian() * 1000);
        }

        @Override
        void decodeByHand(FieldVector vector, int row, byte[] data, int offset, int length) {
            ((Float8Vector) vector).set(row, Double.parseDouble(ascii(data, offset, length)));
        }
    },

    BOOL(ArrowType.Bool.INSTANCE, "switch on toLowerCase: true/yes/1, false/no/0") {
        private final String[] words = { "yes", "no", "true", "false", "1", "0" };

        @Override
        String value(Random random) {
            return words[random.nextInt(words.length)];
        }

        @Override
        void decodeByHand(FieldVector vector, int row, byte[] data, int offset, int length) {
            String text = ascii(data, offset, length).toLowerCase(Locale.ROOT);
            int bit = switch (text) {
                case "true", "yes", "1", "t", "y" -> 1;
                case "false", "no", "0", "f", "n" -> 0;
                default -> throw new IllegalArgumentException("not a boolean: " + text);
            };
            ((BitVector) vector).set(row, bit);
        }
    },

    DATE_DAY(new ArrowType.Date(DateUnit.DAY), "LocalDate.parse(...).toEpochDay()") {
        @Override
        String value(Random random) {
            return LocalDate.of(2000, 1, 1).plusDays(random.nextInt(30 * 365)).toString();
        }

        @Override
        void decodeByHand(FieldVector vector, int row, byte[] data, int offset, int length) {
            long day = LocalDate.parse(ascii(data, offset, length)).toEpochDay();
            ((DateDayVector) vector).set(row, Math.toIntExact(day));
        }
    },

    TIMESTAMP_MILLI_UTC(new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC"), "Instant.parse(...).toEpochMilli()") {
        private final long from = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();

        private final long to = Instant.parse("2030-01-01T00:00:00Z").toEpochMilli();

        @Override
        String value(Random random) {
            return Instant.ofEpochMilli(from + random.nextLong(to - from)).toString();
        }

        @Override
        void decodeByHand(FieldVector vector, int row, byte[] data, int offset, int length) {
            ((TimeStampMilliTZVector) vector).set(row, Instant.parse(ascii(data, offset, length)).toEpochMilli());
        }
    },

    UTF8(ArrowType.Utf8.INSTANCE, "new String(UTF_8), then setSafe(row, getBytes(UTF_8))") {
        private final String[] first = { "Anna", "José", "Zoë", "Łukasz", "Søren", "Mei", "Olusegun", "Priya" };

        private final String[] last = { "Schmidt", "García", "Nakamura", "Kowalski", "Okafor", "Dubois", "Ødegaard" };

        private final String[] cities = { "Amsterdam", "München", "São Paulo", "Zürich", "Kraków", "Nairobi",
                "東京", "Toronto" };

        @Override
        String value(Random random) {
            String name = first[random.nextInt(first.length)];
            String surname = last[random.nextInt(last.length)];
            return switch (random.nextInt(3)) {
                case 0 -> name + " " + surname;
                case 1 -> name.toLowerCase(Locale.ROOT) + "." + random.nextInt(10_000) + "@example.com";
                default -> cities[random.nextInt(cities.length)];
            };
        }

        @Override
        void decodeByHand(FieldVector vector, int row, byte[] data, int offset, int length) {
            // not US_ASCII: a hand-written decoder of text must keep non-ASCII characters
            String text = new String(data, offset, length, StandardCharsets.UTF_8);
            ((VarCharVector) vector).setSafe(row, text.getBytes(StandardCharsets.UTF_8));
        }
    },

    DECIMAL_12_2(new ArrowType.Decimal(12, 2, 128), "new BigDecimal(...).setScale(2)") {
        @Override
        String value(Random random) {
            long cents = random.nextLong(10_000_000_000L) >> random.nextInt(30); // up to 99,999,999.99
            return BigDecimal.valueOf(random.nextInt(10) == 0 ? -cents : cents, 2).toPlainString();
        }

        @Override
        void decodeByHand(FieldVector vector, int row, byte[] data, int offset, int length) {
            DecimalVector decimals = (DecimalVector) vector;
            decimals.set(row, new BigDecimal(ascii(data, offset, length)).setScale(decimals.getScale()));
        }
    };

    private final ArrowType type;

    private final String baseline;

    DecoderCase(ArrowType type, String baseline) {
        this.type = type;
        this.baseline = baseline;
    }

    /** @return a nullable field of this case's type, named after the case */
    Field field() {
        return new Field(name().toLowerCase(Locale.ROOT), FieldType.nullable(type), null);
    }

    /** @return what the hand-written decoder calls, for the report */
    String baseline() {
        return baseline;
    }

    /** @return one value as Redis would hold it; deterministic for the generator's seed */
    abstract String value(Random random);

    /** Decodes one value the way a hand-written reader would, into slot {@code row} of an allocated vector. */
    abstract void decodeByHand(FieldVector vector, int row, byte[] data, int offset, int length);

    private static String ascii(byte[] data, int offset, int length) {
        return new String(data, offset, length, StandardCharsets.US_ASCII);
    }
}
