package io.redisarrow.arrow;

/**
 * What {@link RedisArrow#writeSortedSets} writes: each row adds one member (the text a hash field
 * would hold for the cell of the {@link #memberColumn() member column}; a Binary cell's bytes as
 * they are) with its score (the {@link #scoreColumn() score column}, of an integer, floating-point
 * or decimal type) to the sorted set at its key, under a {@link WriteMode}, with an optional TTL.
 * Immutable; build it with {@link #builder()}.
 *
 * <p>The rows of one key within a batch are written together, as one atomic unit, in the order
 * the keys first appear; a member that appears twice gets the score of its last row. A row whose
 * member is null is skipped (and counted skipped), and a key with no member left gets no command;
 * a row with a member and a null or NaN score is an error naming the row (nothing of the batch is
 * written).
 *
 * <table>
 *   <caption>What each mode sends per key of a batch</caption>
 *   <tr><th>mode</th><th>without TTL</th><th>with TTL</th></tr>
 *   <tr><td>{@link WriteMode#MERGE}</td><td>{@code ZADD} of the score-member pairs (a member
 *       already there gets the new score)</td><td>a script: {@code ZADD}, then {@code PEXPIRE}
 *       (or {@code PERSIST} for a null TTL cell)</td></tr>
 *   <tr><td>{@link WriteMode#REPLACE}</td><td>{@code MULTI}, {@code DEL}, {@code ZADD},
 *       {@code EXEC}</td><td>the same with {@code PEXPIRE} before {@code EXEC}</td></tr>
 *   <tr><td>{@link WriteMode#SKIP_EXISTING}</td><td colspan="2">a script: {@code EXISTS}, then
 *       {@code ZADD} and {@code PEXPIRE} when the key was absent</td></tr>
 * </table>
 *
 * <p>Under {@link WriteMode#REPLACE} the sorted set holds exactly the members of its key's rows in
 * the batch, so the rows of a key must all be in one batch: a later batch's rows for the same key
 * replace the earlier ones. With a TTL column, a key takes the TTL of its last row that has a
 * member.
 *
 * <p>Batches are applied in input order, whatever {@link #parallel()} says: they are encoded
 * concurrently but sent one after another, so the rows of a key spread over several batches reach
 * the server in input order.
 */
public final class SortedSetWrite extends WriteOptions {

    private final String memberColumn;

    private final String scoreColumn;

    private SortedSetWrite(Builder b) {
        super(b);
        this.memberColumn = b.memberColumn;
        this.scoreColumn = b.scoreColumn;
    }

    /** @return a builder with the defaults of {@link WriteOptionsBuilder}; set its member and score columns */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the column holding each row's member */
    public String memberColumn() {
        return memberColumn;
    }

    /** @return the numeric column holding each row's score */
    public String scoreColumn() {
        return scoreColumn;
    }

    /** Builds a {@link SortedSetWrite}. */
    public static final class Builder extends WriteOptionsBuilder<Builder> {

        private String memberColumn;

        private String scoreColumn;

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
         * Takes each row's score from a column of an integer, floating-point or decimal type
         * (required).
         *
         * @param name the column
         * @return this builder
         */
        public Builder scoreColumn(String name) {
            this.scoreColumn = name(name, "scoreColumn");
            return this;
        }

        /**
         * @return the write
         * @throws IllegalStateException when the member or score column is not set
         * @throws IllegalArgumentException when they are the same column
         */
        public SortedSetWrite build() {
            if (memberColumn == null) {
                throw new IllegalStateException("memberColumn is required: name the column holding each row's member");
            }
            if (scoreColumn == null) {
                throw new IllegalStateException("scoreColumn is required: name the column holding each row's score");
            }
            if (memberColumn.equals(scoreColumn)) {
                throw new IllegalArgumentException("memberColumn and scoreColumn are both '" + memberColumn
                        + "'; a member and its score come from two columns");
            }
            return new SortedSetWrite(this);
        }
    }
}
