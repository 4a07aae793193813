package io.redisarrow.arrow;

import io.redisarrow.core.HashValues;
import io.redisarrow.core.ReadRequest;
import org.apache.arrow.vector.types.pojo.Schema;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What {@link RedisArrow#search(SearchQuery)} reads: the documents of a RediSearch index that a
 * query matches, their columns and Arrow types, and how the read is batched. Immutable; build it
 * with {@link #builder()}. The options shared with {@link HashScan} have its defaults.
 *
 * <p>The query runs as {@code FT.AGGREGATE index query LOAD 1 @__key [SORTBY ...] [LIMIT 0 n]
 * [PARAMS ...] DIALECT d TIMEOUT 0 WITHCURSOR COUNT pageSize}; its cursor is read page by page
 * ({@code FT.CURSOR READ}) as the subscriber asks for batches, never with LIMIT offsets. Each
 * batch of matched keys is then fetched like a scan's: HGETALL or HMGET for a hash index,
 * {@code JSON.GET} for a JSON index, plus TTL when asked, pipelined on the read's own connection.
 * So every value is the document's own bytes, parsed by the rules of
 * {@link RedisArrow#scanHashes(HashScan)} and {@link RedisArrow#scanJson(JsonScan)}; RediSearch's
 * own copy (numbers held as doubles) is never read.
 *
 * <p>Without a {@link Builder#schema(Schema) schema}, the columns are typed from the index
 * ({@link RedisArrow#indexSchema(String)}): its attributes, in order. On a JSON index a field reads
 * the value at its {@link Builder#path(String, String) path}, else at the identifier of the index
 * attribute of its name (so {@code $.address.city AS city} fills {@code city}), else the
 * top-level member of its name.
 *
 * <p>Column order in every batch: row index (if asked), key (unless {@link Builder#noKeyColumn()}),
 * TTL (if asked), then the data fields in schema order, or in {@link Builder#returnFields} order.
 */
public final class SearchQuery extends ReadOptions {

    /**
     * Default query dialect: 2, the first to take {@code PARAMS}, and the one this library's
     * {@link Query} renders for.
     */
    public static final int DEFAULT_DIALECT = 2;

    private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z0-9_]+");

    private final String index;

    private final String query;

    private final @Nullable String sortBy;

    private final SortOrder sortOrder;

    private final Map<String, String> params;

    private final int dialect;

    private final @Nullable Duration timeout;

    private final int pageSize;

    private final Duration maxIdle;

    private final boolean verbatim;

    private final Map<String, String> paths;

    private final Set<String> jsonFields;

    private final boolean whileIndexing;

    private SearchQuery(Builder b, ReadRequest read) {
        super(b, read);
        this.index = b.index;
        this.query = b.query;
        this.sortBy = b.sortBy;
        this.sortOrder = b.sortOrder;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(b.params));
        this.dialect = b.dialect;
        this.timeout = b.timeout;
        this.pageSize = b.pageSize > 0 ? b.pageSize
                : (int) Math.min(ReadRequest.MAX_AUTO_COUNT_HINT, (long) read.batchSize() * read.parallel());
        this.maxIdle = b.maxIdle;
        this.verbatim = b.verbatim;
        this.paths = Collections.unmodifiableMap(new LinkedHashMap<>(b.paths));
        this.jsonFields = Collections.unmodifiableSet(new LinkedHashSet<>(b.jsonFields));
        this.whileIndexing = b.whileIndexing;
    }

    /** @return a builder; {@link Builder#index(String)} is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the index name */
    public String index() {
        return index;
    }

    /** @return the query string as sent */
    public String query() {
        return query;
    }

    /** @return the field the results are sorted by, if any */
    public Optional<String> sortBy() {
        return Optional.ofNullable(sortBy);
    }

    /** @return the order of {@link #sortBy()} */
    public SortOrder sortOrder() {
        return sortOrder;
    }

    /** @return the query parameters, by name, as sent */
    public Map<String, String> params() {
        return params;
    }

    /** @return the query dialect */
    public int dialect() {
        return dialect;
    }

    /** @return the longest one cursor page may take, if set (else the command timeout) */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** @return matches per cursor page ({@code COUNT}) */
    public int pageSize() {
        return pageSize;
    }

    /** @return how long the server keeps the cursor idle; zero: the server's default */
    public Duration maxIdle() {
        return maxIdle;
    }

    /** @return whether the query terms are matched without stemming */
    public boolean verbatim() {
        return verbatim;
    }

    /** @return the JSONPath of each column set by {@link Builder#path(String, String)} */
    public Map<String, String> paths() {
        return paths;
    }

    /** @return the hash fields whose values are JSON texts, see {@link Builder#json(String...)} */
    public Set<String> jsonFields() {
        return jsonFields;
    }

    /** @return whether a read may run while the index is still indexing, see {@link Builder#whileIndexing(boolean)} */
    public boolean whileIndexing() {
        return whileIndexing;
    }

    /** @return {@code FT.AGGREGATE}'s arguments after the index, before {@code WITHCURSOR} */
    List<String> arguments() {
        List<String> args = new java.util.ArrayList<>();
        args.add(query);
        if (verbatim) {
            args.add("VERBATIM");
        }
        args.add("LOAD");
        args.add("1");
        args.add("@__key");
        if (sortBy != null) {
            args.add("SORTBY");
            args.add("2");
            args.add("@" + sortBy);
            args.add(sortOrder.name());
            if (limit() != Long.MAX_VALUE) {
                args.add("MAX");
                args.add(Long.toString(Math.max(1, limit())));
            }
        }
        if (limit() != Long.MAX_VALUE) {
            args.add("LIMIT");
            args.add("0");
            args.add(Long.toString(Math.max(1, limit())));
        }
        args.addAll(trailingClauses());
        return args;
    }

    /** @return the clauses after the pipeline, shared with {@link AggregateQuery}: PARAMS, DIALECT */
    List<String> trailingClauses() {
        List<String> args = new java.util.ArrayList<>();
        if (!params.isEmpty()) {
            args.add("PARAMS");
            args.add(Integer.toString(params.size() * 2));
            params.forEach((name, value) -> {
                args.add(name);
                args.add(value);
            });
        }
        args.add("DIALECT");
        args.add(Integer.toString(dialect));
        return args;
    }

    @Override
    public String toString() {
        return "SearchQuery{index='" + index + "', query='" + query + "', sortBy=" + sortBy + " " + sortOrder
                + ", params=" + params.keySet() + ", dialect=" + dialect + ", timeout=" + timeout + ", pageSize="
                + pageSize + ", maxIdle=" + maxIdle + ", verbatim=" + verbatim + ", " + commonOptions() + ", paths="
                + paths + ", json=" + jsonFields + ", whileIndexing=" + whileIndexing + '}';
    }

    /** Builder of {@link SearchQuery}; setters validate eagerly, {@link #build()} checks the whole. */
    public static final class Builder extends ReadOptionsBuilder<Builder> {

        private String index;

        private String query = "*";

        private String sortBy;

        private SortOrder sortOrder = SortOrder.ASC;

        private final Map<String, String> params = new LinkedHashMap<>();

        private int dialect = DEFAULT_DIALECT;

        private Duration timeout;

        private int pageSize;

        private Duration maxIdle = Duration.ZERO;

        private boolean verbatim;

        private final Map<String, String> paths = new LinkedHashMap<>();

        private final Set<String> jsonFields = new LinkedHashSet<>();

        private boolean whileIndexing;

        private Builder() {
        }

        /**
         * Whether to read an index that is still indexing the keys that existed when it was
         * created ({@code FT.INFO}'s {@code indexing}). By default such a read fails at once: while
         * RediSearch's scan re-indexes those keys under new internal ids, a cursor misses some of
         * them (measured on RediSearch 2.6: 1,995 of 2,000 documents). With {@code true} the read
         * returns what the index yields meanwhile. Keys written after the index was created are
         * indexed as they are written either way.
         *
         * @param whileIndexing whether to read anyway
         * @return this builder
         */
        public Builder whileIndexing(boolean whileIndexing) {
            this.whileIndexing = whileIndexing;
            return this;
        }

        /**
         * @param index the RediSearch index to query; required
         * @return this builder
         */
        public Builder index(String index) {
            Objects.requireNonNull(index, "index must not be null");
            if (index.isEmpty()) {
                throw new IllegalArgumentException("index must not be empty");
            }
            this.index = index;
            return this;
        }

        /**
         * @param query a query built with {@link Query}, whose values are escaped; default
         *        {@link Query#all()}
         * @return this builder
         */
        public Builder query(Query query) {
            Objects.requireNonNull(query, "query must not be null");
            return query(query.toString());
        }

        /**
         * @param query a query string as RediSearch reads it, sent as is (escaping values is the
         *        caller's task; prefer {@link #query(Query)} or {@link #param(String, Object)});
         *        default {@code *}
         * @return this builder
         */
        public Builder query(String query) {
            Objects.requireNonNull(query, "query must not be null");
            if (query.isBlank()) {
                throw new IllegalArgumentException("query must not be blank; use \"*\" or Query.all() for every document");
            }
            this.query = query;
            return this;
        }

        /**
         * Reads only these fields, in this column order: {@code HMGET} of these fields on a hash
         * index, {@code JSON.GET} of their paths on a JSON index. The same as
         * {@link #project(String...)}.
         *
         * @param fields names of schema fields (or of the index's attributes, without a schema)
         * @return this builder
         */
        public Builder returnFields(String... fields) {
            return project(fields);
        }

        /**
         * Sorts the matches by a field the index holds ({@code SORTBY}); without it they come in
         * the index's order. A field declared {@code SORTABLE} sorts fastest.
         *
         * @param field an index attribute
         * @param order the order
         * @return this builder
         */
        public Builder sortBy(String field, SortOrder order) {
            Objects.requireNonNull(field, "sortBy field must not be null");
            if (field.isEmpty()) {
                throw new IllegalArgumentException("sortBy field must not be empty");
            }
            this.sortBy = field.startsWith("@") ? field.substring(1) : field;
            this.sortOrder = Objects.requireNonNull(order, "sortBy order must not be null");
            return this;
        }

        /**
         * @param field an index attribute, sorted smallest first
         * @return this builder
         */
        public Builder sortBy(String field) {
            return sortBy(field, SortOrder.ASC);
        }

        /**
         * Sets a query parameter, referred to in the query as {@code $name}; it is sent apart from
         * the query ({@code PARAMS}), so its value is never read as query syntax.
         *
         * @param name letters, digits and {@code _}
         * @param value a String or a Number (sent as its decimal text)
         * @return this builder
         */
        public Builder param(String name, Object value) {
            Objects.requireNonNull(name, "param name must not be null");
            Objects.requireNonNull(value, "param value must not be null");
            if (!PARAM_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("param name must be letters, digits or '_'; got '" + name + "'");
            }
            String text;
            if (value instanceof String s) {
                text = s;
            } else if (value instanceof java.math.BigDecimal d) {
                text = d.toPlainString();
            } else if (value instanceof Double || value instanceof Float) {
                double d = ((Number) value).doubleValue();
                if (Double.isNaN(d)) {
                    throw new IllegalArgumentException("param '" + name + "' must not be NaN");
                }
                text = Double.isInfinite(d) ? (d > 0 ? "+inf" : "-inf")
                        : new java.math.BigDecimal(Double.toString(d)).toPlainString();
            } else if (value instanceof Number n) {
                text = n.toString();
            } else {
                throw new IllegalArgumentException("param '" + name + "' must be a String or a Number, not "
                        + value.getClass().getName());
            }
            params.put(name, text);
            return this;
        }

        /**
         * @param params query parameters by name, as {@link #param(String, Object)} takes them
         * @return this builder
         */
        public Builder params(Map<String, ?> params) {
            Objects.requireNonNull(params, "params must not be null");
            params.forEach(this::param);
            return this;
        }

        /**
         * @param dialect the query dialect, {@code >= 2} (the server's 1 has no parameters and other
         *        escaping rules); see {@link #DEFAULT_DIALECT}
         * @return this builder
         */
        public Builder dialect(int dialect) {
            if (dialect < 2) {
                throw new IllegalArgumentException("dialect must be >= 2; got " + dialect);
            }
            this.dialect = dialect;
            return this;
        }

        /**
         * The longest one cursor page may take to arrive: the first includes the server's work
         * before it (matching, sorting), each later one a {@code FT.CURSOR READ}; a page later than
         * this fails the read with a {@code RedisCommandTimeoutException}. When not set: the
         * connection's command timeout. The server itself is given no time limit
         * ({@code TIMEOUT 0}): RediSearch 2.x counts its TIMEOUT (500 ms by default) from the first
         * page across the cursor's whole life and, when it passes, ends the results as though they
         * were complete, whatever its ON_TIMEOUT policy, so a server-side limit would drop the
         * matches of any read slower than it without a word.
         *
         * @param timeout at least 1 ms
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout must not be null");
            if (timeout.toMillis() < 1) {
                throw new IllegalArgumentException("timeout must be at least 1 ms");
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Matches per cursor page ({@code COUNT}); the keys of a page are fetched in batches of
         * {@code batchSize}. When not set: {@code batchSize x parallel} (at most
         * {@link ReadRequest#MAX_AUTO_COUNT_HINT}), so one cursor read feeds every pipeline.
         *
         * @param pageSize {@code >= 1}
         * @return this builder
         */
        public Builder pageSize(int pageSize) {
            if (pageSize < 1) {
                throw new IllegalArgumentException("pageSize must be >= 1");
            }
            this.pageSize = pageSize;
            return this;
        }

        /**
         * How long the server keeps the cursor between two reads ({@code MAXIDLE}); a subscriber
         * slower than this loses the cursor and the read fails saying so. RediSearch's default,
         * 300 s, is also its maximum.
         *
         * @param maxIdle at least 1 ms
         * @return this builder
         */
        public Builder maxIdle(Duration maxIdle) {
            Objects.requireNonNull(maxIdle, "maxIdle must not be null");
            if (maxIdle.toMillis() < 1) {
                throw new IllegalArgumentException("maxIdle must be at least 1 ms");
            }
            this.maxIdle = maxIdle;
            return this;
        }

        /**
         * @param verbatim whether TEXT terms are matched as written, without stemming ({@code VERBATIM})
         * @return this builder
         */
        public Builder verbatim(boolean verbatim) {
            this.verbatim = verbatim;
            return this;
        }

        /**
         * On a JSON index, makes a column read the value at a JSONPath, as
         * {@link JsonScan.Builder#path(String, String)} does.
         *
         * @param column a schema field
         * @param jsonPath a JSONPath starting with {@code $}
         * @return this builder
         */
        public Builder path(String column, String jsonPath) {
            paths.put(column, JsonReads.checkPath(column, jsonPath));
            return this;
        }

        /**
         * On a hash index, decodes these fields' values as JSON texts, as
         * {@link HashScan.Builder#json(String...)} does.
         *
         * @param fields names of schema fields holding JSON texts
         * @return this builder
         */
        public Builder json(String... fields) {
            HashScan.addJsonFields(jsonFields, fields);
            return this;
        }

        /**
         * @return the query
         * @throws IllegalArgumentException when the index is missing, or (with a schema) a
         *         projected, path or JSON field is not in the schema or column names collide;
         *         without a schema these are checked against the index's schema at subscription
         */
        public SearchQuery build() {
            if (index == null) {
                throw new IllegalArgumentException("index must be set");
            }
            if (schema != null) {
                checkColumns(schema, projection, rowIndexColumn, keyColumn, ttlColumn);
            }
            List<String> columns = schema == null ? (projection == null ? List.of() : projection) : columnNames();
            return new SearchQuery(this, read.values(HashValues.of(columns, projection != null))
                    .withTtl(ttlColumn != null).build());
        }
    }
}
