package io.redisarrow.core.internal.channel;

import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.redisarrow.core.internal.reply.PendingReplies;
import io.redisarrow.core.internal.resp.RespWriter;
import io.redisarrow.testing.FakeServer;
import io.redisarrow.testing.RedisServerExtension;
import io.redisarrow.testing.RedisTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.Disposable;
import reactor.core.publisher.Hooks;
import reactor.test.StepVerifier;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read's channel against a real server and against servers that misbehave: its connection
 * set-up is bounded by the connect timeout, bytes that are not RESP are named as such, a deliberate
 * close ends awaited replies quietly, and a command buffer is released on every path.
 */
@ExtendWith(RedisServerExtension.class)
class RedisChannelIntegrationTests {

    static RedisTestServer server;

    static EventLoopGroup loops;

    @BeforeAll
    static void start(RedisTestServer redis) {
        server = redis;
        loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stop() {
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    static RedisChannel connect(String url, Duration timeout, EventLoopGroup group) {
        return new RedisEndpoint(RedisURI.create(url), timeout, group).connect().block(Duration.ofSeconds(10));
    }

    static ByteBuf command(RedisChannel channel, String... args) {
        ByteBuf out = channel.alloc().buffer();
        RespWriter.arrayHeader(out, args.length);
        for (String arg : args) {
            RespWriter.bulk(out, arg.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Counts the replies; one expected. */
    static final class OneReply extends PendingReplies {

        OneReply() {
            super(1);
        }
    }

    @Test
    void sendsAndReadsARoundTrip() {
        RedisChannel channel = connect(server.url(), Duration.ofSeconds(2), loops);
        try {
            StepVerifier.create(channel.send(command(channel, "PING"), new OneReply())).verifyComplete();
        } finally {
            channel.close().block();
        }
    }

    @Test
    void aSendAfterCloseReleasesTheCommandsAndFailsNamingTheServer() {
        RedisChannel channel = connect(server.url(), Duration.ofSeconds(2), loops);
        channel.close().block();
        ByteBuf commands = command(channel, "PING");
        StepVerifier.create(channel.send(commands, new OneReply()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RedisConnectionException.class)
                        .hasMessage("the connection to " + server.host() + ":" + server.port() + " was closed"))
                .verify(Duration.ofSeconds(5));
        assertThat(commands.refCnt()).isZero();
    }

    @Test
    void aSendAfterTheEventLoopStoppedReleasesTheCommandsAndFailsNamingTheServer() throws InterruptedException {
        EventLoopGroup own = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        RedisChannel channel = connect(server.url(), Duration.ofSeconds(2), own);
        channel.close().block();
        ByteBuf commands = command(channel, "PING");
        assertThat(own.shutdownGracefully(0, 0, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS)).isTrue();
        StepVerifier.create(channel.send(commands, new OneReply()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RedisConnectionException.class)
                        .hasMessage("the connection to " + server.host() + ":" + server.port() + " was closed"))
                .verify(Duration.ofSeconds(5));
        assertThat(commands.refCnt()).isZero();
    }

    /**
     * A reply that never comes (BLPOP on a key that never gets a value) is awaited when the channel
     * is closed: whether its subscriber has gone or not, nothing reaches the dropped-error hook.
     */
    @Test
    void closingWithRepliesAwaitedDropsNoError() {
        List<Throwable> dropped = new CopyOnWriteArrayList<>();
        Hooks.onErrorDropped(dropped::add);
        try {
            RedisChannel channel = connect(server.url(), Duration.ofSeconds(2), loops);
            String key = server.uniquePrefix("closingWithRepliesAwaitedDropsNoError") + "never";
            Disposable cancelled = channel.send(command(channel, "BLPOP", key, "0"), new OneReply()).subscribe();
            OneReply abandoned = new OneReply();
            channel.send(command(channel, "BLPOP", key, "0"), abandoned);
            cancelled.dispose();
            channel.close().block(Duration.ofSeconds(5));
            assertThat(abandoned.future()).isCancelled();
            assertThat(dropped).isEmpty();
        } finally {
            Hooks.resetOnErrorDropped();
        }
    }

    /** A process that accepts and never answers fails AUTH and SELECT within the connect timeout. */
    @ParameterizedTest
    @ValueSource(strings = { "redis://:s3cret@127.0.0.1:%d", "redis://127.0.0.1:%d/2" })
    void aSilentServerFailsTheSetUpWithinTheConnectTimeout(String url) {
        try (FakeServer silent = FakeServer.silent()) {
            StepVerifier.create(new RedisEndpoint(RedisURI.create(String.format(url, silent.port())),
                    Duration.ofMillis(300), loops).connect())
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RedisConnectionException.class)
                            .hasMessageStartingWith("Unable to connect to " + silent.address() + " within 300 ms")
                            .hasMessageContaining("no answer to the connection set-up"))
                    .verify(Duration.ofSeconds(3));
        }
    }

    @Test
    void anHttpServerIsNamedAsNotSpeakingRespInTheSetUp() {
        try (FakeServer http = FakeServer.answering(
                "HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII))) {
            StepVerifier.create(new RedisEndpoint(RedisURI.create("redis://:pw@127.0.0.1:" + http.port()),
                    Duration.ofMillis(500), loops).connect())
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RedisConnectionException.class)
                            .hasMessageStartingWith("The server at " + http.address() + " does not speak RESP"))
                    .verify(Duration.ofSeconds(5));
        }
    }

    /** Without AUTH or SELECT nothing is sent on connect: the first round trip finds out. */
    @Test
    void anSshServerIsNamedAsNotSpeakingRespAtTheFirstRoundTrip() {
        try (FakeServer ssh = FakeServer.greeting("SSH-2.0-OpenSSH_9.2p1\r\n".getBytes(StandardCharsets.US_ASCII))) {
            RedisChannel channel = connect("redis://127.0.0.1:" + ssh.port(), Duration.ofMillis(500), loops);
            try {
                StepVerifier.create(channel.send(command(channel, "PING"), new OneReply()))
                        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RedisConnectionException.class)
                                .hasMessageStartingWith("The server at " + ssh.address() + " does not speak RESP"))
                        .verify(Duration.ofSeconds(5));
            } finally {
                channel.close().block();
            }
        }
    }

    @Test
    void aDatabaseTheServerDoesNotHaveIsNamed() {
        StepVerifier.create(new RedisEndpoint(RedisURI.create(server.url() + "/99"), Duration.ofSeconds(2), loops).connect())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RedisConnectionException.class)
                        .hasMessageStartingWith("Redis at " + server.host() + ":" + server.port() + " has no database 99"))
                .verify(Duration.ofSeconds(5));
    }
}
