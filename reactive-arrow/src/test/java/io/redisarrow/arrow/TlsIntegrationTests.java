package io.redisarrow.arrow;

import io.redisarrow.testing.LocalRedisServer;
import io.redisarrow.testing.Processes;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rediss://} reaches a TLS-only redis-server through both the shared connection and the
 * scan's fetch connection, and both check the peer the same way: {@code verifyPeer=NONE} checks
 * nothing, {@code CA} the certificate chain only, {@code FULL} (the default) the chain and the host
 * name. Certificates are made here with openssl; the test CA is trusted through the JVM's
 * {@code javax.net.ssl.trustStore} for the tests that verify.
 */
class TlsIntegrationTests extends ScanTestSupport {

    static final Schema SCHEMA = new Schema(List.of(new Field("v", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)));

    @Test
    void scansOverTls(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("key.pem");
        Path cert = dir.resolve("cert.pem");
        Assumptions.assumeTrue(Processes.run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                "/CN=127.0.0.1", "-keyout", key.toString(), "-out", cert.toString()), "openssl is not available");
        int tlsPort = Processes.freePort();
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

    /**
     * A certificate for another host name, signed by a trusted CA: CA accepts it on both
     * connections; FULL rejects it, naming the server.
     */
    @Test
    void verifyPeerCaChecksTheChainAndFullAlsoTheHostName(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(makeCertificates(dir, "subjectAltName=DNS:elsewhere.invalid"), "openssl or keytool is not available");
        int tlsPort = Processes.freePort();
        Properties saved = (Properties) System.getProperties().clone();
        try (LocalRedisServer server = tlsServer(dir, tlsPort)) {
            System.setProperty("javax.net.ssl.trustStore", dir.resolve("trust.p12").toString());
            System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
            System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
            load(server);
            try (RedisArrow ca = RedisArrow.builder().url("rediss://127.0.0.1:" + tlsPort + "?verifyPeer=CA")
                    .allocator(allocator).build()) {
                assertThat(Rows.collect(ca.scanHashes(HashScan.builder().pattern("tls:*").schema(SCHEMA).build())))
                        .containsExactly(Map.of("_key", "tls:k", "v", "over tls"));
            }
            try (RedisArrow full = RedisArrow.builder().url("rediss://127.0.0.1:" + tlsPort).allocator(allocator)
                    .connectTimeout(java.time.Duration.ofSeconds(2)).build()) {
                reactor.test.StepVerifier.create(full.scanHashes(HashScan.builder().pattern("tls:*").schema(SCHEMA).build()))
                        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(io.lettuce.core.RedisConnectionException.class)
                                .hasMessageContaining("127.0.0.1:" + tlsPort))
                        .verify(java.time.Duration.ofSeconds(10));
            }
        } finally {
            System.setProperties(saved);
        }
    }

    /** A certificate for the host the URL names passes FULL verification on both connections. */
    @Test
    void verifyPeerFullAcceptsACertificateForTheHost(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(makeCertificates(dir, "subjectAltName=IP:127.0.0.1"), "openssl or keytool is not available");
        int tlsPort = Processes.freePort();
        Properties saved = (Properties) System.getProperties().clone();
        try (LocalRedisServer server = tlsServer(dir, tlsPort)) {
            System.setProperty("javax.net.ssl.trustStore", dir.resolve("trust.p12").toString());
            System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
            System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
            load(server);
            try (RedisArrow full = RedisArrow.builder().url("rediss://127.0.0.1:" + tlsPort).allocator(allocator).build()) {
                assertThat(Rows.collect(full.scanHashes(HashScan.builder().pattern("tls:*").schema(SCHEMA).build())))
                        .containsExactly(Map.of("_key", "tls:k", "v", "over tls"));
            }
        } finally {
            System.setProperties(saved);
        }
    }

    private static LocalRedisServer tlsServer(Path dir, int tlsPort) {
        return LocalRedisServer.builder().search(false).args("--tls-port", Integer.toString(tlsPort),
                "--tls-cert-file", dir.resolve("server.pem").toString(), "--tls-key-file",
                dir.resolve("server.key").toString(), "--tls-ca-cert-file", dir.resolve("ca.pem").toString(),
                "--tls-auth-clients", "no").start();
    }

    private static void load(LocalRedisServer server) {
        io.lettuce.core.RedisClient plain = io.lettuce.core.RedisClient.create(server.url());
        try (var connection = plain.connect()) {
            connection.sync().hset("tls:k", Map.of("v", "over tls"));
        } finally {
            plain.shutdown();
        }
    }

    /** A CA, a server certificate it signs with the given extension, and a PKCS12 trust store holding the CA. */
    static boolean makeCertificates(Path dir, String extension) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("ext.cnf"), extension + "\n");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        return Processes.run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                "/CN=redis-arrow test CA", "-keyout", dir.resolve("ca.key").toString(), "-out", dir.resolve("ca.pem").toString())
                && Processes.run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=redis-arrow test server",
                        "-keyout", dir.resolve("server.key").toString(), "-out", dir.resolve("server.csr").toString())
                && Processes.run("openssl", "x509", "-req", "-in", dir.resolve("server.csr").toString(), "-CA",
                        dir.resolve("ca.pem").toString(), "-CAkey", dir.resolve("ca.key").toString(), "-CAcreateserial",
                        "-days", "1", "-extfile", dir.resolve("ext.cnf").toString(), "-out", dir.resolve("server.pem").toString())
                && Processes.run(keytool, "-importcert", "-noprompt", "-alias", "ca", "-file", dir.resolve("ca.pem").toString(),
                        "-keystore", dir.resolve("trust.p12").toString(), "-storetype", "PKCS12", "-storepass", "changeit");
    }
}
