package io.redisarrow.arrow;

/**
 * What a write does to a key that already exists. Each mode holds per key: a reader sees a key
 * either as it was or as the write left it, TTL included, never in between.
 */
public enum WriteMode {

    /**
     * The key holds exactly the row afterwards, with the write's TTL (none when the write sets
     * none): what it held before, of any type, is gone. Null cells are left out.
     */
    REPLACE,

    /**
     * The row's non-null values are set and everything else the key holds stays; the TTL is set
     * when the write sets one (a null in a TTL column removes it), and kept otherwise. A key of
     * another type is not touched: it fails with {@code WRONGTYPE}; only a string write with a
     * value replaces it, as {@code SET} does (a string has no other values to keep).
     */
    MERGE,

    /**
     * Only keys that did not exist are written (with the write's TTL); a key that existed, of any
     * type, is left as it was and counted as skipped.
     */
    SKIP_EXISTING
}
