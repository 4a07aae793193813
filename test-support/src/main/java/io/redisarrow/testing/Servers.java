package io.redisarrow.testing;

import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.util.Set;

/**
 * The servers of one test run, closed by JUnit when the run ends: the run's server (from
 * {@code REDIS_URL}, a {@link LocalRedisServer}, or a container), and, started only when a test needs
 * modules that server lacks and Docker runs, a {@code redis:8} container.
 */
final class Servers implements AutoCloseable {

    private static final String NO_REDIS = "no Redis: set REDIS_URL, or install redis-server (apt-get install -y"
            + " redis-server), or run a Docker engine";

    private final RedisTestServer base;

    private final AutoCloseable owner;

    private final boolean external;

    private ContainerServer withModules;

    private Boolean docker;

    private Servers(RedisTestServer base, AutoCloseable owner, boolean external) {
        this.base = base;
        this.owner = owner;
        this.external = external;
    }

    static Servers start() {
        String url = System.getenv(RedisServerExtension.REDIS_URL);
        if (url != null && !url.isBlank()) {
            return new Servers(ExternalServer.of(url), null, true);
        }
        if (LocalRedisServer.defaultBinary().isPresent()) {
            LocalRedisServer local = LocalRedisServer.start();
            return new Servers(local, local, false);
        }
        if (ContainerServer.dockerAvailable()) {
            ContainerServer container = ContainerServer.start();
            return new Servers(container, container, false);
        }
        return new Servers(null, null, false);
    }

    /** @return the run's server, or null when there is none */
    RedisTestServer started() {
        return base;
    }

    /**
     * @param needed the modules a test needs
     * @return the run's server when it has them; else a {@code redis:8} container when Docker runs and
     *         {@code REDIS_URL} is not set; else the run's server, which the test then finds lacking
     * @throws TestAbortedException when there is no server at all ({@link AssertionFailedError} in CI)
     */
    synchronized RedisTestServer serverFor(Set<RedisModule> needed) {
        if (base != null && has(base, needed)) {
            return base;
        }
        if (!needed.isEmpty() && !external && dockerRuns()) {
            if (withModules == null) {
                withModules = ContainerServer.start();
            }
            return withModules;
        }
        if (base != null) {
            return base;
        }
        if (ModuleRequirement.inCi()) {
            throw new AssertionFailedError("CI=true, so having no server fails the test instead of skipping it: "
                    + NO_REDIS);
        }
        throw new TestAbortedException(NO_REDIS);
    }

    private static boolean has(RedisTestServer server, Set<RedisModule> needed) {
        return needed.stream().allMatch(module -> ModuleRequirement.problem(server.facts(), module).isEmpty());
    }

    private boolean dockerRuns() {
        if (docker == null) {
            docker = ContainerServer.dockerAvailable();
        }
        return docker;
    }

    @Override
    public void close() throws Exception {
        try {
            if (withModules != null) {
                withModules.close();
            }
        } finally {
            if (owner != null) {
                owner.close();
            }
        }
    }
}
