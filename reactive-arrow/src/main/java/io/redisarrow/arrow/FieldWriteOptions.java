package io.redisarrow.arrow;

import java.util.Map;
import java.util.Set;

/**
 * The options of writes that turn a row's columns into named values (hash fields, JSON members):
 * the write's shared options, plus the columns left out and the columns written under another
 * name. Immutable.
 */
abstract class FieldWriteOptions extends WriteOptions {

    private final Set<String> excluded;

    private final Map<String, String> renamed;

    FieldWriteOptions(FieldWriteBuilder<?> b) {
        super(b);
        this.excluded = Set.copyOf(b.excluded);
        this.renamed = Map.copyOf(b.renamed);
    }

    /** @return the columns not written */
    public Set<String> excluded() {
        return excluded;
    }

    /** @return column name → the name it is written under */
    public Map<String, String> renamed() {
        return renamed;
    }
}
