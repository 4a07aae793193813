package io.redisarrow.cli;

import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;

/**
 * The text of one Arrow value in a CSV cell, both ways. Utf8 as is; integers and floats in Java's
 * notation ({@code NaN}, {@code Infinity}); decimals in plain notation; Bool as {@code true} /
 * {@code false}; Date as {@code 2024-05-17}; Timestamp as ISO-8601, with a trailing {@code Z}
 * (UTC) when the column has a time zone; Binary as Base64; List, Struct and Map as JSON text
 * (export only). A null value is an empty unquoted cell, an empty string an empty quoted one.
 */
final class CellText {

    private CellText() {
    }

    /**
     * @param vector a column
     * @param row a row
     * @return the cell's value: {@code null}, a {@link Number} (printed unquoted) or a String
     */
    static Object read(FieldVector vector, int row) {
        if (vector.isNull(row)) {
            return null;
        }
        ArrowType type = vector.getField().getType();
        return switch (type.getTypeID()) {
            case Int -> ((BaseIntVector) vector).getValueAsLong(row);
            case FloatingPoint -> vector instanceof Float4Vector f ? (Number) f.get(row) : ((Float8Vector) vector).get(row);
            case Decimal -> ((DecimalVector) vector).getObject(row);
            case Bool -> ((BitVector) vector).get(row) == 1 ? "true" : "false";
            case Utf8 -> new String(((VarCharVector) vector).get(row), StandardCharsets.UTF_8);
            case Binary -> Base64.getEncoder().encodeToString(((VarBinaryVector) vector).get(row));
            case Date -> vector instanceof DateDayVector d ? LocalDate.ofEpochDay(d.get(row)).toString()
                    : LocalDate.ofEpochDay(Math.floorDiv(((DateMilliVector) vector).get(row), 86_400_000L)).toString();
            case Timestamp -> timestamp((TimeStampVector) vector, (ArrowType.Timestamp) type, row);
            default -> String.valueOf(vector.getObject(row));
        };
    }

    private static String timestamp(TimeStampVector vector, ArrowType.Timestamp type, int row) {
        long value = vector.get(row);
        Instant instant = switch (type.getUnit()) {
            case SECOND -> Instant.ofEpochSecond(value);
            case MILLISECOND -> Instant.ofEpochMilli(value);
            case MICROSECOND -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1000);
            case NANOSECOND -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
        };
        return type.getTimezone() == null ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString() : instant.toString();
    }

    /**
     * Checks that CSV cells can fill a column of this type.
     *
     * @param type the column's type
     * @return whether {@link #write} takes it
     */
    static boolean writable(ArrowType type) {
        return switch (type.getTypeID()) {
            case Int, FloatingPoint, Decimal, Bool, Utf8, Binary, Date, Timestamp -> true;
            default -> false;
        };
    }

    /**
     * Sets one cell of a column from its text.
     *
     * @param vector the column, allocated
     * @param row the row
     * @param text the cell's text; {@code null} for a null value
     * @throws IllegalArgumentException saying what the text should look like, when it does not parse
     */
    static void write(FieldVector vector, int row, String text) {
        if (text == null) {
            vector.setNull(row);
            return;
        }
        ArrowType type = vector.getField().getType();
        try {
            if (vector instanceof VarCharVector v) {
                v.setSafe(row, text.getBytes(StandardCharsets.UTF_8));
            } else if (vector instanceof VarBinaryVector v) {
                v.setSafe(row, Base64.getDecoder().decode(text.strip()));
            } else if (vector instanceof BigIntVector v) {
                v.setSafe(row, Long.parseLong(text.strip()));
            } else if (vector instanceof IntVector v) {
                v.setSafe(row, Integer.parseInt(text.strip()));
            } else if (vector instanceof SmallIntVector v) {
                v.setSafe(row, Short.parseShort(text.strip()));
            } else if (vector instanceof TinyIntVector v) {
                v.setSafe(row, Byte.parseByte(text.strip()));
            } else if (vector instanceof UInt1Vector v) {
                v.setSafe(row, (int) unsigned(text, 0xFFL));
            } else if (vector instanceof UInt2Vector v) {
                v.setSafe(row, (int) unsigned(text, 0xFFFFL));
            } else if (vector instanceof UInt4Vector v) {
                v.setSafe(row, (int) unsigned(text, 0xFFFF_FFFFL));
            } else if (vector instanceof UInt8Vector v) {
                v.setSafe(row, Long.parseUnsignedLong(text.strip()));
            } else if (vector instanceof Float8Vector v) {
                v.setSafe(row, Double.parseDouble(text.strip()));
            } else if (vector instanceof Float4Vector v) {
                v.setSafe(row, Float.parseFloat(text.strip()));
            } else if (vector instanceof DecimalVector v) {
                v.setSafe(row, new BigDecimal(text.strip()).setScale(v.getScale(), RoundingMode.UNNECESSARY));
            } else if (vector instanceof BitVector v) {
                v.setSafe(row, bool(text) ? 1 : 0);
            } else if (vector instanceof DateDayVector v) {
                v.setSafe(row, (int) LocalDate.parse(text.strip()).toEpochDay());
            } else if (vector instanceof DateMilliVector v) {
                v.setSafe(row, LocalDate.parse(text.strip()).toEpochDay() * 86_400_000L);
            } else if (vector instanceof TimeStampVector v) {
                v.setSafe(row, epoch(text.strip(), (ArrowType.Timestamp) type));
            } else {
                throw new IllegalArgumentException("CSV cannot fill a column of type " + type);
            }
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("cannot read '" + text + "' as " + SchemaText.field(vector.getField())
                    .substring(vector.getName().length() + 1) + " (" + e.getMessage() + ")", e);
        }
    }

    private static long unsigned(String text, long max) {
        long value = Long.parseLong(text.strip());
        if (value < 0 || value > max) {
            throw new NumberFormatException("out of range 0.." + max);
        }
        return value;
    }

    private static boolean bool(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "y", "t" -> true;
            case "false", "0", "no", "n", "f" -> false;
            default -> throw new NumberFormatException("expected true or false");
        };
    }

    private static long epoch(String text, ArrowType.Timestamp type) {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            instant = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
        return switch (type.getUnit()) {
            case SECOND -> instant.getEpochSecond();
            case MILLISECOND -> instant.toEpochMilli();
            case MICROSECOND -> Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
            case NANOSECOND -> Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        };
    }
}
