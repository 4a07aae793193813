package io.redisarrow.arrow;

/**
 * What {@link RedisArrow#writeLists} writes: each row appends one element (the text a hash field
 * would hold for the cell of the {@link #elementColumn() element column}; a Binary cell's bytes as
 * they are) to the list at its key, in row order, under a {@link WriteMode}, with an optional TTL.
 * Immutable; build it with {@link #builder()}.
 *
 * <p>The rows of one key within a batch are written together, as one atomic unit, in the order
 * the keys first appear, their elements in row order ({@code RPUSH}, so they follow what the list
 * already holds under {@link WriteMode#MERGE}); a row whose element is null is skipped (and
 * counted skipped), and a key with no element left gets no command.
 *
 * <table>
 *   <caption>What each mode sends per key of a batch</caption>
 *   <tr><th>mode</th><th>without TTL</th><th>with TTL</th></tr>
 *   <tr><td>{@link WriteMode#MERGE}</td><td>{@code RPUSH} of the elements</td><td>a script:
 *       {@code RPUSH}, then {@code PEXPIRE} (or {@code PERSIST} for a null TTL cell)</td></tr>
 *   <tr><td>{@link WriteMode#REPLACE}</td><td>{@code MULTI}, {@code DEL}, {@code RPUSH},
 *       {@code EXEC}</td><td>the same with {@code PEXPIRE} before {@code EXEC}</td></tr>
 *   <tr><td>{@link WriteMode#SKIP_EXISTING}</td><td colspan="2">a script: {@code EXISTS}, then
 *       {@code RPUSH} and {@code PEXPIRE} when the key was absent</td></tr>
 * </table>
 *
 * <p>Under {@link WriteMode#REPLACE} the list holds exactly the elements of its key's rows in the
 * batch, so the rows of a key must all be in one batch: a later batch's rows for the same key
 * replace the earlier ones. With a TTL column, a key takes the TTL of its last row that has an
 * element.
 *
 * <p>Batches are applied in input order, whatever {@link #parallel()} says: they are encoded
 * concurrently but sent one after another, so the elements of a key spread over several batches
 * are appended in input order.
 */
public final class ListWrite extends WriteOptions {

    private final String elementColumn;

    private ListWrite(Builder b) {
        super(b);
        this.elementColumn = b.elementColumn;
    }

    /** @return a builder with the defaults of {@link WriteOptionsBuilder}; set its element column */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the column holding each row's element */
    public String elementColumn() {
        return elementColumn;
    }

    /** Builds a {@link ListWrite}. */
    public static final class Builder extends WriteOptionsBuilder<Builder> {

        private String elementColumn;

        private Builder() {
        }

        /**
         * Takes each row's element from a column of any scalar type (required).
         *
         * @param name the column
         * @return this builder
         */
        public Builder elementColumn(String name) {
            this.elementColumn = name(name, "elementColumn");
            return this;
        }

        /**
         * @return the write
         * @throws IllegalStateException when no element column is set
         */
        public ListWrite build() {
            if (elementColumn == null) {
                throw new IllegalStateException("elementColumn is required: name the column holding each row's"
                        + " element");
            }
            return new ListWrite(this);
        }
    }
}
