package io.redisarrow.arrow.internal.consumer;

import io.redisarrow.arrow.UnsupportedArrowTypeException;
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
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/**
 * Picks the consumer of a vector by its Arrow type, and checks schemas up front.
 */
public final class Consumers {

    private Consumers() {
    }

    /**
     * @param field a schema field
     * @throws UnsupportedArrowTypeException when no consumer decodes its type
     */
    public static void checkSupported(Field field) {
        if (!supports(field.getType())) {
            throw new UnsupportedArrowTypeException(field.getName(), describe(field.getType()));
        }
    }

    /**
     * @param type an Arrow type
     * @return whether a consumer decodes it
     */
    public static boolean supports(ArrowType type) {
        return switch (type.getTypeID()) {
            case Utf8, Binary, Bool, FloatingPoint -> !(type instanceof ArrowType.FloatingPoint fp)
                    || fp.getPrecision() != org.apache.arrow.vector.types.FloatingPointPrecision.HALF;
            case Int -> ((ArrowType.Int) type).getIsSigned();
            case Date -> true;
            case Timestamp -> validZone(((ArrowType.Timestamp) type).getTimezone());
            case Decimal -> ((ArrowType.Decimal) type).getBitWidth() == 128;
            default -> false;
        };
    }

    /**
     * @param vector an allocated vector of a supported type
     * @return its consumer
     * @throws UnsupportedArrowTypeException when no consumer decodes its type
     */
    public static ColumnConsumer create(FieldVector vector) {
        checkSupported(vector.getField());
        ArrowType type = vector.getField().getType();
        switch (type.getTypeID()) {
            case Utf8:
                return new VarCharConsumer((VarCharVector) vector);
            case Binary:
                return new VarBinaryConsumer((VarBinaryVector) vector);
            case Bool:
                return new BitConsumer((BitVector) vector);
            case Int:
                switch (((ArrowType.Int) type).getBitWidth()) {
                    case 8:
                        return new TinyIntConsumer((TinyIntVector) vector);
                    case 16:
                        return new SmallIntConsumer((SmallIntVector) vector);
                    case 32:
                        return new IntConsumer((IntVector) vector);
                    default:
                        return new BigIntConsumer((BigIntVector) vector);
                }
            case FloatingPoint:
                return ((ArrowType.FloatingPoint) type).getPrecision()
                        == org.apache.arrow.vector.types.FloatingPointPrecision.SINGLE
                                ? new Float4Consumer((Float4Vector) vector)
                                : new Float8Consumer((Float8Vector) vector);
            case Date:
                return vector instanceof DateDayVector day ? new DateDayConsumer(day)
                        : new DateMilliConsumer((DateMilliVector) vector);
            case Timestamp:
                return new TimeStampConsumer((TimeStampVector) vector);
            case Decimal:
                return new DecimalConsumer((DecimalVector) vector);
            default:
                throw new UnsupportedArrowTypeException(vector.getName(), describe(type));
        }
    }

    /**
     * As {@link #describe(ArrowType)}, with nested types spelled out from the field's children:
     * {@code List<Int64>}, {@code Struct<a: Int64, b: Utf8>}, {@code Map<Utf8, Float64>}.
     *
     * @param field a schema field
     * @return its type as a person reads it
     */
    public static String describe(Field field) {
        ArrowType type = field.getType();
        List<Field> children = field.getChildren();
        switch (type.getTypeID()) {
            case List:
            case LargeList:
            case FixedSizeList:
                return children.size() == 1 ? describe(type) + "<" + describe(children.get(0)) + ">" : describe(type);
            case Struct: {
                StringBuilder text = new StringBuilder("Struct<");
                for (int i = 0; i < children.size(); i++) {
                    text.append(i == 0 ? "" : ", ").append(children.get(i).getName()).append(": ")
                            .append(describe(children.get(i)));
                }
                return text.append('>').toString();
            }
            case Map: {
                List<Field> entry = children.size() == 1 ? children.get(0).getChildren() : List.of();
                return entry.size() == 2 ? "Map<" + describe(entry.get(0)) + ", " + describe(entry.get(1)) + ">" : "Map";
            }
            default:
                return describe(type);
        }
    }

    /**
     * @param type an Arrow type
     * @return a short name a person reads, such as {@code Int64}, {@code Timestamp(MILLISECOND, UTC)}
     *         or {@code Decimal(10, 2)}
     */
    public static String describe(ArrowType type) {
        return switch (type.getTypeID()) {
            case Int -> {
                ArrowType.Int integer = (ArrowType.Int) type;
                yield (integer.getIsSigned() ? "Int" : "UInt") + integer.getBitWidth();
            }
            case FloatingPoint -> switch (((ArrowType.FloatingPoint) type).getPrecision()) {
                case HALF -> "Float16";
                case SINGLE -> "Float32";
                case DOUBLE -> "Float64";
            };
            case Bool -> "Bool";
            case Utf8 -> "Utf8";
            case Binary -> "Binary";
            case Date -> "Date(" + ((ArrowType.Date) type).getUnit() + ")";
            case Timestamp -> {
                ArrowType.Timestamp ts = (ArrowType.Timestamp) type;
                yield "Timestamp(" + ts.getUnit() + (ts.getTimezone() == null ? "" : ", " + ts.getTimezone()) + ")";
            }
            case Decimal -> {
                ArrowType.Decimal decimal = (ArrowType.Decimal) type;
                yield "Decimal(" + decimal.getPrecision() + ", " + decimal.getScale()
                        + (decimal.getBitWidth() == 128 ? "" : ", " + decimal.getBitWidth() + " bits") + ")";
            }
            default -> type.getTypeID().name();
        };
    }

    private static boolean validZone(String zone) {
        if (zone == null) {
            return true;
        }
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
