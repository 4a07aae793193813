package io.redisarrow.core.internal.channel;

import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.redisarrow.core.internal.channel.RoundTripObserverUnitTests.Recording;
import io.redisarrow.core.internal.observe.ReadObserver;
import io.redisarrow.core.internal.observe.Telemetry;
import io.redisarrow.core.internal.reply.PendingReplies;
import io.redisarrow.testing.RedisServerExtension;
import io.redisarrow.testing.RedisTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.redisarrow.core.internal.channel.RedisChannelIntegrationTests.command;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A channel opened with an observer reports each round trip on a real server exactly once, as
 * done when its replies arrive, and as failed when the read abandons it (cancel, close) or the
 * server drops the connection; the meters of {@link Telemetry} follow: the round trip timer by
 * outcome, and the in-flight gauge back to zero.
 */
@ExtendWith(RedisServerExtension.class)
class RoundTripObserverIntegrationTests {

    static RedisTestServer server;

    static EventLoopGroup loops;

    String key;

    @BeforeAll
    static void start(RedisTestServer redis) {
        server = redis;
        loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stop() {
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    @BeforeEach
    void key(TestInfo info) {
        key = server.uniquePrefix(info.getTestMethod().orElseThrow().getName()) + "never";
    }

    static RedisChannel connect(String url, ReadObserver observer) {
        return new RedisEndpoint(RedisURI.create(url), Duration.ofSeconds(5), loops).connect(observer)
                .block(Duration.ofSeconds(10));
    }

    static String node() {
        return server.host() + ":" + server.port();
    }

    /** Expects {@code count} replies; keeps the last integer. */
    static final class Replies extends PendingReplies {

        volatile long integer;

        Replies(int count) {
            super(count);
        }

        @Override
        public void integer(long value) {
            integer = value;
        }
    }

    /** Waits up to 5 seconds for {@code condition}. */
    static void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 5 s").isLessThan(deadline);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static double gauge(MeterRegistry registry, String name) {
        return registry.get(name).tag("operation", "hash").tag("node", node()).gauge().value();
    }

    static long roundTrips(MeterRegistry registry, String outcome) {
        return registry.get("redisarrow.round.trips").tag("operation", "hash").tag("node", node())
                .tag("outcome", outcome).timer().count();
    }

    @Test
    void theMetersCountEachRoundTripAndTheGaugeFollowsWhatIsInFlight() {
        MeterRegistry registry = new SimpleMeterRegistry();
        RedisChannel channel = connect(server.url(), Telemetry.of(registry).read("hash", node(), "test"));
        try {
            for (int i = 0; i < 3; i++) {
                StepVerifier.create(channel.send(command(channel, "PING"), new Replies(1))).verifyComplete();
            }
            StepVerifier.create(channel.send(command(channel, "PING").writeBytes(command(channel, "PING")), new Replies(2)))
                    .verifyComplete();
            // the reply's subscriber may hear of it a moment before the round trip is done
            until(() -> roundTrips(registry, "ok") == 4);
            assertThat(gauge(registry, "redisarrow.in.flight")).isZero();

            Replies blocked = new Replies(1);
            channel.send(command(channel, "BLPOP", key, "0"), blocked).subscribe();
            until(() -> gauge(registry, "redisarrow.in.flight") == 1);
            assertThat(registry.get("redisarrow.round.trips").tag("outcome", "ok").timer().totalTime(TimeUnit.NANOSECONDS))
                    .isPositive();
        } finally {
            channel.close().block(Duration.ofSeconds(5));
        }
        assertThat(roundTrips(registry, "failed")).as("the BLPOP abandoned by the close").isEqualTo(1);
        assertThat(roundTrips(registry, "ok")).isEqualTo(4);
        assertThat(gauge(registry, "redisarrow.in.flight")).isZero();
    }

    /** The server drops the connection (CLIENT KILL) while a reply is awaited. */
    @Test
    void aLostConnectionEndsTheRoundTripAwaitedOnceAsFailed() {
        Recording observer = new Recording();
        RedisChannel channel = connect(server.url(), observer);
        RedisChannel killer = connect(server.url(), ReadObserver.NONE);
        try {
            Replies id = new Replies(1);
            StepVerifier.create(channel.send(command(channel, "CLIENT", "ID"), id)).verifyComplete();
            Replies blocked = new Replies(1);
            CompletableFuture<Void> awaited = channel.send(command(channel, "BLPOP", key, "0"), blocked).toFuture();
            until(() -> observer.events.size() == 3);
            StepVerifier.create(killer.send(command(killer, "CLIENT", "KILL", "ID", Long.toString(id.integer)),
                    new Replies(1))).verifyComplete();
            until(awaited::isDone);
            assertThat(awaited).isCompletedExceptionally();
            StepVerifier.create(channel.send(command(channel, "PING"), new Replies(1))).verifyError();
        } finally {
            channel.close().block(Duration.ofSeconds(5));
            killer.close().block(Duration.ofSeconds(5));
        }
        assertThat(observer.events).containsExactly("sent 1", "ok", "sent 1", "failed");
        assertThat(observer.inFlight).isZero();
        assertThat(observer.lowest).isZero();
    }

    /** The subscriber cancels while the reply is awaited, then the read closes its channel. */
    @Test
    void aRoundTripCancelledMidFlightEndsOnceAsFailedWhenTheChannelCloses() {
        Recording observer = new Recording();
        RedisChannel channel = connect(server.url(), observer);
        Disposable subscription = channel.send(command(channel, "BLPOP", key, "0"), new Replies(1)).subscribe();
        until(() -> observer.events.size() == 1);
        subscription.dispose();
        assertThat(observer.events).as("cancelling stops waiting, the reply is still due").containsExactly("sent 1");
        channel.close().block(Duration.ofSeconds(5));
        channel.close().block(Duration.ofSeconds(5));
        assertThat(observer.events).containsExactly("sent 1", "failed");
        assertThat(observer.inFlight).isZero();
    }

    @Test
    void theSetUpOfADatabaseIsTheChannelsFirstRoundTrip() {
        Recording observer = new Recording();
        RedisChannel channel = connect(server.url() + "/1", observer);
        try {
            // the channel is handed over as the reply completes, just before the round trip is done
            until(() -> observer.events.size() == 2);
            assertThat(observer.events).containsExactly("sent 1", "ok");
        } finally {
            channel.close().block(Duration.ofSeconds(5));
        }
    }

    @Test
    void anObserverThatThrowsBreaksNoRoundTrip() {
        ReadObserver throwing = new ReadObserver() {
            @Override
            public void roundTripSent(int commands) {
                throw new IllegalStateException("sent");
            }

            @Override
            public void roundTripDone(long nanos, boolean failed) {
                throw new IllegalStateException("done");
            }
        };
        RedisChannel channel = connect(server.url(), throwing);
        try {
            for (int i = 0; i < 3; i++) {
                StepVerifier.create(channel.send(command(channel, "PING"), new Replies(1))).verifyComplete();
            }
        } finally {
            channel.close().block(Duration.ofSeconds(5));
        }
    }
}
