package io.redisarrow.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Provides a real local Redis Cluster ({@link LocalRedisCluster}: 3 masters with one replica each,
 * loading the modules {@code REDIS_ARROW_MODULES} names in every node) to tests, as a
 * {@link LocalRedisCluster} parameter.
 *
 * <p>The run shares one cluster, started when the first class needs it and closed when the run ends.
 * Before each top-level class that uses it, it is checked (every node runs, the cluster has settled; else it is
 * replaced by a new one) and emptied with FLUSHALL, so a class finds no keys and no indexes of another.
 * A class that kills, stops or restarts nodes or moves slots must ask for a cluster of its own with
 * {@link PrivateCluster}, started before its first test and closed after its last.
 *
 * <p>When {@code redis-server} or {@code redis-cli} is not installed, the tests are skipped saying what
 * to install, or fail when {@code CI=true}. A test marked {@link RequiresModule} is skipped (failed in
 * CI) when the nodes lack the modules, as with {@link RedisServerExtension}.
 *
 * <pre>{@code
 * @ExtendWith(RedisClusterExtension.class)
 * class ClusterScanIntegrationTests {
 *     @Test
 *     void scansEveryMaster(LocalRedisCluster cluster) {
 *         RedisClusterClient client = RedisClusterClient.create(cluster.url());
 *         ...
 *     }
 * }
 * }</pre>
 */
public final class RedisClusterExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RedisClusterExtension.class);

    /** Creates the extension; JUnit does, through {@code @ExtendWith}. */
    public RedisClusterExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (privateContext(context).isPresent()) {
            clusterFor(context);
        } else if (context.getParent().flatMap(ExtensionContext::getTestClass).isEmpty()) {
            requireBinaries();
            shared(context).handOver();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Set<RedisModule> needed = RedisServerExtension.required(context);
        if (!needed.isEmpty()) {
            LocalRedisCluster cluster = clusterFor(context);
            ModuleRequirement.require(cluster.facts(), "cluster " + cluster.url(), needed, ModuleRequirement.inCi());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == LocalRedisCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return clusterFor(extension);
    }

    private static LocalRedisCluster clusterFor(ExtensionContext context) {
        requireBinaries();
        Optional<ExtensionContext> own = privateContext(context);
        if (own.isEmpty()) {
            return shared(context).current();
        }
        PrivateCluster settings = AnnotationSupport.findAnnotation(own.get().getRequiredTestClass(), PrivateCluster.class)
                .orElseThrow();
        return own.get().getStore(NAMESPACE).computeIfAbsent(LocalRedisCluster.class, type -> LocalRedisCluster
                .builder().masters(settings.masters()).replicasPerMaster(settings.replicasPerMaster()).start(),
                LocalRedisCluster.class);
    }

    private static SharedCluster shared(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(SharedCluster.class, type -> new SharedCluster(LocalRedisCluster::start),
                SharedCluster.class);
    }

    /** @return the context of the nearest class, outwards from the test, marked {@link PrivateCluster} */
    private static Optional<ExtensionContext> privateContext(ExtensionContext context) {
        for (Optional<ExtensionContext> at = Optional.of(context); at.isPresent(); at = at.get().getParent()) {
            ExtensionContext candidate = at.get();
            if (candidate.getTestMethod().isEmpty() && candidate.getTestClass().isPresent()
                    && AnnotationSupport.isAnnotated(candidate.getTestClass().get(), PrivateCluster.class)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * @throws TestAbortedException when redis-server or redis-cli is missing ({@link AssertionFailedError}
     *         when {@code CI=true})
     */
    static void requireBinaries() {
        Optional<Path> server = LocalRedisServer.defaultBinary();
        String missing = server.isEmpty() ? "redis-server is not installed: install it (apt-get install -y redis-server,"
                + " brew install redis)" : RedisCli.find(server.get()).isEmpty()
                        ? "redis-cli is not installed: " + RedisCli.INSTALL : null;
        if (missing == null) {
            return;
        }
        if (ModuleRequirement.inCi()) {
            throw new AssertionFailedError("CI=true, so a missing binary fails the test instead of skipping it: "
                    + missing);
        }
        throw new TestAbortedException("a local Redis Cluster needs redis-server and redis-cli: " + missing);
    }
}
