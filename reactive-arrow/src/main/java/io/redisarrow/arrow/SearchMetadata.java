package io.redisarrow.arrow;

/**
 * The metadata keys {@link RedisArrow#indexSchema(String)} puts on every field of an index's
 * schema: what {@code FT.INFO} says about the attribute the field stands for. See
 * {@code docs/search-index.md}.
 */
public final class SearchMetadata {

    /**
     * What the attribute reads: the hash field's name for an index on hashes, the JSONPath (such as
     * {@code $.address.city} or {@code $.tags[*]}) for an index on JSON documents.
     */
    public static final String IDENTIFIER = "redisarrow.search.identifier";

    /**
     * The attribute's type as the server names it: {@code TEXT}, {@code TAG}, {@code NUMERIC},
     * {@code GEO}, {@code VECTOR}, or another the server knows.
     */
    public static final String TYPE = "redisarrow.search.type";

    /** Whether the attribute was declared {@code SORTABLE}: {@code true} or {@code false}. */
    public static final String SORTABLE = "redisarrow.search.sortable";

    private SearchMetadata() {
    }
}
