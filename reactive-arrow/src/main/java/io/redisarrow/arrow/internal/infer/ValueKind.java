package io.redisarrow.arrow.internal.infer;

/**
 * What one sampled value looks like, as counted in the {@code redisarrow.types} metadata. Scalar
 * kinds carry a value the type rules look at; {@link #OBJECT}, {@link #ARRAY} and {@link #NULL}
 * occur in JSON only.
 */
enum ValueKind {

    /** {@code [+-]digits}, of any length. */
    INTEGER("integer"),

    /** Any other number Float64 parses: a fraction, an exponent, {@code inf} or {@code nan}. */
    FLOAT("float"),

    /** A word Bool parses ({@code true}, {@code no}, {@code t}, ...), not {@code 0} or {@code 1}. */
    BOOLEAN("boolean"),

    /** {@code YYYY-MM-DD} that Date(DAY) parses. */
    DATE("date"),

    /** An ISO-8601 date-time that Timestamp parses. */
    TIMESTAMP("timestamp"),

    /** Any other valid UTF-8 text (a JSON string that is not a date or date-time). */
    STRING("string"),

    /** Bytes that are not valid UTF-8 (hashes only). */
    BINARY("binary"),

    /** A JSON object. */
    OBJECT("object"),

    /** A JSON array. */
    ARRAY("array"),

    /** JSON {@code null}. */
    NULL("null");

    private final String label;

    ValueKind(String label) {
        this.label = label;
    }

    /** @return the name used in the metadata */
    String label() {
        return label;
    }

    /** @return whether the type rules need the value itself, not just its kind */
    boolean typed() {
        return this == INTEGER || this == FLOAT || this == BOOLEAN || this == DATE || this == TIMESTAMP;
    }
}
