package io.redisarrow.testing;

/**
 * A Redis module a test may need, with what a person does to get it.
 */
public enum RedisModule {

    /** JSON documents (JSON.*): RedisJSON 2 or valkey-json. */
    JSON("the JSON module (RedisJSON 2 or valkey-json)"),

    /** The query engine (FT.*): RediSearch 2.0 or later. */
    SEARCH("RediSearch 2.0 or later");

    /** What the CI script points {@code REDIS_ARROW_MODULES} at, from the repository root. */
    static final String SHARED_MODULES = "../shared/servers/valkey-8.0.1-json-search/modules";

    private final String description;

    RedisModule(String description) {
        this.description = description;
    }

    /** @return what the module is, for messages */
    public String description() {
        return description;
    }

    /** @return how to get the module, for messages */
    static String howToGet() {
        return "set " + ModulePaths.PROPERTY + " to libjson.so,redisearch.so (JSON first; builds in " + SHARED_MODULES
                + "/), or REDIS_URL to a Redis 8 or Redis Stack server, or run Docker (redis:8 is started then)";
    }
}
