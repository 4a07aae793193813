package io.redisarrow.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A {@code redis:8} container (which bundles Search and JSON), used where Docker runs.
 */
final class ContainerServer implements RedisTestServer, AutoCloseable {

    private final GenericContainer<?> container;

    private final ServerFacts facts;

    private ContainerServer(GenericContainer<?> container, ServerFacts facts) {
        this.container = container;
        this.facts = facts;
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource")
    static ContainerServer start() {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse("redis:8")).withExposedPorts(6379);
        container.start();
        try {
            return new ContainerServer(container,
                    ServerFacts.read(container.getHost(), container.getMappedPort(6379), null));
        } catch (IOException e) {
            container.stop();
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String url() {
        return "redis://" + host() + ":" + port();
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public int port() {
        return container.getMappedPort(6379);
    }

    @Override
    public ServerFacts facts() {
        return facts;
    }

    @Override
    public void close() {
        container.stop();
    }
}
