package io.redisarrow.arrow;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The setters of writes that turn a row's columns into named values: every column but the key
 * column and the TTL column is written under its own name, unless excluded or renamed.
 *
 * @param <B> the concrete builder, returned by every setter
 */
abstract class FieldWriteBuilder<B extends FieldWriteBuilder<B>> extends WriteOptionsBuilder<B> {

    final Set<String> excluded = new HashSet<>();

    final Map<String, String> renamed = new HashMap<>();

    FieldWriteBuilder() {
    }

    /**
     * Leaves columns out of what is written (a scan's row-index column, or the columns of a key
     * template). A name no batch has is ignored.
     *
     * @param columns the columns
     * @return this builder
     */
    public B exclude(String... columns) {
        Objects.requireNonNull(columns, "columns must not be null");
        for (String column : columns) {
            excluded.add(name(column, "an excluded column"));
        }
        return self();
    }

    /**
     * Writes a column under another name.
     *
     * @param column the column
     * @param name the field or member name to write it as
     * @return this builder
     * @throws IllegalArgumentException when the column is renamed twice
     */
    public B rename(String column, String name) {
        name(column, "the renamed column");
        name(name, "the new name");
        String earlier = renamed.putIfAbsent(column, name);
        if (earlier != null && !earlier.equals(name)) {
            throw new IllegalArgumentException("column '" + column + "' is renamed twice: to '" + earlier + "' and '"
                    + name + "'");
        }
        return self();
    }
}
