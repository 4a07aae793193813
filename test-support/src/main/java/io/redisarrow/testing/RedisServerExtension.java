package io.redisarrow.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * Provides a real Redis to tests, in this order: the server at {@code REDIS_URL} when that is set;
 * else one {@link LocalRedisServer} shared by the whole test run (with RediSearch when the Debian
 * module is installed); else a {@code redis:8} container when Docker is available; else the tests
 * are skipped with a message saying what to install. Resolves {@link RedisTestServer} parameters.
 *
 * <pre>{@code
 * @ExtendWith(RedisServerExtension.class)
 * class ScanIntegrationTests {
 *     @Test
 *     void scans(RedisTestServer redis) {
 *         String prefix = redis.uniquePrefix("scans");
 *         ...
 *     }
 * }
 * }</pre>
 */
public final class RedisServerExtension implements BeforeAllCallback, ParameterResolver {

    /** Environment variable naming an existing server to use instead of starting one. */
    public static final String REDIS_URL = "REDIS_URL";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RedisServerExtension.class);

    private volatile RedisTestServer server;

    /** @return the server, once a test class using this extension has started */
    public RedisTestServer server() {
        if (server == null) {
            throw new IllegalStateException("no server yet: the extension starts it before the test class");
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = shared(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == RedisTestServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return shared(extension);
    }

    private static RedisTestServer shared(ExtensionContext context) {
        Provided provided = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Provided.class, type -> Provided.start(), Provided.class);
        if (provided.server() == null) {
            throw new TestAbortedException(provided.skipReason());
        }
        return provided.server();
    }

    /** The run-wide server, closed by JUnit when the run ends. */
    record Provided(RedisTestServer server, AutoCloseable owner, String skipReason) implements AutoCloseable {

        static Provided start() {
            String url = System.getenv(REDIS_URL);
            if (url != null && !url.isBlank()) {
                return new Provided(ExternalServer.of(url), null, null);
            }
            if (LocalRedisServer.findRedisServer().isPresent()) {
                LocalRedisServer local = LocalRedisServer.start();
                return new Provided(local, local, null);
            }
            if (ContainerServer.dockerAvailable()) {
                ContainerServer container = ContainerServer.start();
                return new Provided(container, container, null);
            }
            return new Provided(null, null, "no Redis: set REDIS_URL, or install redis-server "
                    + "(apt-get install -y redis-server redis-redisearch), or run a Docker engine");
        }

        @Override
        public void close() throws Exception {
            if (owner != null) {
                owner.close();
            }
        }
    }
}
