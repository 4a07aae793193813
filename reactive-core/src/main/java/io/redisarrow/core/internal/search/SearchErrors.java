package io.redisarrow.core.internal.search;

import io.lettuce.core.RedisCommandExecutionException;
import io.redisarrow.core.RedisArrowException;

import java.util.Locale;

/**
 * The messages of the query engine's failures, each saying what to do: an unknown index, a query
 * the server cannot parse (its message with the query), an expired cursor, a RediSearch too old
 * to use, an index that already exists, and any other error reply naming the command and the
 * index.
 */
final class SearchErrors {

    /** What to run instead of an old or missing query engine. */
    static final String WHERE_TO_GET_IT = "RediSearch 2.0 or later, as in Redis 8 and Redis Stack";

    private SearchErrors() {
    }

    static RedisArrowException tooOld(String address) {
        return new RedisArrowException("Redis at " + address + " runs RediSearch 1.x, which is too old: search needs "
                + WHERE_TO_GET_IT + " (FT.CREATE ... ON HASH|JSON PREFIX, cursors, DIALECT 2)");
    }

    /**
     * @param index the index {@code FT.CREATE} was to create
     * @param command the command's arguments, for the message
     * @param address {@code host:port}
     * @param failure the error reply
     * @return the error to signal: an index of that name exists, or the server's reason with the
     *         command
     */
    static RedisArrowException create(String index, String command, String address,
            RedisCommandExecutionException failure) {
        String message = String.valueOf(failure.getMessage());
        if (message.toLowerCase(Locale.ROOT).contains("index already exists")) {
            return new RedisArrowException("search index '" + index + "' already exists at " + address + " (FT.CREATE: "
                    + message + "); drop it first (FT.DROPINDEX, which keeps its documents) or choose another name",
                    failure);
        }
        return new RedisArrowException("FT.CREATE of index '" + index + "' failed at " + address + ": " + message
                + " (FT.CREATE " + command + ")", failure);
    }

    /**
     * @param command what failed, such as {@code FT.AGGREGATE}
     * @param index the index
     * @param query the query string, or null when the command has none
     * @param address {@code host:port}
     * @param failure the error reply
     * @return the error to signal
     */
    static RedisArrowException explain(String command, String index, String query, String address,
            RedisCommandExecutionException failure) {
        String message = String.valueOf(failure.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("unknown index name") || lower.contains("no such index")) {
            return new RedisArrowException("no search index '" + index + "' at " + address + " (" + command + ": "
                    + message + "); FT._LIST lists the indexes, or create it first", failure);
        }
        if (lower.contains("cursor not found") || lower.contains("cursor does not exist")) {
            return new RedisArrowException("the search cursor on index '" + index + "' at " + address
                    + " has expired (" + message + "): the server drops a cursor that is idle longer than its MAXIDLE"
                    + " (300 s by default); consume batches faster, or raise maxIdle", failure);
        }
        if (query != null && (lower.contains("syntax error") || lower.contains("unknown field")
                || lower.contains("unknown argument") || lower.contains("no such property")
                || lower.contains("property") && lower.contains("not loaded") || lower.contains("unknown function")
                || lower.contains("has no value") || lower.contains("parsing"))) {
            return new RedisArrowException("RediSearch rejected the query on index '" + index + "' at " + address + ": "
                    + message + " (query: " + query + ")", failure);
        }
        return new RedisArrowException(command + " on index '" + index + "' failed at " + address + ": " + message
                + (query == null ? "" : " (query: " + query + ")"), failure);
    }
}
