package io.redisarrow.arrow;

/**
 * The metadata keys {@link RedisArrow#inferHashSchema(String, int)} and
 * {@link RedisArrow#inferJsonSchema(String, int)} put on every inferred
 * {@link org.apache.arrow.vector.types.pojo.Field}: the evidence its type was chosen on. Values are
 * decimal text. See {@code docs/schema-inference.md}.
 */
public final class InferenceMetadata {

    /**
     * How many values could have held the field: the keys sampled for a top-level field, the
     * objects seen at its parent's place for a member of a JSON object.
     */
    public static final String SAMPLED = "redisarrow.sampled";

    /** How many of those held the field (a JSON member whose value is {@code null} counts). */
    public static final String PRESENT = "redisarrow.present";

    /**
     * The kinds of value seen, with counts, most frequent first, such as
     * {@code integer:950,string:50}. Kinds: {@code integer}, {@code float}, {@code boolean},
     * {@code date}, {@code timestamp}, {@code string}, {@code binary}, and for JSON also
     * {@code object}, {@code array} and {@code null}.
     */
    public static final String TYPES = "redisarrow.types";

    private InferenceMetadata() {
    }
}
