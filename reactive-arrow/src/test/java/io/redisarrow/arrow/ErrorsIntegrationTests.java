package io.redisarrow.arrow;

import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.redisarrow.core.RedisArrowException;
import io.redisarrow.testing.FakeServer;
import io.redisarrow.testing.LocalRedisServer;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ErrorsIntegrationTests extends ScanTestSupport {

    static final Schema SCHEMA = new Schema(List.of(
            new Field("age", FieldType.nullable(new ArrowType.Int(64, true)), null),
            new Field("name", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)));

    HashScan.Builder scan() {
        return HashScan.builder().pattern(prefix + "*").schema(SCHEMA);
    }

    @Test
    void malformedUrlFailsAtOnceWithTheExpectedForm() {
        assertThatThrownBy(() -> RedisArrow.connect("127.0.0.1:6379"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("redis://[[user]:password@]host[:port]");
    }

    @Test
    void refusedConnectionNamesHostAndPortWithinTheConnectTimeout() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (RedisArrow refused = RedisArrow.builder().url("redis://127.0.0.1:" + port).allocator(allocator)
                .connectTimeout(Duration.ofSeconds(2)).build()) {
            long start = System.nanoTime();
            StepVerifier.create(refused.scanHashes(scan().build()))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RedisConnectionException.class)
                            .hasMessageContaining("Unable to connect to 127.0.0.1:" + port))
                    .verify(Duration.ofSeconds(10));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @org.junit.jupiter.api.RepeatedTest(5)
    void wrongPasswordIsAnAuthenticationError() {
        try (LocalRedisServer secured = LocalRedisServer.builder().args("--requirepass", "right").start();
                RedisArrow wrong = RedisArrow.builder().url("redis://:wrong@127.0.0.1:" + secured.port())
                        .allocator(allocator).build()) {
            StepVerifier.create(wrong.scanHashes(scan().build()))
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(RedisConnectionException.class)
                                .hasMessageContaining("Authentication failed at 127.0.0.1:" + secured.port());
                        assertThat(rootCauseMessages(e)).containsIgnoringCase("WRONGPASS");
                    })
                    .verify(Duration.ofSeconds(10));
        }
    }

    @Test
    void aDatabaseTheServerDoesNotHaveNamesTheDatabaseAndTheServer() {
        try (RedisArrow db99 = RedisArrow.builder().url(server.url() + "/99").allocator(allocator)
                .connectTimeout(Duration.ofSeconds(2)).build()) {
            StepVerifier.create(db99.scanHashes(scan().build()))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RedisConnectionException.class)
                            .hasMessageContaining("database 99")
                            .hasMessageContaining(server.host() + ":" + server.port())
                            .hasMessageContaining("DB index is out of range"))
                    .verify(Duration.ofSeconds(5));
        }
    }

    /** An HTTP server answers the connection set-up with a status line; an SSH server greets first. */
    @Test
    void aServerThatDoesNotSpeakRespIsNamedAsSuch() {
        List<FakeServer> servers = List.of(
                FakeServer.answering("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)),
                FakeServer.greeting("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n".getBytes(StandardCharsets.US_ASCII)));
        try {
            for (FakeServer other : servers) {
                for (String url : List.of("redis://127.0.0.1:" + other.port(), "redis://:pw@127.0.0.1:" + other.port())) {
                    try (RedisArrow notRedis = RedisArrow.builder().url(url).allocator(allocator)
                            .connectTimeout(Duration.ofMillis(500)).build()) {
                        StepVerifier.create(notRedis.scanHashes(scan().build()))
                                .expectErrorSatisfies(e -> assertThat(e).as(url)
                                        .isInstanceOf(RedisConnectionException.class)
                                        .hasMessageContaining(other.address())
                                        .hasMessageContaining("does not speak RESP"))
                                .verify(Duration.ofSeconds(3));
                    }
                }
            }
        } finally {
            servers.forEach(FakeServer::close);
        }
    }

    /**
     * A URL of a node in cluster mode is read as a cluster (here one master serving every slot),
     * not as a standalone server.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aClusterNodeIsReadAsACluster(@TempDir Path dir) throws InterruptedException {
        try (LocalRedisServer node = LocalRedisServer.builder().search(false).args("--cluster-enabled", "yes",
                "--cluster-config-file", dir.resolve("nodes.conf").toString()).start()) {
            RedisClient client = RedisClient.create(node.url());
            try (StatefulRedisConnection<String, String> admin = client.connect()) {
                admin.sync().clusterAddSlotsRange(io.lettuce.core.Range.create(0, 16383));
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (!admin.sync().clusterInfo().contains("cluster_state:ok") && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                admin.sync().hset("{a}k", Map.of("name", "on this node"));
            } finally {
                client.shutdown();
            }
            try (RedisArrow cluster = RedisArrow.builder().url(node.url()).allocator(allocator).build()) {
                StepVerifier.create(cluster.scanHashes(HashScan.builder().schema(SCHEMA).build()))
                        .assertNext(batch -> {
                            try (batch) {
                                assertThat(batch.rowCount()).isEqualTo(1);
                                assertThat(batch.checkpoint().nodes()).singleElement()
                                        .satisfies(n -> assertThat(n.slots()).isEqualTo("0-16383"));
                            }
                        })
                        .expectComplete()
                        .verify(Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void anErrorReplyMidBatchFailsTheScanNamingTheCommandAndTheKey() {
        try (LocalRedisServer acl = LocalRedisServer.builder().search(false).start();
                RedisClient admin = RedisClient.create(acl.url());
                StatefulRedisConnection<String, String> connection = admin.connect()) {
            connection.sync().hset("allowed:1", Map.of("name", "a"));
            connection.sync().hset("forbidden:1", Map.of("name", "b"));
            connection.sync().hset("allowed:2", Map.of("name", "c"));
            // may SCAN every key, may read only allowed:*: HGETALL of forbidden:1 answers NOPERM
            connection.sync().aclSetuser("reader", io.lettuce.core.AclSetuserArgs.Builder.on().addPassword("pw")
                    .keyPattern("allowed:*").allCommands());
            try (RedisArrow reader = RedisArrow.builder().url("redis://reader:pw@127.0.0.1:" + acl.port())
                    .allocator(allocator).build()) {
                StepVerifier.create(reader.scanHashes(HashScan.builder().schema(SCHEMA).batchSize(3).build()))
                        .expectErrorSatisfies(e -> assertThat(e)
                                .isInstanceOf(io.lettuce.core.RedisCommandExecutionException.class)
                                .hasMessageStartingWith("HGETALL forbidden:1 failed: NOPERM"))
                        .verify(Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void unparsableValueUnderFailNamesKeyFieldValueAndType() {
        hset(prefix + "bad", Map.of("age", "forty-two", "name", "x"));
        StepVerifier.create(redis.scanHashes(scan().build()))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ValueConversionException.class)
                            .hasMessageContaining(prefix + "bad").hasMessageContaining("'age'")
                            .hasMessageContaining("forty-two").hasMessageContaining("Int64");
                    ValueConversionException conversion = (ValueConversionException) e;
                    assertThat(conversion.keyAsString()).isEqualTo(prefix + "bad");
                    assertThat(conversion.field()).isEqualTo("age");
                    assertThat(new String(conversion.value())).isEqualTo("forty-two");
                })
                .verify();
    }

    @Test
    void unparsableValueUnderNullIsNulledAndCounted() {
        hset(prefix + "bad", Map.of("age", "forty-two", "name", "x"));
        hset(prefix + "good", Map.of("age", "42", "name", "y"));
        long[] nulled = { 0 };
        List<Map<String, Object>> rows = Rows.collect(redis.scanHashes(scan().onParseError(ParseErrorPolicy.NULL)
                .build()).doOnNext(batch -> nulled[0] += batch.nulledValues()));
        assertThat(Rows.sortedBy(rows, "_key")).extracting(row -> row.get("age")).containsExactly(null, 42L);
        assertThat(nulled[0]).isEqualTo(1);
    }

    @Test
    void missingValueOfANonNullableFieldIsAnError() {
        Schema strict = new Schema(List.of(new Field("age", FieldType.notNullable(new ArrowType.Int(64, true)), null)));
        hset(prefix + "a", Map.of("name", "x", "age2", "1"));
        StepVerifier.create(redis.scanHashes(HashScan.builder().pattern(prefix + "*").schema(strict).build()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ValueConversionException.class)
                        .hasMessageContaining("not nullable"))
                .verify();
    }

    @Test
    void unsupportedTypeIsRejectedWhenTheScanIsBuilt() {
        Schema lists = new Schema(List.of(new Field("tags", FieldType.nullable(new ArrowType.List()),
                List.of(new Field("item", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)))));
        assertThatThrownBy(() -> HashScan.builder().schema(lists).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tags");
    }

    @Test
    void scanAfterCloseFails() {
        redis.close();
        StepVerifier.create(redis.scanHashes(scan().build()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("closed"))
                .verify();
    }

    private static String rootCauseMessages(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        return messages.toString();
    }
}
