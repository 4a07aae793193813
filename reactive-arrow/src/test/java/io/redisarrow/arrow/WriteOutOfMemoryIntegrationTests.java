package io.redisarrow.arrow;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.redisarrow.testing.LocalRedisServer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that runs out of memory mid-write ({@code maxmemory} small, no eviction) refuses keys
 * one by one: each is reported with the server's {@code OOM} reason, every other key is written,
 * and nothing is dropped silently: the keys in the server are exactly those reported written.
 */
class WriteOutOfMemoryIntegrationTests {

    static final Schema SCHEMA = new Schema(List.of(Field.nullable("_key", ArrowType.Utf8.INSTANCE),
            Field.nullable("payload", ArrowType.Utf8.INSTANCE)));

    static final int BATCHES = 40;

    static final int ROWS = 100;

    LocalRedisServer server;

    BufferAllocator allocator;

    @BeforeEach
    void start() {
        server = LocalRedisServer.builder().noModules().args("--maxmemory", "4mb", "--maxmemory-policy", "noeviction")
                .start();
        allocator = new RootAllocator();
    }

    @AfterEach
    void stop() {
        server.close();
        assertThat(allocator.getAllocatedMemory()).isZero();
        allocator.close();
    }

    @ParameterizedTest
    @EnumSource(WriteMode.class)
    void everyKeyIsWrittenOrReportedWithTheServersReason(WriteMode mode) {
        String payload = "x".repeat(1000);
        List<RecordBatch> batches = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            List<Object[]> rows = new ArrayList<>();
            for (int r = 0; r < ROWS; r++) {
                rows.add(new Object[] { "k:" + b + ":" + r, payload });
            }
            batches.add(TestBatches.of(allocator, SCHEMA, rows));
        }
        List<WriteResult> results;
        try (RedisArrow redis = RedisArrow.builder().url(server.url()).allocator(allocator).build()) {
            results = redis.writeHashes(Flux.fromIterable(batches), HashWrite.builder().mode(mode)
                    .onWriteError(WriteErrorPolicy.REPORT).build()).collectList().block();
        }
        assertThat(results).hasSize(BATCHES);
        long written = results.stream().mapToLong(WriteResult::written).sum();
        long failed = results.stream().mapToLong(WriteResult::failed).sum();
        assertThat(written + failed).isEqualTo((long) BATCHES * ROWS);
        assertThat(failed).as("the server ran out of memory").isPositive();
        assertThat(written).as("keys were written before it did").isPositive();
        Set<String> failedKeys = new HashSet<>();
        results.forEach(r -> r.failures().forEach(f -> {
            assertThat(f.reason()).startsWith("OOM");
            failedKeys.add(f.key());
        }));
        try (RedisClient client = RedisClient.create(server.url());
                StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
            Set<String> stored = new HashSet<>();
            connection.sync().keys("k:*")
                    .forEach(k -> stored.add(new String(k, StandardCharsets.UTF_8)));
            assertThat(stored).hasSize((int) written).doesNotContainAnyElementsOf(failedKeys);
        }
    }
}
