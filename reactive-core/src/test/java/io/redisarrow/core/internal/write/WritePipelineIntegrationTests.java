package io.redisarrow.core.internal.write;

import io.netty.buffer.ByteBuf;
import io.redisarrow.core.ConnectionOptions;
import io.redisarrow.core.RedisSession;
import io.redisarrow.core.WriteBatch;
import io.redisarrow.core.WriteEncoder;
import io.redisarrow.core.WriteOutcome;
import io.redisarrow.core.WriteReply;
import io.redisarrow.core.WriteRequest;
import io.redisarrow.testing.RedisServerExtension;
import io.redisarrow.testing.RedisTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write pipeline against a real server, with an encoder of the test's own that tracks every
 * item and every command buffer: on completion, error, cancel (at random moments) and take(n),
 * each item received is closed exactly once, each buffer is released, and no more than
 * {@code parallel} items are held ahead of the outcomes taken.
 */
@ExtendWith(RedisServerExtension.class)
class WritePipelineIntegrationTests {

    static RedisTestServer server;

    static io.lettuce.core.RedisClient client;

    static io.lettuce.core.api.sync.RedisCommands<String, String> redis;

    String prefix;

    RedisSession session;

    final Tracker tracker = new Tracker();

    @BeforeAll
    static void server(RedisTestServer testServer) {
        server = testServer;
        client = io.lettuce.core.RedisClient.create(testServer.url());
        redis = client.connect().sync();
    }

    @org.junit.jupiter.api.AfterAll
    static void shutdown() {
        client.shutdown();
    }

    List<String> keys(String pattern) {
        return redis.keys(pattern);
    }

    @BeforeEach
    void open(TestInfo info) {
        prefix = server.uniquePrefix(info.getTestMethod().orElseThrow().getName());
        session = RedisSession.create(ConnectionOptions.builder().url(server.url()).build());
    }

    @AfterEach
    void close() {
        session.close();
    }

    /** An input item: {@code rows} keys to SET. */
    static final class Item {

        final int index;

        final int rows;

        final AtomicInteger closes = new AtomicInteger();

        Item(int index, int rows) {
            this.index = index;
            this.rows = rows;
        }
    }

    /** An encoder of items: closing counts, the encoding is the test's. */
    abstract static class ItemEncoder implements WriteEncoder<Item> {

        @Override
        public void close(Item item) {
            item.closes.incrementAndGet();
        }

        @Override
        public Class<Item> type() {
            return Item.class;
        }
    }

    /** Encodes items as SETs, fails on a chosen item, and records what it made. */
    final class Tracker extends ItemEncoder {

        final Queue<Item> received = new ConcurrentLinkedQueue<>();

        final Queue<ByteBuf> buffers = new ConcurrentLinkedQueue<>();

        final AtomicLong emitted = new AtomicLong();

        volatile int failOn = -1;

        Flux<Item> items(int count, int rows) {
            return Flux.range(0, count).map(i -> {
                Item item = new Item(i, rows);
                received.add(item);
                emitted.incrementAndGet();
                return item;
            });
        }

        @Override
        public WriteBatch encode(Item item) {
            if (item.index == failOn) {
                throw new IllegalArgumentException("item " + item.index + " cannot be written");
            }
            WriteBatch batch = new WriteBatch(item.rows, item.rows, 64);
            buffers.add(batch.commands());
            ByteBuf out = batch.commands();
            for (int row = 0; row < item.rows; row++) {
                byte[] key = (prefix + item.index + ":" + row).getBytes(StandardCharsets.UTF_8);
                out.writeCharSequence("*3\r\n$3\r\nSET\r\n$" + key.length + "\r\n", StandardCharsets.UTF_8);
                out.writeBytes(key);
                out.writeCharSequence("\r\n$1\r\nv\r\n", StandardCharsets.UTF_8);
                batch.unit(WriteReply.APPLIED, 0, key, 0, key.length, 1);
            }
            return batch;
        }


        void assertEverythingReleased() {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline && !released()) {
                Thread.onSpinWait();
            }
            assertThat(received).allSatisfy(item -> assertThat(item.closes).as("closes of item %d", item.index).hasValue(1));
            assertThat(buffers).allSatisfy(buffer -> assertThat(buffer.refCnt()).isZero());
        }

        private boolean released() {
            return received.stream().allMatch(i -> i.closes.get() == 1) && buffers.stream().allMatch(b -> b.refCnt() == 0);
        }
    }

    Flux<WriteOutcome> write(Flux<Item> items, int parallel) {
        return session.write(items, tracker, new WriteRequest(parallel, Schedulers.parallel(), Set.of(), null));
    }

    @Test
    void writesEveryItemInOrderAndReleasesAll() {
        List<WriteOutcome> outcomes = write(tracker.items(50, 20), 4).collectList().block();
        assertThat(outcomes).hasSize(50).allSatisfy(o -> assertThat(o.written()).isEqualTo(20));
        assertThat(keys(prefix + "*")).hasSize(1000);
        tracker.assertEverythingReleased();
    }

    @Test
    void anEncoderErrorFailsTheWriteBeforeItsBatchIsSent() {
        tracker.failOn = 7;
        StepVerifier.create(write(tracker.items(50, 5), 1)).expectNextCount(7)
                .expectErrorMessage("item 7 cannot be written").verify(Duration.ofSeconds(10));
        assertThat(keys(prefix + "7:*")).isEmpty();
        tracker.assertEverythingReleased();
    }

    @Test
    void anUpstreamErrorEndsTheWriteAndReleasesWhatItHeld() {
        StepVerifier.create(write(tracker.items(20, 5).concatWith(Flux.error(new IllegalStateException("upstream"))), 4))
                .thenConsumeWhile(outcome -> true).expectErrorMessage("upstream").verify(Duration.ofSeconds(10));
        tracker.assertEverythingReleased();
    }

    @Test
    void takeOfTheOutcomesCancelsAndReleases() {
        assertThat(write(tracker.items(1000, 50), 8).take(3).collectList().block()).hasSize(3);
        tracker.assertEverythingReleased();
        assertThat(tracker.emitted.get()).isLessThanOrEqualTo(3 + 8 + 1);
    }

    @RepeatedTest(25)
    void cancelAtARandomMomentReleasesEverything() throws InterruptedException {
        Disposable write = write(tracker.items(10_000, 200).subscribeOn(Schedulers.boundedElastic()), 8).subscribe();
        Thread.sleep(ThreadLocalRandom.current().nextInt(30));
        write.dispose();
        tracker.assertEverythingReleased();
    }

    @Test
    void holdsAtMostParallelItemsAheadOfTheOutcomesTaken() throws InterruptedException {
        int parallel = 3;
        AtomicLong taken = new AtomicLong();
        AtomicLong mostAhead = new AtomicLong();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        reactor.core.publisher.BaseSubscriber<WriteOutcome> slow = new reactor.core.publisher.BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(org.reactivestreams.Subscription subscription) {
                // no demand at first
            }

            @Override
            protected void hookOnNext(WriteOutcome outcome) {
                taken.incrementAndGet();
                request(1);
            }

            @Override
            protected void hookFinally(reactor.core.publisher.SignalType type) {
                done.countDown();
            }
        };
        write(tracker.items(60, 10).doOnNext(item -> mostAhead.accumulateAndGet(tracker.emitted.get() - taken.get(),
                Math::max)), parallel).subscribe(slow);
        Thread.sleep(300);
        assertThat(tracker.emitted.get()).as("items taken with no demand").isZero();
        slow.request(1);
        assertThat(done.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(taken.get()).isEqualTo(60);
        assertThat(mostAhead.get()).as("items held ahead of the outcomes taken").isLessThanOrEqualTo(parallel);
        tracker.assertEverythingReleased();
    }

    @Test
    void batchesEncodedInParallelReachTheServerInInputOrder() {
        byte[] list = (prefix + "list").getBytes(StandardCharsets.UTF_8);
        WriteEncoder<Item> slowAndUneven = new ItemEncoder() {
            @Override
            public WriteBatch encode(Item item) {
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextInt(8));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                WriteBatch batch = new WriteBatch(1, 1, 64);
                tracker.buffers.add(batch.commands());
                String element = Integer.toString(item.index);
                batch.commands().writeCharSequence("*3\r\n$5\r\nRPUSH\r\n$" + list.length + "\r\n", StandardCharsets.UTF_8);
                batch.commands().writeBytes(list);
                batch.commands().writeCharSequence("\r\n$" + element.length() + "\r\n" + element + "\r\n",
                        StandardCharsets.UTF_8);
                batch.unit(WriteReply.APPLIED, 0, list, 0, list.length, 1);
                return batch;
            }
        };
        session.write(tracker.items(200, 1), slowAndUneven, new WriteRequest(8, Schedulers.parallel(), Set.of(), null))
                .blockLast();
        assertThat(redis.lrange(prefix + "list", 0, -1))
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 200).mapToObj(Integer::toString).toList());
        tracker.assertEverythingReleased();
    }

    @Test
    void aBatchWithoutCommandsNeedsNoRoundTrip() {
        WriteEncoder<Item> empty = new ItemEncoder() {
            @Override
            public WriteBatch encode(Item item) {
                WriteBatch batch = new WriteBatch(3, 1, 16);
                tracker.buffers.add(batch.commands());
                batch.skippedWithoutCommand(2);
                batch.writtenWithoutCommand(1);
                return batch;
            }
        };
        List<WriteOutcome> outcomes = session.write(tracker.items(2, 3), empty,
                new WriteRequest(2, Schedulers.parallel(), Set.of(), null)).collectList().block();
        assertThat(outcomes).extracting(WriteOutcome::skipped).containsExactly(2L, 2L);
        tracker.assertEverythingReleased();
    }
}
