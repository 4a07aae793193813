package io.redisarrow.samples.webflux;

import io.redisarrow.arrow.HashScan;
import io.redisarrow.arrow.SearchQuery;
import io.redisarrow.arrow.WriteMode;
import org.springframework.web.reactive.function.server.ServerRequest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The query parameters of the users endpoints, read and checked: {@code pattern} (a SCAN MATCH
 * pattern under {@code user:}), {@code fields} (comma-separated, the columns to read and their
 * order), {@code limit} (the most rows), {@code q} (a RediSearch query) and {@code mode} (how an
 * upload treats existing keys). A bad value is an {@link IllegalArgumentException} naming the
 * parameter and the value.
 */
final class UsersRequest {

    private final ServerRequest request;

    UsersRequest(ServerRequest request) {
        this.request = request;
    }

    /**
     * @param batchSize rows per batch
     * @return the scan the parameters ask for
     */
    HashScan scan(int batchSize) {
        String pattern = request.queryParam("pattern").orElse(Users.PREFIX + "*");
        if (!pattern.startsWith(Users.PREFIX)) {
            throw new IllegalArgumentException("pattern must start with '" + Users.PREFIX + "', got '" + pattern + "'");
        }
        HashScan.Builder scan = HashScan.builder().pattern(pattern).schema(Users.SCHEMA).batchSize(batchSize);
        fields().ifPresent(scan::project);
        limit().ifPresent(scan::limit);
        return scan.build();
    }

    /**
     * @param index the users' index
     * @param batchSize rows per batch
     * @return the search the parameters ask for
     */
    SearchQuery search(String index, int batchSize) {
        String query = request.queryParam("q").filter(q -> !q.isBlank())
                .orElseThrow(() -> new IllegalArgumentException("q must be a RediSearch query, such as @city:{Oslo}"));
        SearchQuery.Builder search = SearchQuery.builder().index(index).query(query).schema(Users.SCHEMA)
                .batchSize(batchSize);
        fields().ifPresent(search::project);
        limit().ifPresent(search::limit);
        return search.build();
    }

    /** @return how an upload treats existing keys: {@code mode}, MERGE by default */
    WriteMode mode() {
        String mode = request.queryParam("mode").orElse(WriteMode.MERGE.name());
        try {
            return WriteMode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mode must be one of " + Arrays.toString(WriteMode.values())
                    + ", got '" + mode + "'", e);
        }
    }

    private Optional<String[]> fields() {
        return request.queryParam("fields").map(fields -> {
            String[] names = Arrays.stream(fields.split(",")).map(String::trim).toArray(String[]::new);
            for (String name : names) {
                if (Users.SCHEMA.getFields().stream().noneMatch(f -> f.getName().equals(name))) {
                    throw new IllegalArgumentException("fields must name fields of " + Users.SCHEMA.getFields().stream()
                            .map(f -> f.getName()).toList() + ", got '" + fields + "'");
                }
            }
            return names;
        });
    }

    private Optional<Long> limit() {
        return request.queryParam("limit").map(limit -> {
            try {
                long value = Long.parseLong(limit);
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("limit must be a positive number of rows, got '" + limit + "'");
        });
    }
}
