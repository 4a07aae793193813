package io.redisarrow.samples.webflux;

import io.redisarrow.arrow.RedisArrow;
import io.redisarrow.arrow.SearchIndex;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * The RediSearch index over the users, made at startup when the server has none yet, or why
 * search is not available (the library's message, such as a server without a query engine).
 */
final class UsersIndex {

    private static final Logger LOG = LoggerFactory.getLogger(UsersIndex.class);

    private static final Duration STARTUP = Duration.ofSeconds(10);

    private final String name;

    private final String unavailable;

    private UsersIndex(String name, String unavailable) {
        this.name = name;
        this.unavailable = unavailable;
    }

    /**
     * Reads the index, or creates it: {@code name} and {@code city} as TEXT and TAG, {@code age}
     * NUMERIC, over the keys under {@code user:}.
     *
     * @param redis the service's client
     * @param name the index name
     * @return the index, or the reason there is none
     */
    static UsersIndex open(RedisArrow redis, String name) {
        SearchIndex index = SearchIndex.builder().name(name).prefix(Users.PREFIX)
                .schema(new Schema(Users.SCHEMA.getFields().stream()
                        .filter(f -> !f.getName().equals("bio") && !f.getName().equals("email")).toList()))
                .text("name")
                .sortable("age")
                .build();
        try {
            redis.indexInfo(name).onErrorResume(missing -> redis.createIndex(index).then(redis.indexInfo(name)))
                    .block(STARTUP);
            return new UsersIndex(name, null);
        } catch (RuntimeException e) {
            LOG.warn("search is not available: {}", e.getMessage());
            return new UsersIndex(name, e.getMessage());
        }
    }

    /** @return the index name */
    String name() {
        return name;
    }

    /** @return why search is not available, or empty when it is */
    Optional<String> unavailable() {
        return Optional.ofNullable(unavailable);
    }
}
