package io.redisarrow.arrow;

/**
 * What {@link RedisArrow#writeJson} writes: one JSON document per row, its key from a key column
 * or a template, its top-level members from the other columns (in column order, each under its
 * column's name or the name it is renamed to), under a {@link WriteMode}, with an optional TTL.
 * Needs the JSON module (RedisJSON 2 or later, or valkey-json). Immutable; build it with
 * {@link #builder()}.
 *
 * <table>
 *   <caption>What each mode sends per key</caption>
 *   <tr><th>mode</th><th>without TTL</th><th>with TTL</th></tr>
 *   <tr><td>{@link WriteMode#REPLACE}</td><td>{@code MULTI}, {@code DEL}, {@code JSON.SET key $ doc},
 *       {@code EXEC}</td><td>the same with {@code PEXPIRE} before {@code EXEC}</td></tr>
 *   <tr><td>{@link WriteMode#MERGE}</td><td colspan="2">a script: creates {@code {}} when the key
 *       is absent and the row has a value, then {@code JSON.SET key $["member"] value} for each non-null cell (the member
 *       replaced whole), then {@code PEXPIRE} (or {@code PERSIST} for a null TTL) when the write
 *       sets TTLs</td></tr>
 *   <tr><td>{@link WriteMode#SKIP_EXISTING}</td><td colspan="2">a script: {@code EXISTS}, then
 *       {@code JSON.SET key $ doc} and {@code PEXPIRE} when the key was absent (a key of any type
 *       is skipped, where {@code JSON.SET ... NX} would fail on a key of another type)</td></tr>
 * </table>
 *
 * <p>Values are written as JSON that a {@link RedisArrow#scanJson(JsonScan)} with the same schema
 * reads back to the same values: integers, floats and Decimals of precision up to 15 as numbers;
 * NaN and the infinities as the strings {@code "nan"}, {@code "inf"} and {@code "-inf"}; wider
 * Decimals as strings of their digits (RedisJSON keeps numbers as 64-bit floats); dates and
 * timestamps as strings of their ISO text; Struct as an object (null children left out), List as
 * an array, {@code Map<Utf8, T>} as an object (null elements and values {@code null}). Binary
 * columns are refused: JSON has no bytes.
 *
 * <p>Null cells: {@link WriteMode#REPLACE} and {@link WriteMode#SKIP_EXISTING} leave the member
 * out of the document; {@link WriteMode#MERGE} leaves the stored member as it is. A row whose
 * cells are all null writes the document {@code {}} under REPLACE and SKIP_EXISTING, and nothing
 * under MERGE but the TTL, when the write sets one (an absent key stays absent). MERGE refuses member names holding {@code /} or {@code ~}, which
 * valkey-json reads in a path as a JSON Pointer.
 */
public final class JsonWrite extends FieldWriteOptions {

    private JsonWrite(Builder b) {
        super(b);
    }

    /** @return a builder with the defaults of {@link WriteOptionsBuilder} */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link JsonWrite}. */
    public static final class Builder extends FieldWriteBuilder<Builder> {

        private Builder() {
        }

        /** @return the write */
        public JsonWrite build() {
            return new JsonWrite(this);
        }
    }
}
