package io.redisarrow.testing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(RedisServerExtension.class)
class LocalRedisServerIntegrationTests {

    @BeforeAll
    static void needsRedisServer() {
        Assumptions.assumeTrue(LocalRedisServer.findRedisServer().isPresent(), "redis-server is not installed");
    }

    @Test
    void startsOnFreePortsAndStopsIdempotently() throws IOException {
        LocalRedisServer first = LocalRedisServer.start();
        LocalRedisServer second = LocalRedisServer.builder().search(false).start();
        try {
            assertThat(first.port()).isNotEqualTo(second.port());
            assertThat(first.url()).isEqualTo("redis://127.0.0.1:" + first.port());
            assertThat(first.version()).matches("\\d+\\.\\d+\\.\\d+");
            assertThat(first.hasSearch()).isEqualTo(java.nio.file.Files.isReadable(LocalRedisServer.SEARCH_MODULE));
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
        try (LocalRedisServer secured = LocalRedisServer.builder().search(false).args("--requirepass", "pw").start()) {
            assertThat(secured.url()).isEqualTo("redis://:pw@127.0.0.1:" + secured.port());
        }
    }

    @Test
    void aBinaryThatCannotRunIsAClearError() {
        assertThatThrownBy(() -> LocalRedisServer.builder().binary(Path.of("/nonexistent/redis-server")).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("/nonexistent/redis-server");
    }

    @Test
    void theExtensionSharesOneServerAndHandsOutUniquePrefixes(RedisTestServer a, RedisTestServer b) {
        assertThat(a).isSameAs(b);
        assertThat(a.uniquePrefix("x")).isNotEqualTo(a.uniquePrefix("x"));
    }
}
