package io.redisarrow.arrow;

/** Temporary placeholder until the query builder lands. */
public final class Query {
    private final String text;
    private Query(String text) { this.text = text; }
    public static Query all() { return new Query("*"); }
    public static Query raw(String q) { return new Query(q); }
    @Override public String toString() { return text; }
}
