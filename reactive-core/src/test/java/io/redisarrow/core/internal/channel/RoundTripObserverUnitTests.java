package io.redisarrow.core.internal.channel;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.redisarrow.core.internal.observe.ReadObserver;
import io.redisarrow.core.internal.reply.PendingReplies;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher tells its observer of each round trip exactly once: sent when its replies are
 * registered, done when its last reply arrives, when the connection fails or when it is closed,
 * with the time from one to the other.
 */
class RoundTripObserverUnitTests {

    /** Records what it is told, and checks that in flight never goes below zero. */
    static final class Recording implements ReadObserver {

        final List<String> events = new CopyOnWriteArrayList<>();

        final List<Long> latencies = new CopyOnWriteArrayList<>();

        int inFlight;

        int lowest;

        @Override
        public synchronized void roundTripSent(int commands) {
            inFlight++;
            events.add("sent " + commands);
        }

        @Override
        public synchronized void roundTripDone(long nanos, boolean failed) {
            inFlight--;
            lowest = Math.min(lowest, inFlight);
            latencies.add(nanos);
            events.add(failed ? "failed" : "ok");
        }
    }

    static final class Replies extends PendingReplies {

        Replies(int expected) {
            super(expected);
        }
    }

    static void reply(EmbeddedChannel channel, String resp) {
        channel.writeInbound(Unpooled.copiedBuffer(resp, StandardCharsets.US_ASCII));
    }

    @Test
    void aRoundTripIsDoneWhenItsLastReplyArrives() {
        Recording observer = new Recording();
        ReplyDispatcher dispatcher = new ReplyDispatcher("127.0.0.1:1", observer);
        EmbeddedChannel channel = new EmbeddedChannel(dispatcher);
        dispatcher.expect(new Replies(2));
        dispatcher.expect(new Replies(1));
        assertThat(observer.events).containsExactly("sent 2", "sent 1");
        reply(channel, "+OK\r\n");
        assertThat(observer.events).as("one reply of two is not the end").hasSize(2);
        reply(channel, "+OK\r\n:1");
        assertThat(observer.events).containsExactly("sent 2", "sent 1", "ok");
        reply(channel, "\r\n");
        assertThat(observer.events).containsExactly("sent 2", "sent 1", "ok", "ok");
        assertThat(observer.inFlight).isZero();
        channel.finishAndReleaseAll();
    }

    @Test
    void aLostConnectionEndsEveryWaitingRoundTripOnceAsFailed() {
        Recording observer = new Recording();
        ReplyDispatcher dispatcher = new ReplyDispatcher("127.0.0.1:1", observer);
        EmbeddedChannel channel = new EmbeddedChannel(dispatcher);
        dispatcher.expect(new Replies(1));
        dispatcher.expect(new Replies(1));
        dispatcher.expect(new Replies(1));
        reply(channel, "+OK\r\n");
        channel.close();
        assertThat(observer.events).containsExactly("sent 1", "sent 1", "sent 1", "ok", "failed", "failed");
        assertThat(dispatcher.expect(new Replies(1))).as("a write after the failure is not sent").isFalse();
        assertThat(observer.events).hasSize(6);
        assertThat(observer.inFlight).isZero();
        assertThat(observer.lowest).isZero();
        channel.finishAndReleaseAll();
    }

    @Test
    void bytesThatAreNotRespEndTheWaitingRoundTripsOnceAsFailed() {
        Recording observer = new Recording();
        ReplyDispatcher dispatcher = new ReplyDispatcher("127.0.0.1:1", observer);
        EmbeddedChannel channel = new EmbeddedChannel(dispatcher);
        dispatcher.expect(new Replies(1));
        dispatcher.expect(new Replies(1));
        reply(channel, "HTTP/1.1 400 Bad Request\r\n\r\n");
        assertThat(observer.events).containsExactly("sent 1", "sent 1", "failed", "failed");
        assertThat(observer.lowest).isZero();
        channel.finishAndReleaseAll();
    }

    @Test
    void aDeliberateCloseEndsTheWaitingRoundTripsOnceAsFailed() {
        Recording observer = new Recording();
        ReplyDispatcher dispatcher = new ReplyDispatcher("127.0.0.1:1", observer);
        EmbeddedChannel channel = new EmbeddedChannel(dispatcher);
        Replies waiting = new Replies(1);
        dispatcher.expect(waiting);
        dispatcher.closing();
        dispatcher.cancelAll();
        channel.close();
        assertThat(waiting.future()).isCancelled();
        assertThat(observer.events).containsExactly("sent 1", "failed");
        channel.finishAndReleaseAll();
    }

    /**
     * More round trips wait than the dispatcher first keeps times for: each still gets its own
     * time (the first, written long before the others, the longest).
     */
    @Test
    void eachOfManyWaitingRoundTripsIsTimedFromItsOwnWrite() throws InterruptedException {
        Recording observer = new Recording();
        ReplyDispatcher dispatcher = new ReplyDispatcher("127.0.0.1:1", observer);
        EmbeddedChannel channel = new EmbeddedChannel(dispatcher);
        int count = 40;
        dispatcher.expect(new Replies(1));
        Thread.sleep(100);
        for (int i = 1; i < count; i++) {
            dispatcher.expect(new Replies(1));
        }
        reply(channel, "+OK\r\n".repeat(count / 2));
        for (int i = 0; i < count; i++) {
            dispatcher.expect(new Replies(1));
        }
        reply(channel, "+OK\r\n".repeat(count / 2 + count));
        assertThat(observer.latencies).hasSize(2 * count);
        assertThat(observer.latencies.get(0)).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(observer.latencies.subList(1, 2 * count))
                .allSatisfy(nanos -> assertThat(nanos).isBetween(0L, TimeUnit.MILLISECONDS.toNanos(100) - 1));
        assertThat(observer.inFlight).isZero();
        channel.finishAndReleaseAll();
    }

    /**
     * A read that ends with its last reply closes its channel from the reply's completion, on the
     * event loop, before the dispatcher takes the round trip off its queue: it is still done once,
     * as answered.
     */
    @Test
    void aCloseRunFromTheLastRepliesCompletionEndsTheRoundTripOnce() {
        Recording observer = new Recording();
        ReplyDispatcher dispatcher = new ReplyDispatcher("127.0.0.1:1", observer);
        EmbeddedChannel channel = new EmbeddedChannel(dispatcher);
        Replies last = new Replies(1);
        last.future().thenRun(() -> {
            dispatcher.closing();
            dispatcher.cancelAll();
        });
        dispatcher.expect(last);
        dispatcher.expect(new Replies(1));
        reply(channel, "+OK\r\n");
        assertThat(observer.events).containsExactly("sent 1", "sent 1", "ok", "failed");
        assertThat(observer.lowest).isZero();
        assertThat(observer.inFlight).isZero();
        channel.finishAndReleaseAll();
    }

    @Test
    void withoutAnObserverNothingIsTold() {
        ReplyDispatcher dispatcher = new ReplyDispatcher("127.0.0.1:1");
        EmbeddedChannel channel = new EmbeddedChannel(dispatcher);
        Replies replies = new Replies(1);
        dispatcher.expect(replies);
        reply(channel, "+OK\r\n");
        assertThat(replies.future()).isCompleted();
        channel.finishAndReleaseAll();
    }
}
