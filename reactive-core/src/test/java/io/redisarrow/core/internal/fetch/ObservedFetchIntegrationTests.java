package io.redisarrow.core.internal.fetch;

import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.redisarrow.core.HashValues;
import io.redisarrow.core.RawBatch;
import io.redisarrow.core.internal.channel.RedisChannel;
import io.redisarrow.core.internal.channel.RedisEndpoint;
import io.redisarrow.core.internal.observe.LogCapture;
import io.redisarrow.core.internal.observe.ReadObserver;
import io.redisarrow.core.internal.observe.Telemetry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hash read's fetches on a channel opened with a {@link Telemetry} observer, against a real
 * server: the round trips it makes are counted (one per batch, one more when a batch needs its
 * EXISTS check), timed and no longer in flight once done; the batches the read reports show in the
 * meters and in the end line of the log, which holds no value.
 */
class ObservedFetchIntegrationTests extends FetchTestSupport {

    MeterRegistry registry;

    String node;

    @BeforeEach
    void load() {
        sync.hset(prefix + "a", Map.of("x", "secret-value-1", "y", "2"));
        sync.hset(prefix + "b", Map.of("z", "3"));
        registry = new SimpleMeterRegistry();
        node = server.host() + ":" + server.port();
        LogCapture.start();
    }

    @AfterEach
    void release() {
        LogCapture.stop();
    }

    /** Fetches each batch of keys on one channel, reporting batches and the end as a read does. */
    List<RawBatch> read(ReadObserver observer, HashValues values, List<List<byte[]>> batches) {
        RedisChannel channel = new RedisEndpoint(RedisURI.create(server.url()), Duration.ofSeconds(5), loops)
                .connect(observer).block(Duration.ofSeconds(10));
        try {
            FetchStage stage = new FetchStage(channel, TypeFetches.of(values), false, Duration.ofSeconds(10), () -> { });
            List<RawBatch> read = new ArrayList<>();
            for (List<byte[]> keys : batches) {
                RawBatch batch = stage.fetch(keys).block(Duration.ofSeconds(10));
                observer.batch(batch.rowCount(), batch.dataSize());
                read.add(batch);
            }
            observer.ended(null);
            return read;
        } finally {
            channel.close().block(Duration.ofSeconds(5));
        }
    }

    double count(String name, String outcome) {
        return registry.get(name).tag("operation", "hash").tag("node", node).tag("outcome", outcome).timer().count();
    }

    @Test
    void aReadCountsItsRoundTripsBatchesAndRows() {
        ReadObserver observer = Telemetry.of(registry).read("hash", node, "pattern '" + prefix + "*'");
        List<RawBatch> batches = read(observer, HashValues.of(List.of(), false),
                List.of(keys("a"), keys("b", "gone")));
        assertThat(count("redisarrow.round.trips", "ok")).as("HGETALL of each batch").isEqualTo(2);
        assertThat(registry.get("redisarrow.rows").counter().count()).isEqualTo(2);
        assertThat(registry.get("redisarrow.batches").counter().count()).isEqualTo(2);
        assertThat(registry.get("redisarrow.bytes.read").counter().count())
                .isEqualTo(batches.get(0).dataSize() + batches.get(1).dataSize()).isPositive();
        assertThat(registry.get("redisarrow.in.flight").gauge().value()).isZero();
        assertThat(registry.get("redisarrow.reads.active").gauge().value()).isZero();
        assertThat(registry.get("redisarrow.round.trips").tag("outcome", "ok").timer().max(TimeUnit.NANOSECONDS))
                .isPositive();
    }

    /** HMGET of a key with none of the fields asks EXISTS in a second round trip: both count. */
    @Test
    void aSecondRoundTripOfABatchCountsToo() {
        ReadObserver observer = Telemetry.of(registry).read("hash", node, "");
        long exists = calls("exists");
        read(observer, HashValues.of(List.of("x"), true), List.of(keys("a", "b")));
        assertThat(calls("exists") - exists).as("EXISTS of b").isEqualTo(1);
        assertThat(count("redisarrow.round.trips", "ok")).isEqualTo(2);
    }

    @Test
    void theReadLogsItsStartAndEndWithItsTotalsAndNoValue() {
        ReadObserver observer = Telemetry.of(null).read("hash", node, "keys of a test");
        read(observer, HashValues.of(List.of(), false), List.of(keys("a", "b")));
        List<String> lines = LogCapture.lines(Telemetry.READ_LOGGER);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("INFO hash keys of a test on " + node + ": started");
        assertThat(lines.get(1)).startsWith("DEBUG hash keys of a test on " + node + ": batch of 2 rows (");
        assertThat(lines.get(2)).startsWith("INFO hash keys of a test on " + node + ": ended after ")
                .endsWith(" ms, 2 rows in 1 batches (" + bytesOf(lines.get(1)) + " bytes), 1 round trips");
        assertThat(LogCapture.all()).noneMatch(line -> line.message().contains("secret-value"));
    }

    /** @return the bytes the batch line names */
    static String bytesOf(String batchLine) {
        return batchLine.substring(batchLine.indexOf('(') + 1, batchLine.indexOf(" bytes)"));
    }
}
