package io.redisarrow.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Provides a real Redis to tests, in this order: the server at {@code REDIS_URL} when that is set;
 * else one {@link LocalRedisServer} shared by the whole run (redis-server from PATH, else the binary
 * inside embedded-redis), loading the modules {@code REDIS_ARROW_MODULES} names; else a
 * {@code redis:8} container where Docker runs; else the tests are skipped saying what to install.
 * Resolves {@link RedisTestServer} parameters.
 *
 * <p>A test marked {@link RequiresModule} gets a server with those modules: the run's server when it
 * has them, else (without {@code REDIS_URL}) a {@code redis:8} container, which bundles JSON and
 * Search, where Docker runs; else it is skipped saying what to install, or fails when {@code CI=true}.
 *
 * <p>After each test, the keys under the prefixes it asked {@link RedisTestServer#uniquePrefix} for
 * are removed (and after the class, those asked for in {@code @BeforeAll}).
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
public final class RedisServerExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {

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
        server = serverFor(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Set<RedisModule> needed = required(context);
        if (!needed.isEmpty()) {
            RedisTestServer chosen = serverFor(context);
            ModuleRequirement.require(chosen.facts(), chosen.host() + ":" + chosen.port(), needed,
                    ModuleRequirement.inCi());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        removeKeys(context);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        removeKeys(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == RedisTestServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return serverFor(extension);
    }

    private static void removeKeys(ExtensionContext context) throws IOException {
        List<String> prefixes = KeyPrefixes.drain();
        if (!prefixes.isEmpty()) {
            Servers servers = servers(context);
            if (servers.started() != null) {
                KeyCleaner.unlink(servers.serverFor(required(context)), prefixes);
            }
        }
    }

    private static RedisTestServer serverFor(ExtensionContext context) {
        return servers(context).serverFor(required(context));
    }

    private static Servers servers(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Servers.class, type -> Servers.start(),
                Servers.class);
    }

    /** @return the modules the test method and its class ask for */
    static Set<RedisModule> required(ExtensionContext context) {
        Set<RedisModule> needed = EnumSet.noneOf(RedisModule.class);
        for (Optional<? extends AnnotatedElement> element : List.of(context.getTestClass(), context.getTestMethod())) {
            element.flatMap(e -> AnnotationSupport.findAnnotation(e, RequiresModule.class))
                    .ifPresent(annotation -> needed.addAll(List.of(annotation.value())));
        }
        return needed;
    }
}
