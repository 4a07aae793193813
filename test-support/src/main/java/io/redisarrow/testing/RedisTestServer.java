package io.redisarrow.testing;

import java.util.List;

/**
 * A Redis server a test may use: where it is and what it can do. Resolved as a test parameter by
 * {@link RedisServerExtension}.
 */
public interface RedisTestServer {

    /** @return a {@code redis://} URL of the server */
    String url();

    /** @return the host */
    String host();

    /** @return the port */
    int port();

    /** @return what the server is and can do */
    ServerFacts facts();

    /** @return whether RediSearch 2.0 or later (FT.*) is loaded */
    default boolean hasSearch() {
        return facts().hasSearch();
    }

    /** @return whether a JSON module (JSON.*) is loaded */
    default boolean hasJson() {
        return facts().hasJson();
    }

    /**
     * Skips the calling test, saying what to install, when the server has no JSON module; fails it
     * instead when {@code CI=true}. {@link RequiresModule} does the same before the test starts, and
     * also finds a server that has it.
     */
    default void requireJson() {
        ModuleRequirement.require(facts(), host() + ":" + port(), List.of(RedisModule.JSON), ModuleRequirement.inCi());
    }

    /**
     * Skips the calling test, saying what to install, when the server has no RediSearch 2.0 or later;
     * fails it instead when {@code CI=true}.
     */
    default void requireSearch() {
        ModuleRequirement.require(facts(), host() + ":" + port(), List.of(RedisModule.SEARCH),
                ModuleRequirement.inCi());
    }

    /** @return the server's version, e.g. {@code 7.0.15} */
    default String version() {
        return facts().version();
    }

    /**
     * A key prefix for one test: unique in this run and across runs (it starts with a random run id),
     * such as {@code k3x9q2:t12:name:}. When the test ends, {@link RedisServerExtension} removes the
     * keys under every prefix the test's thread asked for (SCAN + UNLINK).
     *
     * @param testName a readable name
     * @return a key prefix no other test uses
     */
    default String uniquePrefix(String testName) {
        return KeyPrefixes.next(testName);
    }
}
