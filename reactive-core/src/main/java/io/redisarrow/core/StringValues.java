package io.redisarrow.core;

/**
 * What to fetch from each string key (type {@code string}): its whole value, the single value
 * column of its {@link RawBatch} row. Each batch is read with one {@code MGET key...}, which
 * answers nil both for a key that is gone and for a key of another type: either way the key
 * yields no row. Immutable; one shared instance.
 */
public final class StringValues implements ValueRead {

    private static final StringValues WHOLE = new StringValues();

    private StringValues() {
    }

    /** @return the read of each string's whole value */
    public static StringValues of() {
        return WHOLE;
    }

    @Override
    public String keyType() {
        return "string";
    }

    @Override
    public int columnCount() {
        return 1;
    }

    @Override
    public String toString() {
        return "StringValues{}";
    }
}
