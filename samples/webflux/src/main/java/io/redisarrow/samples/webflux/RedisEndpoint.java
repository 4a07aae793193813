package io.redisarrow.samples.webflux;

import io.redisarrow.testing.LocalRedisServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the service's Redis is: the URL it was given, or a local {@code redis-server} it started
 * itself (loaded with sample users), which {@link #close()} stops.
 */
final class RedisEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisEndpoint.class);

    private final String url;

    private final LocalRedisServer server;

    private RedisEndpoint(String url, LocalRedisServer server) {
        this.url = url;
        this.server = server;
    }

    /**
     * @param url the configured URL ({@code redis.url}, or the environment's {@code REDIS_URL}); blank
     *        to start a local server
     * @param sampleUsers how many users to load into a server started here
     * @return the endpoint
     */
    static RedisEndpoint of(String url, int sampleUsers) {
        if (url != null && !url.isBlank()) {
            return new RedisEndpoint(url, null);
        }
        LocalRedisServer server = LocalRedisServer.start();
        try {
            LOG.info("REDIS_URL is not set: started Redis {} on {}; loading {} users", server.version(), server.url(),
                    sampleUsers);
            Users.load(server.url(), sampleUsers);
            return new RedisEndpoint(server.url(), server);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** @return the Redis URL */
    String url() {
        return url;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
