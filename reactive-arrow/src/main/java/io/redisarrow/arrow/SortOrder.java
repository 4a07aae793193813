package io.redisarrow.arrow;

/** The order of a {@code SORTBY} in {@link SearchQuery} and {@link AggregateQuery}. */
public enum SortOrder {

    /** Smallest first ({@code ASC}). */
    ASC,

    /** Largest first ({@code DESC}). */
    DESC
}
