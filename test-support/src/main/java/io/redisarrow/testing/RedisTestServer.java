package io.redisarrow.testing;

import java.util.concurrent.atomic.AtomicLong;

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

    /** @return whether RediSearch (FT.*) is loaded */
    default boolean hasSearch() {
        return facts().hasSearch();
    }

    /** @return whether RedisJSON (JSON.*) is loaded */
    default boolean hasJson() {
        return facts().hasJson();
    }

    /** @return the server's version, e.g. {@code 7.0.15} */
    default String version() {
        return facts().version();
    }

    /**
     * @param testName a readable name
     * @return a key prefix no other test of this run uses, such as {@code t12:name:}
     */
    default String uniquePrefix(String testName) {
        return "t" + Prefixes.NEXT.incrementAndGet() + ":" + testName + ":";
    }

    /** Counter behind {@link #uniquePrefix(String)}. */
    final class Prefixes {

        static final AtomicLong NEXT = new AtomicLong();

        private Prefixes() {
        }
    }
}
