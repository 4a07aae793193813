package io.redisarrow.arrow;

import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Demand drives I/O: counts the commands the server executed (INFO commandstats) at each step.
 */
class BackpressureIntegrationTests extends ScanTestSupport {

    static final Schema SCHEMA = new Schema(List.of(new Field("n", FieldType.nullable(new ArrowType.Int(32, true)), null)));

    static final int BATCH = 10;

    static final int PARALLEL = 2;

    @BeforeEach
    void load() {
        loadHashes(1000, i -> Map.of("n", Integer.toString(i)));
        commands().configResetstat();
    }

    Flux scan() {
        return new Flux(redis.scanHashes(HashScan.builder().pattern(prefix + "*").schema(SCHEMA).batchSize(BATCH)
                .countHint(BATCH).parallel(PARALLEL).build()));
    }

    record Flux(reactor.core.publisher.Flux<RecordBatch> batches) {
    }

    static long calls(String command) {
        String stats = new String(commands().info("commandstats").getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        for (String line : stats.split("\r?\n")) {
            if (line.startsWith("cmdstat_" + command + ":")) {
                String calls = line.substring(line.indexOf("calls=") + 6);
                return Long.parseLong(calls.substring(0, calls.indexOf(',')));
            }
        }
        return 0;
    }

    static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void doesNotScanBeforeDemand() {
        StepVerifier.create(scan().batches(), 0)
                .expectSubscription()
                .then(() -> {
                    pause();
                    assertThat(calls("scan")).isZero();
                    assertThat(calls("hgetall")).isZero();
                })
                .thenCancel()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void fetchesOnlyABoundedPrefetchAheadOfDemand() {
        StepVerifier.create(scan().batches(), 0)
                .thenRequest(1)
                .consumeNextWith(RecordBatch::close)
                .then(() -> {
                    pause();
                    // the emitted batch, the next one waiting to be decoded, and PARALLEL round trips behind it
                    assertThat(calls("hgetall")).isEqualTo((long) (PARALLEL + 2) * BATCH);
                })
                .thenRequest(1)
                .consumeNextWith(RecordBatch::close)
                .then(() -> {
                    pause();
                    assertThat(calls("hgetall")).isEqualTo((long) (PARALLEL + 3) * BATCH);
                })
                .thenCancel()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void startsNoFetchAfterCancel() {
        StepVerifier.create(scan().batches(), 0)
                .thenRequest(3)
                .consumeNextWith(RecordBatch::close)
                .consumeNextWith(RecordBatch::close)
                .consumeNextWith(RecordBatch::close)
                .thenCancel()
                .verify(Duration.ofSeconds(10));
        pause();
        long scans = calls("scan");
        long fetches = calls("hgetall");
        pause();
        assertThat(calls("scan")).isEqualTo(scans);
        // three emitted, one waiting, and at most PARALLEL round trips behind it when the cancel came
        assertThat(calls("hgetall")).isEqualTo(fetches).isLessThanOrEqualTo((long) (PARALLEL + 4) * BATCH);
    }

    @Test
    void limitStopsScanningEarly() {
        Rows.collect(redis.scanHashes(HashScan.builder().pattern(prefix + "*").schema(SCHEMA).batchSize(BATCH)
                .countHint(BATCH).parallel(PARALLEL).limit(25).build()));
        pause();
        // batches are sized by the rows still wanted (10, 10, then 5), and every key holds a hash, so
        // exactly 25 keys are fetched
        assertThat(calls("hgetall")).isEqualTo(25);
    }
}
