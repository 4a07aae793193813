package io.redisarrow.samples.webflux;

import io.redisarrow.arrow.RedisArrow;
import io.redisarrow.testing.RedisServerExtension;
import io.redisarrow.testing.RedisTestServer;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reactivestreams.Subscription;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a streaming response costs the server when the client is slow or goes away: bounded Arrow
 * memory and a scan that waits for the client, and every batch and connection released on
 * disconnect.
 */
@ExtendWith(RedisServerExtension.class)
@AutoConfigureWebTestClient(timeout = "30s")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "users.batch-size=" + StreamingResourcesIntegrationTests.BATCH)
class StreamingResourcesIntegrationTests {

    static final int BATCH = 200;

    private static final int BIO = 4096;

    private static String url;

    private static RedisKeys keys;

    @Autowired
    private WebTestClient web;

    @Autowired
    private RedisArrow redis;

    private String prefix;

    @BeforeAll
    static void connect(RedisTestServer server) {
        url = server.url();
        keys = new RedisKeys(url);
    }

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("redis.url", () -> url);
        registry.add("users.index", () -> "users-idx-streaming-" + System.nanoTime());
    }

    @BeforeEach
    void prefix(RedisTestServer server) {
        prefix = Users.PREFIX + server.uniquePrefix("stream");
    }

    @AfterEach
    void cleanUp() {
        keys.unlink(prefix + "*");
    }

    @AfterAll
    static void close() {
        keys.close();
    }

    @Test
    void aSlowClientHoldsTheScanBackAndTheServersArrowMemoryStaysNearOneBatch() throws Exception {
        int users = 10_000;
        keys.loadUsers(prefix, users, BIO);
        long before = keys.calls("hgetall");

        Flux<DataBuffer> body = web.get().uri("/users?pattern={p}", prefix + "*").accept(UsersHandler.ARROW)
                .exchange().expectStatus().isOk().returnResult(DataBuffer.class).getResponseBody();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        SlowReader reader = new SlowReader(received, 1 << 20);
        body.subscribe(reader);

        assertThat(reader.paused.await(10, TimeUnit.SECONDS)).as("read the first MiB").isTrue();
        long scanned = settle(() -> keys.calls("hgetall") - before);
        assertThat(scanned).as("hashes fetched while the client reads nothing (of %d)", users)
                .isLessThan(users / 2);

        reader.readRestSlowly();
        assertThat(reader.done.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(reader.error).isNull();
        assertThat(received.size()).isGreaterThan(users * BIO);
        try (RootAllocator allocator = new RootAllocator()) {
            assertThat(ArrowBodies.read(received.toByteArray(), allocator).rows()).hasSize(users);
        }
        long batchBytes = (long) BATCH * (BIO + 200);
        assertThat(redis.allocator().getPeakMemoryAllocation())
                .as("the service's Arrow memory at its peak, streaming %,d bytes in batches of about %,d",
                        received.size(), batchBytes)
                .isLessThan(4 * batchBytes);
        assertThat(redis.allocator().getAllocatedMemory()).isZero();
    }

    @Test
    void aClientThatGoesAwayMidStreamReleasesEveryBatchAndTheScansConnection() throws Exception {
        int users = 3000;
        keys.loadUsers(prefix, users, BIO);
        web.get().uri("/users?pattern={p}&limit=1", prefix + "*").exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult();
        long clients = keys.clients();
        long before = keys.calls("hgetall");

        Flux<DataBuffer> body = web.get().uri("/users?pattern={p}", prefix + "*").accept(UsersHandler.ARROW)
                .exchange().expectStatus().isOk().returnResult(DataBuffer.class).getResponseBody();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        SlowReader reader = new SlowReader(received, 256 * 1024);
        body.subscribe(reader);
        assertThat(reader.paused.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(keys.clients()).as("the scan's own fetch connection is open").isGreaterThan(clients);

        reader.dispose();

        await(() -> redis.allocator().getAllocatedMemory() == 0, "every batch closed");
        await(() -> keys.clients() == clients, "the scan's connection closed");
        assertThat(keys.calls("hgetall") - before).as("hashes fetched before the scan stopped").isLessThan(users);
    }

    /** @return the value once it has not changed for 300 ms */
    private static long settle(java.util.function.LongSupplier value) throws InterruptedException {
        long last = value.getAsLong();
        for (int i = 0; i < 50; i++) {
            Thread.sleep(300);
            long now = value.getAsLong();
            if (now == last) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /**
     * Reads one buffer at a time: quickly up to {@code pauseAfter} bytes, then nothing until told,
     * then the rest with a pause after every MiB.
     */
    private static final class SlowReader extends BaseSubscriber<DataBuffer> {

        final CountDownLatch paused = new CountDownLatch(1);

        final CountDownLatch done = new CountDownLatch(1);

        final ByteArrayOutputStream received;

        final long pauseAfter;

        final AtomicLong bytes = new AtomicLong();

        volatile boolean slow;

        volatile Throwable error;

        SlowReader(ByteArrayOutputStream received, long pauseAfter) {
            this.received = received;
            this.pauseAfter = pauseAfter;
        }

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            request(1);
        }

        @Override
        protected void hookOnNext(DataBuffer buffer) {
            long before = bytes.get();
            try {
                byte[] chunk = new byte[buffer.readableByteCount()];
                buffer.read(chunk);
                received.writeBytes(chunk);
                bytes.addAndGet(chunk.length);
            } finally {
                DataBufferUtils.release(buffer);
            }
            if (!slow) {
                if (bytes.get() >= pauseAfter) {
                    paused.countDown();
                    return;
                }
            } else if (bytes.get() >> 20 != before >> 20) {
                sleep(5);
            }
            request(1);
        }

        void readRestSlowly() {
            slow = true;
            request(1);
        }

        @Override
        protected void hookOnError(Throwable throwable) {
            error = throwable;
        }

        @Override
        protected void hookFinally(reactor.core.publisher.SignalType type) {
            done.countDown();
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
