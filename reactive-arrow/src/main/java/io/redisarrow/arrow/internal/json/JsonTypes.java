package io.redisarrow.arrow.internal.json;

import io.redisarrow.arrow.UnsupportedArrowTypeException;
import io.redisarrow.arrow.internal.consumer.Consumers;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.List;

/**
 * Which Arrow types JSON values decode into, and how deep and how selected they may be.
 *
 * <table>
 * <caption>JSON value → Arrow type</caption>
 * <tr><th>Arrow type</th><th>Takes</th><th>A mismatch</th></tr>
 * <tr><td>Utf8, Binary</td><td>any value: a string as its (unescaped) text, a number or boolean as
 *     its text, an object or array as its JSON text exactly as received</td><td>a string that is not
 *     valid Unicode (Utf8)</td></tr>
 * <tr><td>Int8/16/32/64, Float32/64, Decimal, Bool, Date, Timestamp</td><td>a number, string or
 *     boolean whose text parses as for a hash field (so {@code 12.345} is exact in Decimal(10, 3),
 *     {@code "42"} is 42 in Int32, {@code "2024-01-02"} is a Date)</td><td>text that does not parse
 *     ({@code 1.5} or a number beyond Int64 in Int64, a number out of an integer type's range); an
 *     object or array</td></tr>
 * <tr><td>Struct</td><td>an object: each child reads the member of its name; other members are
 *     skipped; an absent member is null; of repeated members the first wins</td><td>any value
 *     but an object</td></tr>
 * <tr><td>List</td><td>an array, each element read by the element type</td><td>any value but an
 *     array</td></tr>
 * <tr><td>Map&lt;Utf8, T&gt;</td><td>an object: one entry per member, keyed by its name</td>
 *     <td>any value but an object</td></tr>
 * </table>
 *
 * <p>JSON {@code null} is a null value; into a field declared not nullable it is an error whatever
 * the parse-error policy, and so is an absent member. A mismatch is, under
 * {@link io.redisarrow.arrow.ParseErrorPolicy#NULL}, a null in the innermost slot that cannot hold
 * the value (counted), if that slot is nullable; otherwise an error naming the key, the column, the
 * path of the value in the document, the value and the type.
 *
 * <p>Limits: values nest at most {@link #MAX_DEPTH} levels (a {@code JSON.GET} reply's own
 * wrapping array or object does not count); strings, member names and documents may be as long as
 * a Java array; a number's text may be at most 1000 characters. Past a limit the value is treated
 * like input that is not valid JSON.
 */
public final class JsonTypes {

    /**
     * The deepest a JSON value may nest (arrays and objects inside one another): deeper input is an
     * error ({@code nested deeper than 1000 levels}), never a stack overflow.
     */
    public static final int MAX_DEPTH = 1000;

    /** The Arrow types JSON values can be decoded into, as messages list them. */
    public static final String SUPPORTED = UnsupportedArrowTypeException.SUPPORTED
            + ", and List<T>, Struct<...> and Map<Utf8, T> of these, nested to any depth";

    private JsonTypes() {
    }

    /**
     * @param field a schema field
     * @throws UnsupportedArrowTypeException naming the field (for a nested field its dotted path,
     *         such as {@code address.zip} or {@code tags.item}) when its type, or a nested child's,
     *         cannot be decoded from JSON
     */
    public static void checkSupported(Field field) {
        check(field, field.getName());
    }

    private static void check(Field field, String name) {
        ArrowType type = field.getType();
        List<Field> children = field.getChildren();
        switch (type.getTypeID()) {
            case Struct:
                for (Field child : children) {
                    check(child, name + "." + child.getName());
                }
                return;
            case List:
                if (children.size() != 1) {
                    throw unsupported(name, field);
                }
                check(children.get(0), name + "." + children.get(0).getName());
                return;
            case Map: {
                List<Field> entry = children.size() == 1 ? children.get(0).getChildren() : List.of();
                if (entry.size() != 2 || entry.get(0).getType().getTypeID() != ArrowType.ArrowTypeID.Utf8) {
                    throw unsupported(name, field);
                }
                check(entry.get(1), name + "." + children.get(0).getName() + "." + entry.get(1).getName());
                return;
            }
            default:
                if (!Consumers.supports(type)) {
                    throw unsupported(name, field);
                }
        }
    }

    private static UnsupportedArrowTypeException unsupported(String name, Field field) {
        return new UnsupportedArrowTypeException(name, Consumers.describe(field), "JSON", SUPPORTED);
    }

    /**
     * A definite path selects at most one value: {@code $} followed only by {@code .name},
     * {@code ['name']} / {@code ["name"]} and {@code [n]} segments. Anything else ({@code ..},
     * {@code *}, slices, unions, filters) is indefinite; so is a path that does not start with
     * {@code $} (a legacy path, whose reply is not the array of matches this package reads).
     *
     * @param path a JSONPath as sent to {@code JSON.GET}
     * @return whether it is definite
     */
    public static boolean isDefinitePath(String path) {
        return JsonPathSyntax.isDefinite(path);
    }
}
