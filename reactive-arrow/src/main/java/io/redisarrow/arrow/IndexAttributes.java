package io.redisarrow.arrow;

import io.redisarrow.arrow.internal.consumer.Consumers;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The type mapping of {@link SearchIndex}: which RediSearch attribute type a schema field becomes,
 * and what it reads (the hash field, or the JSONPath of a JSON document's value). The table is in
 * {@link SearchIndex}'s documentation.
 */
final class IndexAttributes {

    /** What an index schema takes, for messages. */
    static final String SUPPORTED = "Utf8 (TAG, TEXT or GEO), Int, Float, Decimal (NUMERIC), Bool, Date, Timestamp (TAG)"
            + " and, on JSON documents, List of these but Bool";

    private IndexAttributes() {
    }

    /**
     * @param field a schema field
     * @param target what the index covers
     * @param path the JSONPath given for the field, or null for its default
     * @return the hash field, or the JSONPath: the given path, else the top-level member of the
     *         field's name ({@code $.name}, or {@code $["name"]} when it is not a plain identifier),
     *         followed by {@code [*]} for a List
     */
    static String identifier(Field field, SearchIndex.Target target, String path) {
        if (target == SearchIndex.Target.HASH) {
            return field.getName();
        }
        if (path != null) {
            return path;
        }
        String member = JsonReads.memberPath(field.getName());
        return isList(field.getType()) ? member + "[*]" : member;
    }

    /**
     * @param field a schema field
     * @param target what the index covers
     * @param text whether the field was named by {@link SearchIndex.Builder#text(String...)}
     * @param geo whether it was named by {@link SearchIndex.Builder#geo(String...)}
     * @return its attribute type
     * @throws IllegalArgumentException naming the field, its type and what to do, when no attribute
     *         type fits
     */
    static String type(Field field, SearchIndex.Target target, boolean text, boolean geo) {
        String name = field.getName();
        String described = Consumers.describe(field);
        if (!isList(field.getType())) {
            return scalar(name, described, field.getType(), target, text, geo);
        }
        if (target == SearchIndex.Target.HASH) {
            throw new IllegalArgumentException("field '" + name + "' is a " + described + ", which a hash field cannot"
                    + " hold: a hash field holds one string; declare the field Utf8 to index its text as a TAG, or"
                    + " index lists in JSON documents (on(Target.JSON))");
        }
        if (field.getChildren().size() != 1) {
            throw new IllegalArgumentException("field '" + name + "' is a List without one element field; give it one");
        }
        ArrowType element = field.getChildren().get(0).getType();
        if (element.getTypeID() == ArrowType.ArrowTypeID.Bool) {
            throw new IllegalArgumentException("field '" + name + "' is a " + described + ": RediSearch does not index"
                    + " arrays of booleans (a document holding one fails to index); store them as strings and declare"
                    + " List<Utf8>, or leave the field out of the index schema");
        }
        if (isList(element) || isNested(element)) {
            throw nested(name, described, target, "[*]");
        }
        return scalar(name, described, element, target, text, geo);
    }

    private static String scalar(String name, String described, ArrowType type, SearchIndex.Target target,
            boolean text, boolean geo) {
        if (type.getTypeID() == ArrowType.ArrowTypeID.Utf8) {
            return text ? IndexAttribute.TEXT : geo ? IndexAttribute.GEO : IndexAttribute.TAG;
        }
        if (text || geo) {
            String kind = text ? "TEXT" : "GEO";
            throw new IllegalArgumentException((text ? "text" : "geo") + "() names field '" + name + "', which is "
                    + described + ": " + kind + " indexes strings" + (geo ? " (\"longitude,latitude\")" : "")
                    + "; declare the field Utf8");
        }
        return switch (type.getTypeID()) {
            case Int, FloatingPoint, Decimal -> IndexAttribute.NUMERIC;
            case Bool, Date, Timestamp -> IndexAttribute.TAG;
            case Struct, Map -> throw nested(name, described, target, "");
            case Binary, LargeBinary, FixedSizeBinary -> throw new IllegalArgumentException("field '" + name + "' is "
                    + described + ", which RediSearch indexes only as a VECTOR, and SearchIndex declares no vectors;"
                    + " leave the field out of the index schema");
            default -> throw new IllegalArgumentException("field '" + name + "' has Arrow type " + described
                    + ", which no RediSearch attribute type fits; an index schema takes " + SUPPORTED);
        };
    }

    private static IllegalArgumentException nested(String name, String described, SearchIndex.Target target,
            String step) {
        if (target == SearchIndex.Target.HASH) {
            return new IllegalArgumentException("field '" + name + "' is a " + described + ", which RediSearch cannot"
                    + " index: a hash field holds one string; declare the field Utf8 to index its text as a TAG,"
                    + " or leave it out of the index schema");
        }
        return new IllegalArgumentException("field '" + name + "' is a " + described + ", which RediSearch cannot index"
                + " as a whole; index the values inside it instead: one field each, of the value's type, with"
                + " path(field, jsonPath), such as path(\"city\", \"" + JsonReads.memberPath(name) + step + ".city\")");
    }

    private static boolean isList(ArrowType type) {
        return type.getTypeID() == ArrowType.ArrowTypeID.List;
    }

    private static boolean isNested(ArrowType type) {
        return type.getTypeID() == ArrowType.ArrowTypeID.Struct || type.getTypeID() == ArrowType.ArrowTypeID.Map;
    }
}
