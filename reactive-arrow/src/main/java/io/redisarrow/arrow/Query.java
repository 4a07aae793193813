package io.redisarrow.arrow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A RediSearch query (the query argument of {@code FT.SEARCH} and {@code FT.AGGREGATE}), built from
 * conditions on indexed fields and written out by {@link #toString()} for query {@code DIALECT 2},
 * which redis-arrow sends by default. Immutable; two queries are equal when their text is.
 *
 * <pre>{@code
 * Query.tag("city").in("Oslo", "New York")            // @city:{Oslo | New\ York}
 *     .and(Query.numeric("age").between(30, 40))      // (@city:{Oslo | New\ York} @age:[30 40])
 * Query.text("bio").phrase("C-3PO")                    // @bio:"C 3PO"
 * Query.numeric("score").greaterThan(0.5)              // @score:[(0.5 +inf]
 * Query.geo("place").within(10.75, 59.91, 5, Query.GeoUnit.KILOMETERS) // @place:[10.75 59.91 5 km]
 * Query.tag("status").in("gone").not()                 // -(@status:{gone})
 * Query.all()                                          // *
 * Query.raw("@x:{a}")                                  // @x:{a}
 * }</pre>
 *
 * <p><b>Values match themselves.</b> Every field name, TAG value and TEXT word given to a builder is
 * escaped (a backslash before each ASCII character other than a letter or digit; field names keep
 * {@code _}), so RediSearch
 * reads it as that value and never as query syntax, whatever it holds: spaces,
 * {@code - @ { } | \ " ' * $ ( ? _}, non-ASCII letters, emoji. What no query can express is
 * rejected with an {@link IllegalArgumentException}: empty values, ASCII control characters other
 * than whitespace in TAG values and field names, unpaired surrogates, NaN.
 *
 * <p><b>TAG</b> ({@link Tag#in}): a document matches when one of its tags equals one of the values.
 * RediSearch compares tags case-insensitively unless the field is {@code CASESENSITIVE}. In a hash,
 * the field's text is split at the field's {@code SEPARATOR} (default {@code ,}) and each tag is
 * trimmed of leading and trailing ASCII whitespace when indexed, so a value holding the separator
 * or such whitespace matches only tags indexed otherwise (JSON arrays, another separator): it is
 * still looked up exactly, never changed. Tags longer than 4,096 bytes are cut when indexed.
 *
 * <p><b>TEXT</b> ({@link Text}): RediSearch indexes a TEXT field as words: it splits the text at
 * spaces and at ASCII punctuation other than {@code _}, drops control characters, and lower-cases
 * the words. A word, prefix or phrase given here is split the same way, so it matches documents
 * whose text holds the same words: {@code phrase("C-3PO")} is {@code "C 3PO"} and matches a text
 * holding {@code C-3PO}, {@code c 3po} or {@code C.3PO}. {@link Text#word} and {@link Text#prefix}
 * take one word and reject text that splits into more (use {@link Text#phrase} then). Words also
 * match their stemmed forms ({@code running} matches {@code run} and {@code runs}); exact phrases do
 * not. Stopwords of the index (by default {@code a is the an and are as at be but by for if in into
 * it no not of on or such that their then there these they this to was will with}) are not indexed
 * and RediSearch drops them from queries: a stopword word alone matches nothing, and inside
 * {@code and}, {@code or} or {@code not} it is left out as if absent; a phrase drops stopwords from
 * its third word on, but a stopword as its first or second word makes it match nothing. Leave
 * stopwords out of phrases: they take no place between the words around them, so
 * {@code phrase("big cat")} matches {@code big the cat}.
 *
 * <p><b>NUMERIC</b> ({@link Numeric}): RediSearch keeps NUMERIC values as doubles and compares
 * doubles: a long past 2<sup>53</sup>, stored or given as a bound, is rounded to the nearest double
 * ({@code 9007199254740993} compares equal to {@code 9007199254740992}). Bounds are written so the
 * server reads exactly the double given. Documents may hold {@code inf} and {@code -inf}; the open
 * ends of {@code greaterThan} and the like include them.
 *
 * <p><b>Composition</b>: {@link #and(Query)} and {@link #allOf} (intersection), {@link #or(Query)} and
 * {@link #anyOf} (union), {@link #not()} and {@link #not(Query)}
 * (complement among the index's documents) put parentheses around every compound, so the query
 * means what the calls say whatever RediSearch's precedence ({@code a b | c} is {@code (a b) | c},
 * {@code -} takes the next term only). Nested {@code and}s (and {@code or}s) are flattened.
 * {@link #all()} cannot be combined in RediSearch's syntax, so it is simplified away: {@code and}
 * drops it, {@code or} with it is {@code all()}, and {@code all().not()} is rejected, as matching
 * nothing has no query text. A {@link #raw} query is put in parentheses when combined.
 *
 * <p>The text is written for {@code DIALECT 2} ({@code DIALECT 3} reads it the same). Under
 * {@code DIALECT 1} a field's scope runs on over the words after it: {@code (@x:a b)} looks for
 * {@code b} in {@code x} too.
 */
public final class Query {

    private enum Kind { ALL, CONDITION, AND, OR, NOT, RAW }

    private static final Query ALL = new Query(Kind.ALL, "*", List.of());

    private final Kind kind;

    private final String text;

    private final List<Query> operands;

    private Query(Kind kind, String text, List<Query> operands) {
        this.kind = kind;
        this.text = text;
        this.operands = operands;
    }

    private static Query condition(String text) {
        return new Query(Kind.CONDITION, text, List.of());
    }

    /**
     * Every document of the index: {@code *}.
     *
     * @return the query matching every document
     */
    public static Query all() {
        return ALL;
    }

    /**
     * Query text taken as given, without any escaping: writing it correctly is the caller's job.
     * Combined with other queries it is put in parentheses.
     *
     * @param query RediSearch query text, not blank
     * @return the query
     * @throws IllegalArgumentException when {@code query} is blank
     */
    public static Query raw(String query) {
        Objects.requireNonNull(query, "query must not be null");
        if (query.isBlank()) {
            throw new IllegalArgumentException("a raw query must not be blank, but was '" + query + "'");
        }
        return new Query(Kind.RAW, query, List.of());
    }

    /**
     * Conditions on a TAG field.
     *
     * @param field the field's name or alias in the index
     * @return the builder of the field's conditions
     * @throws IllegalArgumentException when the name is empty or holds a control character
     */
    public static Tag tag(String field) {
        return new Tag(field(field));
    }

    /**
     * Conditions on a TEXT field.
     *
     * @param field the field's name or alias in the index
     * @return the builder of the field's conditions
     * @throws IllegalArgumentException when the name is empty or holds a control character
     */
    public static Text text(String field) {
        return new Text(field(field) + ":");
    }

    /**
     * Conditions on the index's TEXT fields, any of them: {@code Query.text().word("oslo")} is
     * {@code oslo}. RediSearch numbers a document's words across its fields, so without a field a
     * phrase may also match its first word at the end of one field and the next at the start of another.
     *
     * @return the builder of conditions on any TEXT field
     */
    public static Text text() {
        return new Text("");
    }

    /**
     * Conditions on a NUMERIC field.
     *
     * @param field the field's name or alias in the index
     * @return the builder of the field's conditions
     * @throws IllegalArgumentException when the name is empty or holds a control character
     */
    public static Numeric numeric(String field) {
        return new Numeric(field(field));
    }

    /**
     * Conditions on a GEO field.
     *
     * @param field the field's name or alias in the index
     * @return the builder of the field's conditions
     * @throws IllegalArgumentException when the name is empty or holds a control character
     */
    public static Geo geo(String field) {
        return new Geo(field(field));
    }

    private static String field(String field) {
        return QueryEscaping.field(Objects.requireNonNull(field, "field must not be null"));
    }

    /**
     * Documents matching every one of the queries: {@code (a b c)}. {@link #all()} among them is left
     * out; one query is returned as is.
     *
     * @param queries one or more queries
     * @return their intersection
     * @throws IllegalArgumentException when no query is given
     */
    public static Query allOf(Query... queries) {
        return combine(Kind.AND, queries);
    }

    /**
     * Documents matching at least one of the queries: {@code (a | b | c)}. With {@link #all()} among
     * them it is {@code all()}; one query is returned as is.
     *
     * @param queries one or more queries
     * @return their union
     * @throws IllegalArgumentException when no query is given
     */
    public static Query anyOf(Query... queries) {
        return combine(Kind.OR, queries);
    }

    /**
     * The index's documents that do not match the query: {@code -(q)}.
     *
     * @param query the query to negate, not {@link #all()}
     * @return its complement
     * @throws IllegalArgumentException when {@code query} is {@code all()}: matching nothing has no query text
     */
    public static Query not(Query query) {
        Objects.requireNonNull(query, "query must not be null");
        if (query.kind == Kind.ALL) {
            throw new IllegalArgumentException(
                    "not(all()) would match no document, which RediSearch has no query for; leave the clause out");
        }
        boolean grouped = query.kind == Kind.AND || query.kind == Kind.OR;
        return new Query(Kind.NOT, "-" + (grouped ? query.text : "(" + query.text + ")"), List.of(query));
    }

    /**
     * @param other another query
     * @return the documents matching this query and {@code other}, as {@link #allOf(Query...)}
     */
    public Query and(Query other) {
        return allOf(this, other);
    }

    /**
     * @param other another query
     * @return the documents matching this query or {@code other}, as {@link #anyOf(Query...)}
     */
    public Query or(Query other) {
        return anyOf(this, other);
    }

    /**
     * @return the documents not matching this query, as {@link #not(Query)}
     * @throws IllegalArgumentException when this is {@link #all()}
     */
    public Query not() {
        return not(this);
    }

    private static Query combine(Kind kind, Query[] queries) {
        String name = kind == Kind.AND ? "and" : "or";
        Objects.requireNonNull(queries, () -> name + "() queries must not be null");
        if (queries.length == 0) {
            throw new IllegalArgumentException(name + "() needs at least one query");
        }
        List<Query> flat = new ArrayList<>();
        for (Query query : queries) {
            Objects.requireNonNull(query, () -> name + "() queries must not be null");
            if (query.kind == Kind.ALL) {
                if (kind == Kind.OR) {
                    return ALL;
                }
            } else if (query.kind == kind) {
                flat.addAll(query.operands);
            } else {
                flat.add(query);
            }
        }
        if (flat.isEmpty()) {
            return ALL;
        }
        if (flat.size() == 1) {
            return flat.get(0);
        }
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < flat.size(); i++) {
            Query operand = flat.get(i);
            text.append(i == 0 ? "" : kind == Kind.AND ? " " : " | ")
                    .append(operand.kind == Kind.RAW ? "(" + operand.text + ")" : operand.text);
        }
        return new Query(kind, text.append(')').toString(), List.copyOf(flat));
    }

    /** @return the RediSearch query text, for {@code DIALECT 2} */
    @Override
    public String toString() {
        return text;
    }

    /** @return whether {@code other} is a query with the same text */
    @Override
    public boolean equals(Object other) {
        return other instanceof Query && ((Query) other).text.equals(text);
    }

    /** @return the hash of the query text */
    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** Conditions on one TAG field, from {@link Query#tag(String)}. */
    public static final class Tag {

        private final String field;

        private Tag(String field) {
            this.field = field;
        }

        /**
         * Documents with at least one of the tags: {@code @f:{v1 | v2}}.
         *
         * @param values one or more tags, each matched exactly (case-insensitively unless the field is
         *        {@code CASESENSITIVE})
         * @return the condition
         * @throws IllegalArgumentException when no value is given, or a value is empty or holds a
         *         control character other than whitespace
         */
        public Query in(String... values) {
            Objects.requireNonNull(values, "tag values must not be null");
            return in(List.of(values));
        }

        /**
         * Documents with at least one of the tags, as {@link #in(String...)}.
         *
         * @param values one or more tags
         * @return the condition
         * @throws IllegalArgumentException when no value is given, or a value is empty or holds a
         *         control character other than whitespace
         */
        public Query in(Collection<String> values) {
            Objects.requireNonNull(values, "tag values must not be null");
            if (values.isEmpty()) {
                throw new IllegalArgumentException("in() needs at least one tag value for " + field);
            }
            StringBuilder text = new StringBuilder(field).append(":{");
            String separator = "";
            for (String value : values) {
                Objects.requireNonNull(value, "tag values must not be null");
                text.append(separator).append(QueryEscaping.value(value, "tag value"));
                separator = " | ";
            }
            return condition(text.append('}').toString());
        }
    }

    /**
     * Conditions on a TEXT field, from {@link Query#text(String)}, or on any TEXT field, from
     * {@link Query#text()}. The given text is split into words as RediSearch indexes TEXT (see
     * {@link Query}); RediSearch lower-cases them.
     */
    public static final class Text {

        private static final String NO_WORD = " holds no word: RediSearch indexes none for spaces,"
                + " ASCII punctuation other than _ and control characters";

        private final String scope;

        private Text(String scope) {
            this.scope = scope;
        }

        /**
         * Documents holding the word or a word of the same stem: {@code @f:word}.
         *
         * @param word one word: text RediSearch does not split (no spaces nor ASCII punctuation but {@code _})
         * @return the condition
         * @throws IllegalArgumentException when {@code word} holds no word or more than one
         */
        public Query word(String word) {
            return condition(scope + QueryEscaping.value(single(word, "word"), "word"));
        }

        /**
         * Documents holding a word that starts with the prefix: {@code @f:pre*}. RediSearch expands
         * the prefix to at most {@code MAXEXPANSIONS} indexed words (200 by default) and ignores
         * prefixes shorter than {@code MINPREFIX} (2 by default), which then match nothing.
         *
         * @param prefix the start of one word, as for {@link #word(String)}
         * @return the condition
         * @throws IllegalArgumentException when {@code prefix} holds no word or more than one
         */
        public Query prefix(String prefix) {
            return condition(scope + QueryEscaping.value(single(prefix, "prefix"), "prefix") + "*");
        }

        /**
         * Documents holding the words next to each other in this order, exactly (no stemming):
         * {@code @f:"w1 w2"}. Each argument may hold several words: {@code phrase("New York")} is
         * {@code phrase("New", "York")}, and {@code phrase("C-3PO")} is {@code phrase("C", "3PO")}.
         *
         * @param words text holding one or more words
         * @return the condition
         * @throws IllegalArgumentException when the text holds no word
         */
        public Query phrase(String... words) {
            Objects.requireNonNull(words, "phrase words must not be null");
            List<String> split = new ArrayList<>();
            List<String> shown = new ArrayList<>();
            for (String text : words) {
                split.addAll(QueryTokens.split(Objects.requireNonNull(text, "phrase words must not be null")));
                shown.add("'" + QueryEscaping.printable(text) + "'");
            }
            if (split.isEmpty()) {
                throw new IllegalArgumentException("phrase " + shown + NO_WORD);
            }
            StringBuilder text = new StringBuilder(scope).append('"');
            for (int i = 0; i < split.size(); i++) {
                text.append(i == 0 ? "" : " ").append(QueryEscaping.value(split.get(i), "phrase word"));
            }
            return condition(text.append('"').toString());
        }

        private static String single(String text, String what) {
            List<String> split = QueryTokens.split(Objects.requireNonNull(text, what + " must not be null"));
            if (split.isEmpty()) {
                throw new IllegalArgumentException(what + " '" + QueryEscaping.printable(text) + "'" + NO_WORD);
            }
            if (split.size() > 1) {
                throw new IllegalArgumentException(what + " '" + QueryEscaping.printable(text) + "' is "
                        + split.size() + " words to RediSearch, " + split + ", as it splits TEXT at spaces and"
                        + " ASCII punctuation other than _; use phrase() for several words");
            }
            return split.get(0);
        }
    }

    /**
     * Conditions on a NUMERIC field, from {@link Query#numeric(String)}. RediSearch compares the
     * bounds as doubles (see {@link Query}); infinite bounds are written {@code -inf} and
     * {@code +inf}, excluded ones {@code (x}.
     */
    public static final class Numeric {

        private final String field;

        private Numeric(String field) {
            this.field = field;
        }

        /**
         * Values from {@code lower} to {@code upper}, both included: {@code @f:[lower upper]}.
         *
         * @param lower the lowest value
         * @param upper the highest value, not below {@code lower}
         * @return the condition
         * @throws IllegalArgumentException when {@code lower > upper}
         */
        public Query between(long lower, long upper) {
            return range(lower, true, upper, true);
        }

        /**
         * Values from {@code lower} to {@code upper}, both included: {@code @f:[lower upper]}.
         *
         * @param lower the lowest value, not NaN
         * @param upper the highest value, not NaN nor below {@code lower}
         * @return the condition
         * @throws IllegalArgumentException when a bound is NaN or {@code lower > upper}
         */
        public Query between(double lower, double upper) {
            return range(lower, true, upper, true);
        }

        /**
         * Values above {@code value}: {@code @f:[(value +inf]}.
         *
         * @param value the excluded lower bound
         * @return the condition
         */
        public Query greaterThan(long value) {
            return render(QueryNumbers.of(value), false, "+inf", true);
        }

        /**
         * Values above {@code value}: {@code @f:[(value +inf]}.
         *
         * @param value the excluded lower bound, not NaN
         * @return the condition
         * @throws IllegalArgumentException when {@code value} is NaN
         */
        public Query greaterThan(double value) {
            return range(value, false, Double.POSITIVE_INFINITY, true);
        }

        /**
         * Values from {@code value} up: {@code @f:[value +inf]}.
         *
         * @param value the included lower bound
         * @return the condition
         */
        public Query atLeast(long value) {
            return render(QueryNumbers.of(value), true, "+inf", true);
        }

        /**
         * Values from {@code value} up: {@code @f:[value +inf]}.
         *
         * @param value the included lower bound, not NaN
         * @return the condition
         * @throws IllegalArgumentException when {@code value} is NaN
         */
        public Query atLeast(double value) {
            return range(value, true, Double.POSITIVE_INFINITY, true);
        }

        /**
         * Values below {@code value}: {@code @f:[-inf (value]}.
         *
         * @param value the excluded upper bound
         * @return the condition
         */
        public Query lessThan(long value) {
            return render("-inf", true, QueryNumbers.of(value), false);
        }

        /**
         * Values below {@code value}: {@code @f:[-inf (value]}.
         *
         * @param value the excluded upper bound, not NaN
         * @return the condition
         * @throws IllegalArgumentException when {@code value} is NaN
         */
        public Query lessThan(double value) {
            return range(Double.NEGATIVE_INFINITY, true, value, false);
        }

        /**
         * Values up to {@code value}: {@code @f:[-inf value]}.
         *
         * @param value the included upper bound
         * @return the condition
         */
        public Query atMost(long value) {
            return render("-inf", true, QueryNumbers.of(value), true);
        }

        /**
         * Values up to {@code value}: {@code @f:[-inf value]}.
         *
         * @param value the included upper bound, not NaN
         * @return the condition
         * @throws IllegalArgumentException when {@code value} is NaN
         */
        public Query atMost(double value) {
            return range(Double.NEGATIVE_INFINITY, true, value, true);
        }

        /**
         * Values equal to {@code value} as doubles: {@code @f:[value value]}.
         *
         * @param value the value
         * @return the condition
         */
        public Query equalTo(long value) {
            return range(value, true, value, true);
        }

        /**
         * Values equal to {@code value}: {@code @f:[value value]}; {@code -0.0} equals {@code 0}, and an
         * infinity matches the documents holding it.
         *
         * @param value the value, not NaN
         * @return the condition
         * @throws IllegalArgumentException when {@code value} is NaN
         */
        public Query equalTo(double value) {
            return range(value, true, value, true);
        }

        /**
         * Values between two bounds, each included or not: {@code range(1, true, 5, false)} is
         * {@code @f:[1 (5]}, the values {@code >= 1} and {@code < 5}.
         *
         * @param lower the lower bound
         * @param lowerIncluded whether {@code lower} itself matches
         * @param upper the upper bound, not below {@code lower}
         * @param upperIncluded whether {@code upper} itself matches
         * @return the condition
         * @throws IllegalArgumentException when {@code lower > upper}
         */
        public Query range(long lower, boolean lowerIncluded, long upper, boolean upperIncluded) {
            if (lower > upper) {
                throw new IllegalArgumentException("the lower bound " + lower + " of " + field
                        + " must not be above its upper bound " + upper);
            }
            return render(QueryNumbers.of(lower), lowerIncluded, QueryNumbers.of(upper), upperIncluded);
        }

        /**
         * Values between two bounds, each included or not: {@code range(0.5, false, +inf, true)} is
         * {@code @f:[(0.5 +inf]}. Bounds may be infinite; an included infinity also matches the
         * documents holding it.
         *
         * @param lower the lower bound, not NaN
         * @param lowerIncluded whether {@code lower} itself matches
         * @param upper the upper bound, not NaN nor below {@code lower}
         * @param upperIncluded whether {@code upper} itself matches
         * @return the condition
         * @throws IllegalArgumentException when a bound is NaN or {@code lower > upper}
         */
        public Query range(double lower, boolean lowerIncluded, double upper, boolean upperIncluded) {
            if (Double.isNaN(lower) || Double.isNaN(upper)) {
                throw new IllegalArgumentException("the bounds of " + field + " must be numbers, but were "
                        + lower + " and " + upper);
            }
            if (lower > upper) {
                throw new IllegalArgumentException("the lower bound " + lower + " of " + field
                        + " must not be above its upper bound " + upper);
            }
            return render(QueryNumbers.of(lower), lowerIncluded, QueryNumbers.of(upper), upperIncluded);
        }

        private Query render(String lower, boolean lowerIncluded, String upper, boolean upperIncluded) {
            return condition(field + ":[" + (lowerIncluded ? "" : "(") + lower + " " + (upperIncluded ? "" : "(")
                    + upper + "]");
        }
    }

    /** Conditions on a GEO field, from {@link Query#geo(String)}. */
    public static final class Geo {

        /** The largest latitude Redis stores a point at, in degrees. */
        static final double MAX_LATITUDE = 85.05112878;

        private final String field;

        private Geo(String field) {
            this.field = field;
        }

        /**
         * Points within {@code radius} of a centre: {@code @f:[longitude latitude radius unit]}.
         *
         * @param longitude the centre's longitude, from -180 to 180 degrees
         * @param latitude the centre's latitude, from -85.05112878 to 85.05112878 degrees (where Redis
         *        stores points)
         * @param radius the distance, above 0 and finite
         * @param unit the unit of {@code radius}
         * @return the condition
         * @throws IllegalArgumentException when a coordinate is out of range or the radius is not above 0
         */
        public Query within(double longitude, double latitude, double radius, GeoUnit unit) {
            Objects.requireNonNull(unit, "unit must not be null");
            if (!(longitude >= -180 && longitude <= 180)) {
                throw new IllegalArgumentException("longitude must be from -180 to 180, but was " + longitude);
            }
            if (!(latitude >= -MAX_LATITUDE && latitude <= MAX_LATITUDE)) {
                throw new IllegalArgumentException("latitude must be from -" + MAX_LATITUDE + " to " + MAX_LATITUDE
                        + ", but was " + latitude);
            }
            if (!(radius > 0 && radius < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("radius must be above 0 and finite, but was " + radius);
            }
            return condition(field + ":[" + QueryNumbers.of(longitude) + " " + QueryNumbers.of(latitude) + " "
                    + QueryNumbers.of(radius) + " " + unit.symbol() + "]");
        }
    }

    /** The unit of a {@link Geo#within} radius. */
    public enum GeoUnit {

        /** Meters, {@code m}. */
        METERS("m"),

        /** Kilometers, {@code km}. */
        KILOMETERS("km"),

        /** Miles, {@code mi}. */
        MILES("mi"),

        /** Feet, {@code ft}. */
        FEET("ft");

        private final String symbol;

        GeoUnit(String symbol) {
            this.symbol = symbol;
        }

        /** @return the unit as RediSearch writes it: {@code m}, {@code km}, {@code mi} or {@code ft} */
        public String symbol() {
            return symbol;
        }
    }
}
