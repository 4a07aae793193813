package io.redisarrow.arrow;

import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
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

    long calls(String command) {
        String info = new String(commands().info("commandstats").getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        for (String line : info.split("\r\n")) {
            if (line.startsWith("cmdstat_" + command + ":calls=")) {
                return Long.parseLong(line.substring(line.indexOf('=') + 1, line.indexOf(',')));
            }
        }
        return 0;
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
    void aLimitOfSeveralBatchesKeepsOnlyTheRoundTripsItCanFillInFlight() {
        loadHashes(2000, i -> Map.of("n", Integer.toString(i)));
        long before = calls("hmget");
        int rows = rows(HashScan.builder().pattern(prefix + "*").schema(SCHEMA).project("n").batchSize(100)
                .parallel(8).limit(150).build());
        assertThat(rows).isEqualTo(150);
        // two round trips of 100 keys can fill 150 rows, so at most two are in flight (not eight): the
        // fetch stays under limit + 2 x batchSize whatever parallel says
        assertThat(calls("hmget") - before).isBetween(150L, 350L);
    }
}
