package io.redisarrow.arrow;

/**
 * What {@link RedisArrow#writeStrings} writes: one string per row, its key from a key column or a
 * template, its value from the {@link #valueColumn() value column} (the text a hash field would
 * hold for the cell; a Binary cell's bytes as they are), under a {@link WriteMode}, with an
 * optional TTL. Immutable; build it with {@link #builder()}.
 *
 * <table>
 *   <caption>What each mode sends per row</caption>
 *   <tr><th>mode</th><th>value</th><th>null value</th></tr>
 *   <tr><td>{@link WriteMode#REPLACE}</td><td>{@code SET k v}, with {@code PX ms} when the row
 *       has a TTL</td><td>{@code DEL k}</td></tr>
 *   <tr><td>{@link WriteMode#MERGE}</td><td>{@code SET k v KEEPTTL} when the write sets no TTL;
 *       {@code SET k v PX ms} with one; {@code SET k v} for a null TTL cell (no expiry)</td>
 *       <td>nothing when the write sets no TTL (counted written); otherwise a script that checks
 *       the key holds a string ({@code GETRANGE}) and then sets its TTL ({@code PEXPIRE}, or
 *       {@code PERSIST} for a null TTL cell)</td></tr>
 *   <tr><td>{@link WriteMode#SKIP_EXISTING}</td><td>{@code SET k v NX}, with {@code PX ms} when
 *       the row has a TTL</td><td>nothing (counted skipped)</td></tr>
 * </table>
 *
 * <p>A string has one value, so {@link WriteMode#MERGE} with a value sets it like
 * {@link WriteMode#REPLACE} does but keeps the key's TTL when the write sets none; {@code SET}
 * replaces a key of any type, so a value is written even over a key of another type. A MERGE row
 * with a null value leaves the value as it is and only sets the TTL: on a key of another type it
 * fails with {@code WRONGTYPE} (nothing changes), on a missing key it changes nothing and is counted
 * written.
 *
 * <p>Batches are applied in input order, whatever {@link #parallel()} says: they are encoded
 * concurrently but sent one after another, so when a key has rows in several batches the last
 * one wins.
 */
public final class StringWrite extends WriteOptions {

    private final String valueColumn;

    private StringWrite(Builder b) {
        super(b);
        this.valueColumn = b.valueColumn;
    }

    /** @return a builder with the defaults of {@link WriteOptionsBuilder}; set its value column */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the column holding each row's value */
    public String valueColumn() {
        return valueColumn;
    }

    /** Builds a {@link StringWrite}. */
    public static final class Builder extends WriteOptionsBuilder<Builder> {

        private String valueColumn;

        private Builder() {
        }

        /**
         * Takes each row's value from a column of any scalar type (required).
         *
         * @param name the column
         * @return this builder
         */
        public Builder valueColumn(String name) {
            this.valueColumn = name(name, "valueColumn");
            return this;
        }

        /**
         * @return the write
         * @throws IllegalStateException when no value column is set
         */
        public StringWrite build() {
            if (valueColumn == null) {
                throw new IllegalStateException("valueColumn is required: name the column holding each key's value");
            }
            return new StringWrite(this);
        }
    }
}
