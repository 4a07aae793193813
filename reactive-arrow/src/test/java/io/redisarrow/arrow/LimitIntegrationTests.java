package io.redisarrow.arrow;

import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A row limit caps what is fetched, not only what is emitted: {@code limit(n)} sends about n value
 * commands, not {@code parallel x batchSize} of them. Counted from the server's own command
 * statistics, so the test sees what Redis did.
 */
class LimitIntegrationTests extends ScanTestSupport {

    static final Schema SCHEMA = new Schema(List.of(new Field("n", FieldType.nullable(new ArrowType.Int(64, true)), null)));

    /** @return calls of the command so far; {@code stat} is {@code calls} or {@code failed_calls} */
    static long stat(String command, String stat) {
        String info = commands().info("commandstats");
        for (String line : info.split("\r\n")) {
            if (line.startsWith("cmdstat_" + command + ":")) {
                for (String pair : line.substring(line.indexOf(':') + 1).split(",")) {
                    if (pair.startsWith(stat + "=")) {
                        return Long.parseLong(pair.substring(stat.length() + 1));
                    }
                }
            }
        }
        return 0;
    }

    static long calls(String command) {
        return stat(command, "calls");
    }

    int rows(HashScan scan) {
        return redis.scanHashes(scan).map(batch -> {
            try (batch) {
                return batch.rowCount();
            }
        }).reduce(0, Integer::sum).block();
    }

    @Test
    void aSmallLimitFetchesOnlyAsManyKeysAsRowsWanted() {
        loadHashes(2000, i -> Map.of("n", Integer.toString(i)));
        long before = calls("hgetall");
        int rows = rows(HashScan.builder().pattern(prefix + "*").schema(SCHEMA).batchSize(1000).parallel(4).limit(10)
                .build());
        assertThat(rows).isEqualTo(10);
        assertThat(calls("hgetall") - before).isEqualTo(10);
    }

    @Test
    void aLimitOfSeveralBatchesFetchesExactlyTheRowsWanted() {
        loadHashes(2000, i -> Map.of("n", Integer.toString(i)));
        long before = calls("hmget");
        int rows = rows(HashScan.builder().pattern(prefix + "*").schema(SCHEMA).project("n").batchSize(100)
                .parallel(8).limit(150).build());
        assertThat(rows).isEqualTo(150);
        assertThat(calls("hmget") - before).isEqualTo(150);
    }

    @Test
    void keysThatYieldNoRowAreReplacedUntilTheLimitIsFilled() {
        loadHashes(300, i -> Map.of("n", Integer.toString(i)));
        for (int i = 0; i < 300; i += 2) {
            commands().del(bytes(prefix + i));
            commands().set(bytes(prefix + i), bytes("not a hash"));
        }
        long before = calls("hgetall");
        long failedBefore = stat("hgetall", "failed_calls");
        int rows = rows(HashScan.builder().pattern(prefix + "*").schema(SCHEMA).typeFilter(false).batchSize(40)
                .parallel(4).limit(100).build());
        assertThat(rows).isEqualTo(100);
        long wrongType = stat("hgetall", "failed_calls") - failedBefore;
        // strings answer WRONGTYPE and yield no row; each is replaced, and no hash beyond the 100th is fetched
        assertThat(wrongType).isPositive();
        assertThat(calls("hgetall") - before - wrongType).isEqualTo(100);
    }

    @Test
    void aLimitedReadReleasesEverythingOnTakeAndOnCancelWhileAReservationWaits() {
        loadHashes(500, i -> Map.of("n", Integer.toString(i)));
        HashScan scan = HashScan.builder().pattern(prefix + "*").schema(SCHEMA).batchSize(20).parallel(4).limit(300)
                .build();
        // take(1): the other round trips in flight and a key reservation waiting for its budget are cancelled
        assertThat(redis.scanHashes(scan).take(1).map(LimitIntegrationTests::close).blockLast()).isEqualTo(20);
        reactor.test.StepVerifier.create(redis.scanHashes(scan), 0)
                .thenRequest(2)
                .consumeNextWith(RecordBatch::close)
                .consumeNextWith(RecordBatch::close)
                .thenCancel()
                .verify(java.time.Duration.ofSeconds(10));
        // the fixture asserts the allocator empty after the test
    }

    static int close(RecordBatch batch) {
        try (batch) {
            return batch.rowCount();
        }
    }
}
