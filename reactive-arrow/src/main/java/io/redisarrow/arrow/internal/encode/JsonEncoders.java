package io.redisarrow.arrow.internal.encode;

import io.redisarrow.arrow.UnsupportedArrowTypeException;
import io.redisarrow.arrow.internal.consumer.Consumers;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes Arrow values as JSON with Jackson's streaming generator, in the forms the JSON decoder
 * ({@code internal.json}, the scan side's {@code scanJson} and hash {@code json} fields) reads
 * back, with the same schema, to the same values.
 *
 * <table>
 *   <caption>What each type is written as</caption>
 *   <tr><th>Arrow type</th><th>JSON</th></tr>
 *   <tr><td>Int8, Int16, Int32, Int64</td><td>a number: {@code -128}</td></tr>
 *   <tr><td>Float32, Float64</td><td>a number, the text a hash field gets ({@code 0.1},
 *       {@code 1.0E23}, {@code -0.0}); NaN and the infinities as the strings {@code "nan"},
 *       {@code "inf"}, {@code "-inf"}</td></tr>
 *   <tr><td>Decimal</td><td>precision up to 15: a number at the column's scale ({@code 123.45});
 *       wider: a string of that text ({@code "12345678901234567.89"}), since RedisJSON holds
 *       numbers as 64-bit floats</td></tr>
 *   <tr><td>Bool</td><td>{@code true}, {@code false}</td></tr>
 *   <tr><td>Date, Timestamp</td><td>a string of the ISO text a hash field gets
 *       ({@code "2024-01-01T10:00:00.120Z"})</td></tr>
 *   <tr><td>Utf8</td><td>a string, escaped from the bytes</td></tr>
 *   <tr><td>Struct</td><td>an object, a member per child in order; null children left out</td></tr>
 *   <tr><td>List</td><td>an array; null elements {@code null}</td></tr>
 *   <tr><td>Map&lt;Utf8, T&gt;</td><td>an object, a member per entry; null values {@code null}</td></tr>
 *   <tr><td>Binary</td><td>refused: JSON has no bytes</td></tr>
 * </table>
 */
public final class JsonEncoders {

    /** The Arrow types written as JSON, as messages list them. */
    public static final String SUPPORTED = "Utf8, Int8, Int16, Int32, Int64, Float32, Float64, Bool, "
            + "Date(DAY|MILLISECOND), Timestamp(SECOND|MILLISECOND|MICROSECOND|NANOSECOND, with or without zone), "
            + "Decimal(precision <= 38), and List<T>, Struct<...> and Map<Utf8, T> of these, nested to any depth "
            + "(not Binary: JSON has no bytes)";

    private JsonEncoders() {
    }

    /**
     * @param field a schema field
     * @throws UnsupportedArrowTypeException naming the field (for a nested field its dotted path,
     *         such as {@code address.zip} or {@code tags.item}) when its type, or a nested child's,
     *         has no JSON form
     */
    public static void checkSupported(Field field) {
        check(field, field.getName(), false);
    }

    /**
     * @param type an Arrow type
     * @return whether it is a Struct, List or Map, written as a JSON text in a hash field
     */
    public static boolean isNested(ArrowType type) {
        return switch (type.getTypeID()) {
            case Struct, List, Map -> true;
            default -> false;
        };
    }

    private static void check(Field field, String name, boolean binaryAsBase64) {
        ArrowType type = field.getType();
        List<Field> children = field.getChildren();
        switch (type.getTypeID()) {
            case Struct -> {
                for (Field child : children) {
                    check(child, name + "." + child.getName(), binaryAsBase64);
                }
            }
            case List -> {
                if (children.size() != 1) {
                    throw unsupported(name, field);
                }
                check(children.get(0), name + "." + children.get(0).getName(), binaryAsBase64);
            }
            case Map -> {
                List<Field> entry = children.size() == 1 ? children.get(0).getChildren() : List.of();
                if (entry.size() != 2 || entry.get(0).getType().getTypeID() != ArrowType.ArrowTypeID.Utf8) {
                    throw unsupported(name, field);
                }
                check(entry.get(1), name + "." + children.get(0).getName() + "." + entry.get(1).getName(),
                        binaryAsBase64);
            }
            case Binary -> {
                if (!binaryAsBase64) {
                    throw unsupported(name, field);
                }
            }
            default -> {
                if (!Encoders.supports(type)) {
                    throw unsupported(name, field);
                }
            }
        }
    }

    private static UnsupportedArrowTypeException unsupported(String name, Field field) {
        return new UnsupportedArrowTypeException(name, Consumers.describe(field), "JSON", SUPPORTED);
    }

    /**
     * @param vector a column of a supported type (see {@link #checkSupported})
     * @return the encoder of its cells as JSON texts: a Struct, List or Map cell as its object or
     *         array, a scalar as its JSON value
     * @throws UnsupportedArrowTypeException when the column's type has no JSON form
     */
    public static ValueEncoder create(FieldVector vector) {
        checkSupported(vector.getField());
        return new JsonCellEncoder(vector, node(vector));
    }

    /**
     * @param columns the columns of a batch, each of a supported type
     * @param names the member name of each column, in the same order
     * @return the encoder of the batch's rows as JSON objects
     * @throws UnsupportedArrowTypeException when a column's type has no JSON form
     */
    public static JsonObjectEncoder objects(List<FieldVector> columns, List<String> names) {
        return encoder(columns, names, false);
    }

    /**
     * The rows of a batch as JSON objects for clients (NDJSON): as {@link #objects}, but every
     * column is a member, a null cell {@code null}, and a Binary cell (at any depth) a base64 string.
     *
     * @param columns the columns of a batch
     * @param names the member name of each column, in the same order
     * @return the encoder of the batch's rows as JSON objects
     * @throws UnsupportedArrowTypeException when a column's type has no JSON form
     */
    public static JsonObjectEncoder rows(List<FieldVector> columns, List<String> names) {
        return encoder(columns, names, true);
    }

    /** @param forClients whether Binary becomes base64 and null cells {@code null} (rows) or are refused and left out (documents) */
    private static JsonObjectEncoder encoder(List<FieldVector> columns, List<String> names, boolean forClients) {
        if (columns.size() != names.size()) {
            throw new IllegalArgumentException("names must hold one name per column (" + columns.size() + "), not "
                    + names.size());
        }
        List<JsonNode> nodes = new ArrayList<>(columns.size());
        List<SerializableString> serialized = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            check(columns.get(i).getField(), columns.get(i).getName(), forClients);
            nodes.add(node(columns.get(i), forClients));
            serialized.add(new SerializedString(names.get(i)));
        }
        return new JsonObjectEncoder(nodes, serialized, forClients);
    }

    /**
     * @param text any text
     * @return it as a JSON string literal, quotes included, escaped as the generator escapes
     *         strings (UTF-8)
     */
    public static byte[] quoted(String text) {
        JsonOutput output = new JsonOutput();
        output.begin();
        output.generator().writeString(text);
        Text quoted = output.end(new Text());
        return Arrays.copyOfRange(quoted.bytes(), quoted.offset(), quoted.offset() + quoted.length());
    }

    private static JsonNode node(FieldVector vector) {
        return node(vector, false);
    }

    /** @param binaryAsBase64 whether Binary cells become base64 strings (rows for clients) or are refused */
    private static JsonNode node(FieldVector vector, boolean binaryAsBase64) {
        return switch (vector.getField().getType().getTypeID()) {
            case Struct -> {
                StructVector struct = (StructVector) vector;
                List<JsonNode> children = new ArrayList<>();
                List<SerializableString> names = new ArrayList<>();
                for (FieldVector child : struct.getChildrenFromFields()) {
                    children.add(node(child, binaryAsBase64));
                    names.add(new SerializedString(child.getName()));
                }
                yield new JsonStruct(struct, children, names);
            }
            case Map -> {
                MapVector map = (MapVector) vector;
                List<FieldVector> entry = ((StructVector) map.getDataVector()).getChildrenFromFields();
                yield new JsonMap(map, (VarCharVector) entry.get(0), node(entry.get(1), binaryAsBase64));
            }
            case List -> {
                ListVector list = (ListVector) vector;
                yield new JsonList(list, node((FieldVector) list.getDataVector(), binaryAsBase64));
            }
            case Binary -> {
                if (!binaryAsBase64) {
                    throw unsupported(vector.getName(), vector.getField());
                }
                yield new JsonBinary((VarBinaryVector) vector);
            }
            default -> new JsonScalar(vector);
        };
    }
}
