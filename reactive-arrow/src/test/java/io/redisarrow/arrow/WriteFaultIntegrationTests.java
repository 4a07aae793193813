package io.redisarrow.arrow;

import io.lettuce.core.AclCategory;
import io.lettuce.core.AclSetuserArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.redisarrow.core.RedisArrowException;
import io.redisarrow.testing.LocalRedisServer;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The faults of a real server during a write end it with an error in bounded time and leak
 * nothing: a server that goes away mid-write, one that stalls, and a user who may not load the
 * write scripts (told so before anything is written).
 */
class WriteFaultIntegrationTests extends ScanTestSupport {

    static final Schema SCHEMA = new Schema(List.of(Field.nullable("_key", ArrowType.Utf8.INSTANCE),
            Field.nullable("v", ArrowType.Utf8.INSTANCE)));

    final Queue<RecordBatch> made = new ConcurrentLinkedQueue<>();

    Flux<RecordBatch> batches(int count) {
        return Flux.range(0, count).map(b -> {
            List<Object[]> rows = new ArrayList<>();
            for (int r = 0; r < 500; r++) {
                rows.add(new Object[] { "k:" + b + ":" + r, "value " + r });
            }
            RecordBatch batch = TestBatches.of(allocator, SCHEMA, rows);
            made.add(batch);
            return batch;
        });
    }

    void assertEveryBatchClosed() {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline && !made.stream().allMatch(RecordBatch::isClosed)) {
            Thread.onSpinWait();
        }
        assertThat(made).allMatch(RecordBatch::isClosed);
    }

    @Test
    void aServerThatGoesAwayMidWriteFailsIt() {
        LocalRedisServer server = LocalRedisServer.builder().noModules().start();
        try (RedisArrow writer = RedisArrow.builder().url(server.url()).allocator(allocator).build()) {
            Flux<RecordBatch> input = batches(100_000).doOnNext(batch -> {
                if (made.size() == 20) {
                    server.close();
                }
            });
            StepVerifier.create(writer.writeHashes(input, HashWrite.builder().build()))
                    .thenConsumeWhile(result -> true)
                    .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining(server.host() + ":" + server.port()))
                    .verify(Duration.ofSeconds(20));
        } finally {
            server.close();
        }
        assertEveryBatchClosed();
        assertThat(made.size()).as("the input stopped with the write").isLessThan(100);
    }

    @Test
    void aStalledServerFailsTheWriteWithinTheCommandTimeout() {
        try (LocalRedisServer server = LocalRedisServer.builder().noModules().start();
                RedisArrow writer = RedisArrow.builder().url(server.url()).allocator(allocator)
                        .commandTimeout(Duration.ofMillis(300)).build()) {
            Flux<RecordBatch> input = batches(1000).doOnNext(batch -> {
                if (made.size() == 3) {
                    FaultIntegrationTests.pause(server, 1500);
                }
            });
            long start = System.nanoTime();
            StepVerifier.create(writer.writeHashes(input, HashWrite.builder().build()))
                    .thenConsumeWhile(result -> true)
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RedisCommandTimeoutException.class)
                            .hasMessageContaining("timed out after 300 ms"))
                    .verify(Duration.ofSeconds(10));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
        assertEveryBatchClosed();
    }

    @Test
    void aUserWhoMayNotLoadScriptsIsToldBeforeAnythingIsWritten() {
        try (LocalRedisServer server = LocalRedisServer.builder().noModules().start()) {
            RedisClient admin = RedisClient.create(server.url());
            try (StatefulRedisConnection<String, String> connection = admin.connect()) {
                connection.sync().aclSetuser("writer", AclSetuserArgs.Builder.on().addPassword("secret").allKeys()
                        .allCommands().removeCategory(AclCategory.SCRIPTING));
                String url = "redis://writer:secret@" + server.host() + ":" + server.port();
                try (RedisArrow writer = RedisArrow.builder().url(url).allocator(allocator).build()) {
                    StepVerifier.create(writer.writeHashes(batches(3), HashWrite.builder().mode(WriteMode.SKIP_EXISTING).build()))
                            .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RedisArrowException.class)
                                    .hasMessageContaining("SCRIPT LOAD").hasMessageContaining("NOPERM"))
                            .verify(Duration.ofSeconds(10));
                }
                assertThat(connection.sync().dbsize()).isZero();
            } finally {
                admin.shutdown();
            }
        }
    }
}
