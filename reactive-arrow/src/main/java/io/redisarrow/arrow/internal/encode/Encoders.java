package io.redisarrow.arrow.internal.encode;

import io.redisarrow.arrow.UnsupportedArrowTypeException;
import io.redisarrow.arrow.internal.consumer.Consumers;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Picks the encoder of a vector by its Arrow type, and checks schemas up front.
 *
 * <p>The types encoded are exactly those the scan side decodes ({@link Consumers#supports}): a
 * column is written only in a form that reads back, with the same schema, to the same values.
 *
 * <table>
 *   <caption>What each type is written as</caption>
 *   <tr><th>Arrow type</th><th>text</th></tr>
 *   <tr><td>Int8, Int16, Int32, Int64</td><td>decimal digits: {@code -128}, {@code 0}</td></tr>
 *   <tr><td>Float32, Float64</td><td>the shortest decimal that reads back to the same value:
 *       {@code 0.1}, {@code 1.0E23}, {@code -0.0}, {@code inf}, {@code -inf}, {@code nan}</td></tr>
 *   <tr><td>Decimal</td><td>plain digits at the column's scale: {@code 123.45}, {@code -0.10}</td></tr>
 *   <tr><td>Bool</td><td>{@code true}, {@code false}</td></tr>
 *   <tr><td>Date(DAY), Date(MILLISECOND)</td><td>{@code YYYY-MM-DD}; outside the years 0000 to 9999,
 *       the epoch count (days, or milliseconds)</td></tr>
 *   <tr><td>Timestamp</td><td>ISO-8601 with the unit's fraction digits and {@code Z} or the zone's
 *       offset: {@code 2024-01-01T10:00:00.120Z}; outside the years 0000 to 9999, the epoch count</td></tr>
 *   <tr><td>Utf8, Binary</td><td>the bytes as they are</td></tr>
 * </table>
 *
 * <p>What a vector can hold but no text gives back: a NaN's payload (every NaN reads back as
 * {@link Double#NaN}); a Date(MILLISECOND) that is not midnight UTC, which Arrow does not allow
 * (it reads back as its day's midnight); a Decimal with more digits than the column's precision,
 * or whose plain text passes 64 characters (only under a scale below -25 or above 61), which the
 * scan side refuses; a Utf8 cell that is not valid UTF-8, which the scan side refuses too.
 */
public final class Encoders {

    private Encoders() {
    }

    /**
     * @param field a schema field
     * @throws UnsupportedArrowTypeException when no encoder writes its type; the message names the
     *         field, its type and the supported types
     */
    public static void checkSupported(Field field) {
        if (!supports(field.getType())) {
            throw new UnsupportedArrowTypeException(field.getName(), Consumers.describe(field));
        }
    }

    /**
     * @param type an Arrow type
     * @return whether an encoder writes it (then the scan side reads it back too)
     */
    public static boolean supports(ArrowType type) {
        if (!Consumers.supports(type)) {
            return false;
        }
        return switch (type.getTypeID()) {
            case Int, FloatingPoint, Decimal, Bool, Date, Timestamp, Utf8, Binary -> true;
            default -> false;
        };
    }

    /**
     * @param vector a vector of a supported type (its contents are read at each call of the
     *               encoder, so it may be filled after this)
     * @return its encoder
     * @throws UnsupportedArrowTypeException when no encoder writes its type
     */
    public static ValueEncoder create(FieldVector vector) {
        checkSupported(vector.getField());
        ArrowType type = vector.getField().getType();
        return switch (type.getTypeID()) {
            case Int -> new IntegerEncoder((BaseIntVector) vector);
            case FloatingPoint -> ((ArrowType.FloatingPoint) type).getPrecision() == FloatingPointPrecision.SINGLE
                    ? new FloatEncoder((Float4Vector) vector, true)
                    : new FloatEncoder((Float8Vector) vector, false);
            case Decimal -> new DecimalEncoder((DecimalVector) vector);
            case Bool -> new BoolEncoder((BitVector) vector);
            case Date -> vector instanceof DateDayVector day ? new DateDayEncoder(day)
                    : new DateMilliEncoder((DateMilliVector) vector);
            case Timestamp -> new TimestampEncoder((TimeStampVector) vector);
            case Utf8, Binary -> new VariableWidthEncoder((BaseVariableWidthVector) vector);
            default -> throw new UnsupportedArrowTypeException(vector.getName(), Consumers.describe(vector.getField()));
        };
    }
}
