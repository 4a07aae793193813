package io.redisarrow.testing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(RedisServerExtension.class)
class LocalRedisServerIntegrationTests {

    @Test
    void startsOnFreePortsAndStopsIdempotently() throws IOException {
        Assumptions.assumeTrue(LocalRedisServer.defaultBinary().isPresent(), "no redis-server binary for this machine");
        LocalRedisServer first = LocalRedisServer.builder().noModules().start();
        LocalRedisServer second = LocalRedisServer.builder().search(false).start();
        try {
            assertThat(first.port()).isNotEqualTo(second.port());
            assertThat(first.url()).isEqualTo("redis://127.0.0.1:" + first.port());
            assertThat(first.version()).matches("\\d+\\.\\d+\\.\\d+");
            assertThat(first.facts().modules()).isEmpty();
            assertThat(second.hasSearch()).isFalse();
            try (Resp resp = new Resp("127.0.0.1", first.port(), null, 1000)) {
                assertThat(resp.call("PING")).isEqualTo("PONG");
            }
        } finally {
            first.close();
            second.close();
        }
        first.close();
        assertThat(first.isAlive()).isFalse();
        assertThatThrownBy(() -> new Resp("127.0.0.1", first.port(), null, 500)).isInstanceOf(IOException.class);
    }

    @Test
    void passwordIsPartOfTheUrl() {
        Assumptions.assumeTrue(LocalRedisServer.defaultBinary().isPresent(), "no redis-server binary for this machine");
        try (LocalRedisServer secured = LocalRedisServer.builder().noModules().args("--requirepass", "pw").start()) {
            assertThat(secured.url()).isEqualTo("redis://:pw@127.0.0.1:" + secured.port());
        }
    }

    @Test
    void aBinaryThatCannotRunIsAClearError() {
        assertThatThrownBy(() -> LocalRedisServer.builder().binary(Path.of("/nonexistent/redis-server")).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("/nonexistent/redis-server");
    }

    @Test
    void aModuleThatDoesNotLoadIsAClearErrorWithTheServersOutput() throws IOException {
        Assumptions.assumeTrue(LocalRedisServer.defaultBinary().isPresent(), "no redis-server binary for this machine");
        Path notAModule = java.nio.file.Files.createTempFile("not-a-module", ".so");
        try {
            assertThatThrownBy(() -> LocalRedisServer.builder().modules(notAModule).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("--loadmodule " + notAModule)
                    .hasMessageContaining("exited with code");
        } finally {
            java.nio.file.Files.delete(notAModule);
        }
    }

    @Test
    void theEmbeddedBinaryStartsWhenPathIsIgnored() throws IOException {
        Assumptions.assumeTrue(RedisBinaries.embedded().isPresent(), "embedded-redis has no binary for this machine");
        try (LocalRedisServer embedded = LocalRedisServer.builder().embedded().noModules().start()) {
            assertThat(embedded.version()).startsWith("6.2.");
            try (Resp resp = new Resp("127.0.0.1", embedded.port(), null, 1000)) {
                assertThat(resp.call("SET", "k", "v")).isEqualTo("OK");
                assertThat(resp.call("GET", "k")).isEqualTo("v");
            }
        }
    }

    @Test
    void theExtensionSharesOneServerAndHandsOutUniquePrefixes(RedisTestServer a, RedisTestServer b) {
        assertThat(a).isSameAs(b);
        assertThat(a.uniquePrefix("x")).isNotEqualTo(a.uniquePrefix("x"));
    }
}
