package io.redisarrow.arrow;

/**
 * What {@link RedisArrow#writeSets} writes: each row adds one member (the text a hash field would
 * hold for the cell of the {@link #memberColumn() member column}; a Binary cell's bytes as they
 * are) to the set at its key, under a {@link WriteMode}, with an optional TTL. Immutable; build it
 * with {@link #builder()}.
 *
 * <p>The rows of one key within a batch are written together, as one atomic unit, in the order
 * the keys first appear; a row whose member is null is skipped (and counted skipped), and a key
 * with no member left gets no command.
 *
 * <table>
 *   <caption>What each mode sends per key of a batch</caption>
 *   <tr><th>mode</th><th>without TTL</th><th>with TTL</th></tr>
 *   <tr><td>{@link WriteMode#MERGE}</td><td>{@code SADD} of the members</td><td>a script:
 *       {@code SADD}, then {@code PEXPIRE} (or {@code PERSIST} for a null TTL cell)</td></tr>
 *   <tr><td>{@link WriteMode#REPLACE}</td><td>{@code MULTI}, {@code DEL}, {@code SADD},
 *       {@code EXEC}</td><td>the same with {@code PEXPIRE} before {@code EXEC}</td></tr>
 *   <tr><td>{@link WriteMode#SKIP_EXISTING}</td><td colspan="2">a script: {@code EXISTS}, then
 *       {@code SADD} and {@code PEXPIRE} when the key was absent</td></tr>
 * </table>
 *
 * <p>Under {@link WriteMode#REPLACE} the set holds exactly the members of its key's rows in the
 * batch, so the rows of a key must all be in one batch: a later batch's rows for the same key
 * replace the earlier ones. With a TTL column, a key takes the TTL of its last row that has a
 * member.
 *
 * <p>Batches are applied in input order, whatever {@link #parallel()} says: they are encoded
 * concurrently but sent one after another, so the rows of a key spread over several batches reach
 * the server in input order.
 */
public final class SetWrite extends WriteOptions {

    private final String memberColumn;

    private SetWrite(Builder b) {
        super(b);
        this.memberColumn = b.memberColumn;
    }

    /** @return a builder with the defaults of {@link WriteOptionsBuilder}; set its member column */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the column holding each row's member */
    public String memberColumn() {
        return memberColumn;
    }

    /** Builds a {@link SetWrite}. */
    public static final class Builder extends WriteOptionsBuilder<Builder> {

        private String memberColumn;

        private Builder() {
        }

        /**
         * Takes each row's member from a column of any scalar type (required).
         *
         * @param name the column
         * @return this builder
         */
        public Builder memberColumn(String name) {
            this.memberColumn = name(name, "memberColumn");
            return this;
        }

        /**
         * @return the write
         * @throws IllegalStateException when no member column is set
         */
        public SetWrite build() {
            if (memberColumn == null) {
                throw new IllegalStateException("memberColumn is required: name the column holding each row's member");
            }
            return new SetWrite(this);
        }
    }
}
