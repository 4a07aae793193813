package io.redisarrow.arrow;

import io.redisarrow.testing.LocalRedisServer;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rediss://} reaches a TLS-only redis-server through both the shared connection and the
 * scan's fetch connection. The certificate is made here with openssl, so it is self-signed and the
 * URL turns peer verification off.
 */
class TlsIntegrationTests extends ScanTestSupport {

    static final Schema SCHEMA = new Schema(List.of(new Field("v", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)));

    @Test
    void scansOverTls(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("key.pem");
        Path cert = dir.resolve("cert.pem");
        Assumptions.assumeTrue(run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                "/CN=127.0.0.1", "-keyout", key.toString(), "-out", cert.toString()), "openssl is not available");
        int tlsPort = freePort();
        try (LocalRedisServer server = LocalRedisServer.builder().search(false).args("--tls-port",
                Integer.toString(tlsPort), "--tls-cert-file", cert.toString(), "--tls-key-file", key.toString(),
                "--tls-ca-cert-file", cert.toString(), "--tls-auth-clients", "no").start()) {
            io.lettuce.core.RedisClient plain = io.lettuce.core.RedisClient.create(server.url());
            try (var connection = plain.connect()) {
                connection.sync().hset("tls:k", Map.of("v", "over tls"));
            } finally {
                plain.shutdown();
            }
            String url = "rediss://127.0.0.1:" + tlsPort + "?verifyPeer=NONE";
            try (RedisArrow redis = RedisArrow.builder().url(url).allocator(allocator).build()) {
                assertThat(Rows.collect(redis.scanHashes(HashScan.builder().pattern("tls:*").schema(SCHEMA).build())))
                        .containsExactly(Map.of("_key", "tls:k", "v", "over tls"));
            }
        }
    }

    private static boolean run(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
