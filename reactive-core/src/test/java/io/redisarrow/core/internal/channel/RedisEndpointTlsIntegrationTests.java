package io.redisarrow.core.internal.channel;

import io.lettuce.core.RedisURI;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.redisarrow.testing.LocalRedisServer;
import io.redisarrow.testing.Processes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLSessionContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One TLS context per endpoint (so per session): every channel it opens shares it, and with it the
 * cache of TLS sessions; another endpoint has its own.
 */
class RedisEndpointTlsIntegrationTests {

    @Test
    void everyChannelOfAnEndpointSharesOneTlsContext(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("key.pem");
        Path cert = dir.resolve("cert.pem");
        Assumptions.assumeTrue(Processes.run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                "/CN=127.0.0.1", "-keyout", key.toString(), "-out", cert.toString()), "openssl is not available");
        int tlsPort = Processes.freePort();
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (LocalRedisServer server = LocalRedisServer.builder().search(false).args("--tls-port",
                Integer.toString(tlsPort), "--tls-cert-file", cert.toString(), "--tls-key-file", key.toString(),
                "--tls-ca-cert-file", cert.toString(), "--tls-auth-clients", "no").start()) {
            assertThat(server.isAlive()).isTrue();
            RedisURI uri = RedisURI.create("rediss://127.0.0.1:" + tlsPort + "/1?verifyPeer=NONE");
            RedisEndpoint endpoint = new RedisEndpoint(uri, Duration.ofSeconds(5), loops);
            SSLSessionContext first = sessionContext(endpoint);
            SSLSessionContext second = sessionContext(endpoint);
            SSLSessionContext other = sessionContext(new RedisEndpoint(uri, Duration.ofSeconds(5), loops));
            assertThat(first).isNotNull().isSameAs(second).isNotSameAs(other);
        } finally {
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    /** Connects (SELECT 1 completes the TLS handshake), reads the engine's session context, closes. */
    private static SSLSessionContext sessionContext(RedisEndpoint endpoint) {
        RedisChannel channel = endpoint.connect().block(Duration.ofSeconds(10));
        try {
            return channel.sslEngine().getSession().getSessionContext();
        } finally {
            channel.close().block();
        }
    }
}
