package io.redisarrow.arrow;

/**
 * What {@link RedisArrow#writeHashes} writes: one hash per row, its key from a key column or a
 * template, its fields from the other columns (each cell as the text a scan with the same schema
 * reads back to the same value), under a {@link WriteMode}, with an optional TTL. Immutable; build
 * it with {@link #builder()}.
 *
 * <table>
 *   <caption>What each mode sends per key</caption>
 *   <tr><th>mode</th><th>without TTL</th><th>with TTL</th></tr>
 *   <tr><td>{@link WriteMode#MERGE}</td><td>{@code HSET}</td><td>a script: {@code HSET}, then
 *       {@code PEXPIRE} (or {@code PERSIST} for a null TTL)</td></tr>
 *   <tr><td>{@link WriteMode#REPLACE}</td><td>{@code MULTI}, {@code DEL}, {@code HSET},
 *       {@code EXEC}</td><td>the same with {@code PEXPIRE} before {@code EXEC}</td></tr>
 *   <tr><td>{@link WriteMode#SKIP_EXISTING}</td><td colspan="2">a script: {@code EXISTS}, then
 *       {@code HSET} and {@code PEXPIRE} when the key was absent</td></tr>
 * </table>
 *
 * <p>Null cells: {@link WriteMode#REPLACE} leaves the field out; {@link WriteMode#MERGE} leaves the
 * stored field as it is. A row whose cells are all null writes no field: under REPLACE the key is
 * deleted (Redis has no empty hashes), under MERGE the key is left as it is (its TTL still set when
 * the write sets one), under SKIP_EXISTING nothing is created.
 */
public final class HashWrite extends FieldWriteOptions {

    private HashWrite(Builder b) {
        super(b);
    }

    /** @return a builder with the defaults of {@link WriteOptionsBuilder} */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link HashWrite}. */
    public static final class Builder extends FieldWriteBuilder<Builder> {

        private Builder() {
        }

        /** @return the write */
        public HashWrite build() {
            return new HashWrite(this);
        }
    }
}
