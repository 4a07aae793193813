package io.redisarrow.core;

/**
 * Whether SCAN asks the server for keys of the read's type only ({@code SCAN ... TYPE t}). Keys of
 * other types are skipped whichever is chosen: without the filter, their fetch answers WRONGTYPE
 * (or, for MGET of strings, nil) and they yield no row. The filter costs the server work per scanned key, and the WRONGTYPE
 * replies cost a round trip's share per skipped key, so the best choice depends on how mixed the
 * keyspace under the pattern is.
 */
public enum TypeFilter {

    /**
     * Start without the filter and turn it on for the rest of the scan as soon as a fetch meets a
     * key of another type (for strings: a key MGET answers nil for): a pattern that matches one
     * type only never pays for it.
     */
    AUTO,

    /** Always send {@code TYPE}. */
    ALWAYS,

    /** Never send {@code TYPE}; other types are dropped by their WRONGTYPE replies. */
    NEVER
}
