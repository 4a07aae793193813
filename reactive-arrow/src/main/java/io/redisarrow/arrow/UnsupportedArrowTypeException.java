package io.redisarrow.arrow;

/**
 * A schema field whose Arrow type cannot be decoded from Redis values. The message names the field,
 * its type and the supported types.
 */
public final class UnsupportedArrowTypeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The Arrow types values can be decoded into, as the message lists them. */
    public static final String SUPPORTED = "Utf8, Binary, Int8, Int16, Int32, Int64, Float32, Float64, Bool, "
            + "Date(DAY|MILLISECOND), Timestamp(SECOND|MILLISECOND|MICROSECOND|NANOSECOND, with or without zone), "
            + "Decimal(precision <= 38)";

    /**
     * @param field the schema field's name
     * @param type its Arrow type, as text
     */
    public UnsupportedArrowTypeException(String field, String type) {
        this(field, type, "Redis values", SUPPORTED);
    }

    /**
     * @param field the schema field's name (for a nested field, its path, such as {@code address.zip})
     * @param type its Arrow type, as text
     * @param source what values are decoded from, such as {@code JSON}
     * @param supported the Arrow types values can be decoded into from that source, as text
     */
    public UnsupportedArrowTypeException(String field, String type, String source, String supported) {
        super("field '" + field + "' has Arrow type " + type + ", which cannot be decoded from " + source + "; supported: "
                + supported);
    }
}
