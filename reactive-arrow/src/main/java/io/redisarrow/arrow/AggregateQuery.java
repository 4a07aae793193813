package io.redisarrow.arrow;

import io.redisarrow.arrow.internal.consumer.Consumers;
import io.redisarrow.arrow.internal.decode.BatchLayout;
import io.redisarrow.arrow.internal.decode.FieldColumns;
import io.redisarrow.arrow.internal.decode.RawBatchDecoder;
import io.redisarrow.arrow.internal.json.JsonTypes;
import io.redisarrow.core.CursorQuery;
import io.redisarrow.core.ReadRequest;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link RedisArrow#aggregate(AggregateQuery)} reads: an {@code FT.AGGREGATE} pipeline over a
 * RediSearch index (LOAD, GROUPBY with REDUCE, APPLY, FILTER, SORTBY, LIMIT, in the order they are
 * added) whose result rows are typed by a schema: each field takes the value of its name in the
 * row, null when the row has none. Immutable; build it with {@link #builder()}.
 *
 * <pre>{@code
 * AggregateQuery.builder().index("idx").query(Query.all())
 *     .groupBy("city").reduce(Reducer.count().as("n"), Reducer.avg("age").as("avg_age"))
 *     .sortBy("n", SortOrder.DESC).limit(10)
 *     .schema(new Schema(List.of(utf8("city"), int64("n"), float64("avg_age"))))
 *     .build();
 * }</pre>
 *
 * <p>Precision: the values are the text the server sends. Those it computes (SUM, AVG, MIN, MAX,
 * APPLY arithmetic) are doubles printed with 12 significant digits, so a Float64 column holds them
 * rounded to 12 digits; a Decimal column for them is refused, since it would present the rounded
 * text as exact. A number the server cannot print in 12 digits without an exponent fails an Int64
 * column rather than being rounded. Values loaded or grouped as they are stored (TAG and TEXT
 * fields, the documents' own strings) are exact. A List column takes a TOLIST result.
 *
 * <p>Column order in every batch: row index (if asked), then the schema's fields. Rows have no key.
 */
public final class AggregateQuery {

    private final String index;

    private final String query;

    private final List<String> steps;

    private final Schema schema;

    private final int batchSize;

    private final long limit;

    private final @Nullable String rowIndexColumn;

    private final ParseErrorPolicy parseErrorPolicy;

    private final Set<String> listColumns;

    /** The query options shared with a search: parameters, dialect, timeouts, verbatim, indexing. */
    private final SearchQuery options;

    private AggregateQuery(Builder b, Set<String> listColumns) {
        this.index = b.index;
        this.query = b.query;
        this.steps = List.copyOf(b.renderedSteps());
        this.schema = b.schema;
        this.options = b.search.build();
        this.batchSize = b.batchSize;
        this.limit = b.limit;
        this.rowIndexColumn = b.rowIndexColumn;
        this.parseErrorPolicy = b.parseErrorPolicy;
        this.listColumns = listColumns;
    }

    /** @return a builder; {@link Builder#index(String)} and {@link Builder#schema(Schema)} are required */
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

    /** @return the pipeline after the query, as sent (LOAD, GROUPBY, REDUCE, APPLY, FILTER, SORTBY, LIMIT) */
    public List<String> steps() {
        return steps;
    }

    /** @return the result's columns */
    public Schema schema() {
        return schema;
    }

    /** @return the query parameters, by name, as sent */
    public Map<String, String> params() {
        return options.params();
    }

    /** @return the query dialect */
    public int dialect() {
        return options.dialect();
    }

    /** @return the longest one cursor page may take, if set (else the command timeout) */
    public Optional<Duration> timeout() {
        return options.timeout();
    }

    /** @return rows per cursor page and most rows per batch */
    public int batchSize() {
        return batchSize;
    }

    /** @return the most rows ({@link Long#MAX_VALUE}: no limit) */
    public long limit() {
        return limit;
    }

    /** @return the row index column's name, if asked */
    public Optional<String> rowIndexColumn() {
        return Optional.ofNullable(rowIndexColumn);
    }

    /** @return what to do with values that do not parse */
    public ParseErrorPolicy parseErrorPolicy() {
        return parseErrorPolicy;
    }

    /** @return whether the aggregation may run while the index is still indexing */
    public boolean whileIndexing() {
        return options.whileIndexing();
    }

    /** @return the Redis side of the aggregation */
    CursorQuery cursor() {
        List<String> args = new ArrayList<>();
        args.add(query);
        if (options.verbatim()) {
            args.add("VERBATIM");
        }
        args.addAll(steps);
        if (limit != Long.MAX_VALUE) {
            args.add("LIMIT");
            args.add("0");
            args.add(Long.toString(Math.max(1, limit)));
        }
        args.addAll(options.trailingClauses());
        return new CursorQuery(index, args, batchSize, options.maxIdle(), options.timeout().orElse(Duration.ZERO));
    }

    /** @return the names of the result's columns, in order */
    List<String> columns() {
        return schema.getFields().stream().map(Field::getName).toList();
    }

    /** @return the decoder of every batch */
    RawBatchDecoder decoder() {
        BatchLayout layout = new BatchLayout(rowIndexColumn, null, false, null, schema.getFields(), parseErrorPolicy);
        return new RawBatchDecoder(layout, new FieldColumns(schema.getFields(), listColumns));
    }

    @Override
    public String toString() {
        return "AggregateQuery{index='" + index + "', query='" + query + "', steps=" + steps + ", fields="
                + columns() + ", params=" + params().keySet() + ", dialect=" + dialect() + ", timeout=" + timeout().orElse(null)
                + ", batchSize=" + batchSize + ", limit=" + limit + ", rowIndexColumn=" + rowIndexColumn
                + ", onParseError=" + parseErrorPolicy + '}';
    }

    /** Builder of {@link AggregateQuery}; setters validate eagerly, {@link #build()} checks the whole. */
    public static final class Builder {

        private String index;

        private String query = "*";

        /** The pipeline, one step per entry; a GROUPBY step takes the REDUCEs that follow it. */
        private final List<List<String>> steps = new ArrayList<>();

        private boolean grouped;

        private final Set<String> computed = new HashSet<>();

        private final Set<String> lists = new HashSet<>();

        private Schema schema;

        /** Holds the query options shared with {@link SearchQuery} and validates them the same way. */
        private final SearchQuery.Builder search = SearchQuery.builder();

        /** Validates the batch size and the limit as every read does. */
        private final ReadRequest.Builder sizes = ReadRequest.builder();

        private int batchSize = HashScan.DEFAULT_BATCH_SIZE;

        private long limit = Long.MAX_VALUE;

        private String rowIndexColumn;

        private ParseErrorPolicy parseErrorPolicy = HashScan.DEFAULT_PARSE_ERROR_POLICY;

        private Builder() {
        }

        /**
         * @param index the RediSearch index; required
         * @return this builder
         */
        public Builder index(String index) {
            search.index(index);
            this.index = index;
            return this;
        }

        /**
         * @param query the documents to aggregate, built with {@link Query}; default {@link Query#all()}
         * @return this builder
         */
        public Builder query(Query query) {
            Objects.requireNonNull(query, "query must not be null");
            return query(query.toString());
        }

        /**
         * @param query a query string, sent as is; default {@code *}
         * @return this builder
         */
        public Builder query(String query) {
            search.query(query);
            this.query = query;
            return this;
        }

        /**
         * Loads document fields into the rows ({@code LOAD}), for later steps or as columns.
         *
         * @param fields hash fields or index attributes
         * @return this builder
         */
        public Builder load(String... fields) {
            steps.add(withCount("LOAD", properties(fields, "load")));
            return this;
        }

        /**
         * Groups the rows by these properties ({@code GROUPBY}); follow with {@link #reduce}.
         *
         * @param fields the properties, each becoming a column of its name
         * @return this builder
         */
        public Builder groupBy(String... fields) {
            steps.add(withCount("GROUPBY", properties(fields, "groupBy")));
            grouped = true;
            return this;
        }

        /**
         * Adds reducers to the last {@link #groupBy}.
         *
         * @param reducers each named with {@link Reducer#as(String)}
         * @return this builder
         */
        public Builder reduce(Reducer... reducers) {
            Objects.requireNonNull(reducers, "reducers must not be null");
            if (!grouped) {
                throw new IllegalArgumentException("reduce must follow a groupBy");
            }
            List<String> step = steps.get(steps.size() - 1);
            for (Reducer reducer : reducers) {
                Objects.requireNonNull(reducer, "reducers must not contain null");
                step.add("REDUCE");
                step.addAll(reducer.render());
                if (reducer.computed()) {
                    computed.add(reducer.alias());
                }
                if (reducer.list()) {
                    lists.add(reducer.alias());
                }
            }
            return this;
        }

        /**
         * Adds a computed column ({@code APPLY expression AS name}); its numbers are doubles (see the
         * class's note on precision).
         *
         * @param expression a RediSearch expression, such as {@code @price * @quantity}
         * @param name the column's name
         * @return this builder
         */
        public Builder apply(String expression, String name) {
            Objects.requireNonNull(expression, "expression must not be null");
            Objects.requireNonNull(name, "name must not be null");
            if (expression.isBlank() || name.isEmpty()) {
                throw new IllegalArgumentException("apply needs an expression and a name");
            }
            steps.add(new ArrayList<>(List.of("APPLY", expression, "AS", name)));
            computed.add(name);
            grouped = false;
            return this;
        }

        /**
         * Keeps the rows for which a RediSearch expression is true ({@code FILTER}).
         *
         * @param expression such as {@code @n > 10}
         * @return this builder
         */
        public Builder filter(String expression) {
            Objects.requireNonNull(expression, "expression must not be null");
            if (expression.isBlank()) {
                throw new IllegalArgumentException("filter expression must not be blank");
            }
            steps.add(new ArrayList<>(List.of("FILTER", expression)));
            grouped = false;
            return this;
        }

        /**
         * Sorts the rows ({@code SORTBY}); consecutive calls sort by several properties.
         *
         * @param field a property
         * @param order the order
         * @return this builder
         */
        public Builder sortBy(String field, SortOrder order) {
            Objects.requireNonNull(order, "order must not be null");
            List<String> last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
            if (last == null || !last.get(0).equals("SORTBY")) {
                last = new ArrayList<>(List.of("SORTBY", "0"));
                steps.add(last);
            }
            last.add(Reducer.property(field));
            last.add(order.name());
            last.set(1, Integer.toString(last.size() - 2));
            grouped = false;
            return this;
        }

        /**
         * @param field a property, sorted smallest first
         * @return this builder
         */
        public Builder sortBy(String field) {
            return sortBy(field, SortOrder.ASC);
        }

        /**
         * @param schema the result's columns: each field takes the row's value of its name; required
         * @return this builder
         */
        public Builder schema(Schema schema) {
            Objects.requireNonNull(schema, "schema must not be null");
            if (schema.getFields().isEmpty()) {
                throw new IllegalArgumentException("schema must have at least one field");
            }
            this.schema = schema;
            return this;
        }

        /**
         * @param name a query parameter ({@code $name} in the query), see
         *        {@link SearchQuery.Builder#param(String, Object)}
         * @param value a String or a Number
         * @return this builder
         */
        public Builder param(String name, Object value) {
            search.param(name, value);
            return this;
        }

        /**
         * @param dialect the query dialect, {@code >= 2}; see {@link SearchQuery#DEFAULT_DIALECT}
         * @return this builder
         */
        public Builder dialect(int dialect) {
            search.dialect(dialect);
            return this;
        }

        /**
         * @param timeout the longest one cursor page may take to arrive, see
         *        {@link SearchQuery.Builder#timeout(Duration)}
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            search.timeout(timeout);
            return this;
        }

        /**
         * @param maxIdle how long the server keeps the cursor between reads, see
         *        {@link SearchQuery.Builder#maxIdle(Duration)}
         * @return this builder
         */
        public Builder maxIdle(Duration maxIdle) {
            search.maxIdle(maxIdle);
            return this;
        }

        /**
         * @param verbatim whether TEXT terms are matched without stemming
         * @return this builder
         */
        public Builder verbatim(boolean verbatim) {
            search.verbatim(verbatim);
            return this;
        }

        /**
         * @param whileIndexing whether to aggregate an index still indexing the keys that existed
         *        when it was created; see {@link SearchQuery.Builder#whileIndexing(boolean)}
         * @return this builder
         */
        public Builder whileIndexing(boolean whileIndexing) {
            search.whileIndexing(whileIndexing);
            return this;
        }

        /**
         * @param batchSize rows per cursor page and most rows per batch, between 1 and
         *        {@link ReadRequest#MAX_BATCH_SIZE}; see {@link HashScan#DEFAULT_BATCH_SIZE}
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            sizes.batchSize(batchSize);
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Stops after this many rows: {@code LIMIT 0 n} ends the pipeline on the server.
         *
         * @param limit most rows, {@code >= 0}
         * @return this builder
         */
        public Builder limit(long limit) {
            sizes.limit(limit);
            this.limit = limit;
            return this;
        }

        /**
         * @param name the name of a first, non-null Int64 column numbering the rows from 0
         * @return this builder
         */
        public Builder rowIndexColumn(String name) {
            Objects.requireNonNull(name, "rowIndexColumn must not be null");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("rowIndexColumn must not be empty");
            }
            this.rowIndexColumn = name;
            return this;
        }

        /**
         * @param policy what to do with values that do not parse; see
         *        {@link HashScan#DEFAULT_PARSE_ERROR_POLICY}
         * @return this builder
         */
        public Builder onParseError(ParseErrorPolicy policy) {
            this.parseErrorPolicy = Objects.requireNonNull(policy, "onParseError must not be null");
            return this;
        }

        List<String> renderedSteps() {
            List<String> all = new ArrayList<>();
            steps.forEach(all::addAll);
            return all;
        }

        /**
         * @return the aggregation
         * @throws IllegalArgumentException when the index or schema is missing, the schema names a
         *         field twice or the row index column, a field's type cannot be decoded, a List
         *         column is not a TOLIST result, or a Decimal column is computed by the server
         */
        public AggregateQuery build() {
            if (index == null) {
                throw new IllegalArgumentException("index must be set");
            }
            ReadOptionsBuilder.checkColumns(schema, null, rowIndexColumn);
            Set<String> listColumns = new LinkedHashSet<>();
            for (Field field : schema.getFields()) {
                String name = field.getName();
                if (field.getType() instanceof ArrowType.List) {
                    if (!lists.contains(name)) {
                        throw new IllegalArgumentException("field '" + name + "' is a List: only a TOLIST reducer"
                                + " gives a list; name one with Reducer.toList(...).as(\"" + name + "\")");
                    }
                    JsonTypes.checkSupported(field);
                    listColumns.add(name);
                    continue;
                }
                if (field.getType().isComplex()) {
                    throw new IllegalArgumentException("field '" + name + "' is " + Consumers.describe(field.getType())
                            + ": aggregation rows hold scalars and TOLIST lists");
                }
                Consumers.checkSupported(field);
                if (computed.contains(name) && field.getType() instanceof ArrowType.Decimal) {
                    throw new IllegalArgumentException("field '" + name + "' is Decimal, but the server computes it as"
                            + " a double and sends 12 significant digits: declare it Float64");
                }
            }
            return new AggregateQuery(this, Collections.unmodifiableSet(listColumns));
        }

        private static List<String> properties(String[] fields, String what) {
            Objects.requireNonNull(fields, what + " fields must not be null");
            if (fields.length == 0) {
                throw new IllegalArgumentException(what + " must name at least one field");
            }
            List<String> out = new ArrayList<>();
            for (String field : fields) {
                out.add(Reducer.property(field));
            }
            return out;
        }

        private static List<String> withCount(String keyword, List<String> arguments) {
            List<String> step = new ArrayList<>();
            step.add(keyword);
            step.add(Integer.toString(arguments.size()));
            step.addAll(arguments);
            return step;
        }
    }
}
