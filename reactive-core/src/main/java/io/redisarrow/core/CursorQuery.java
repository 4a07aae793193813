package io.redisarrow.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The Redis side of a query streamed by a cursor: {@code FT.AGGREGATE index query clauses...
 * WITHCURSOR COUNT pageSize [MAXIDLE ms]}, then {@code FT.CURSOR READ index cursor} until the
 * cursor is exhausted. The clauses (LOAD, GROUPBY, REDUCE, APPLY, FILTER, SORTBY, LIMIT, PARAMS,
 * DIALECT) are rendered by a front end such as {@code reactive-arrow}'s {@code SearchQuery}
 * and {@code AggregateQuery}. Immutable.
 *
 * @param index the index name
 * @param arguments the query string, then the clauses, each one argument
 * @param pageSize rows per cursor page ({@code COUNT}), {@code >= 1}
 * @param maxIdle how long the server keeps the cursor between reads, or {@link Duration#ZERO} for
 *        the server's default (300 s on RediSearch 2.x, also its maximum)
 * @param pageTimeout the longest one page may take to arrive (the first one includes the server's
 *        sorting and grouping), or {@link Duration#ZERO} for the session's command timeout
 */
public record CursorQuery(String index, List<String> arguments, int pageSize, Duration maxIdle, Duration pageTimeout) {

    /**
     * @throws IllegalArgumentException when the index is empty, there is no query string, or the
     *         page size is below 1
     */
    public CursorQuery {
        Objects.requireNonNull(index, "index must not be null");
        Objects.requireNonNull(maxIdle, "maxIdle must not be null");
        Objects.requireNonNull(pageTimeout, "pageTimeout must not be null");
        if (index.isEmpty()) {
            throw new IllegalArgumentException("index must not be empty");
        }
        arguments = List.copyOf(arguments);
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException("arguments must start with the query string");
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be >= 1, got " + pageSize);
        }
        if (maxIdle.isNegative() || pageTimeout.isNegative()) {
            throw new IllegalArgumentException("maxIdle and pageTimeout must not be negative");
        }
    }

    /** @return the query string, the first argument */
    public String query() {
        return arguments.get(0);
    }
}
