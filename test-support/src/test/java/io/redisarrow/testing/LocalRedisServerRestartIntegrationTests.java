package io.redisarrow.testing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A server on a port and in a directory of the caller's choosing, killed and started again there. */
class LocalRedisServerRestartIntegrationTests {

    @Test
    void aKilledServerLeavesAGivenDirectoryAndStartsAgainOnTheSamePort(@TempDir Path dir) throws IOException {
        Assumptions.assumeTrue(LocalRedisServer.defaultBinary().isPresent(), "no redis-server binary for this machine");
        int port = Processes.freePort();
        LocalRedisServer first = LocalRedisServer.builder().noModules().port(port).directory(dir.resolve("node"))
                .args("--save", "60 1", "--dbfilename", "kept.rdb").start();
        assertThat(first.port()).isEqualTo(port);
        try (Resp resp = new Resp("127.0.0.1", port, null, 1000)) {
            assertThat(resp.call("SET", "k", "v")).isEqualTo("OK");
            assertThat(resp.call("SAVE")).isEqualTo("OK");
        }
        first.kill();
        assertThat(first.isAlive()).isFalse();
        assertThat(dir.resolve("node").resolve("kept.rdb")).exists();
        assertThatThrownBy(() -> new Resp("127.0.0.1", port, null, 500)).isInstanceOf(IOException.class);

        try (LocalRedisServer second = LocalRedisServer.builder().noModules().port(port).directory(dir.resolve("node"))
                .args("--dbfilename", "kept.rdb").start();
                Resp resp = new Resp("127.0.0.1", port, null, 1000)) {
            assertThat(resp.call("GET", "k")).isEqualTo("v");
        }
        assertThat(dir.resolve("node")).exists();
    }

    @Test
    void aKilledServerRemovesItsOwnDirectory() throws IOException {
        Assumptions.assumeTrue(LocalRedisServer.defaultBinary().isPresent(), "no redis-server binary for this machine");
        LocalRedisServer server = LocalRedisServer.builder().noModules().start();
        Path directory;
        try (Resp resp = new Resp("127.0.0.1", server.port(), null, 1000)) {
            Object dir = resp.call("CONFIG", "GET", "dir");
            directory = Path.of(String.valueOf(((java.util.List<?>) dir).get(1)));
        }
        assertThat(directory).exists();
        server.kill();
        server.kill();
        server.close();
        assertThat(server.isAlive()).isFalse();
        assertThat(directory).doesNotExist();
    }

    @Test
    void aTakenPortIsAnErrorNotAnotherPort() throws IOException {
        Assumptions.assumeTrue(LocalRedisServer.defaultBinary().isPresent(), "no redis-server binary for this machine");
        try (LocalRedisServer taken = LocalRedisServer.builder().noModules().start()) {
            assertThatThrownBy(() -> LocalRedisServer.builder().noModules().port(taken.port()).start())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("--port " + taken.port())
                    .hasMessageContaining("exited with code");
        }
    }
}
