package io.redisarrow.samples.kafka;

import io.redisarrow.testing.RedisServerExtension;
import io.redisarrow.testing.RedisTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith({ RedisServerExtension.class, KafkaBrokerExtension.class })
class KafkaSampleIntegrationTests {

    @Test
    void publishesEveryUserAsJsonRowsAndPrintsTheCountsAndRate(RedisTestServer redis, EmbeddedKafka kafka) {
        String prefix = redis.uniquePrefix("sample-json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KafkaSample.Summary summary = KafkaSample.run(redis.url(), kafka.bootstrapServers(), prefix,
                topic(prefix), 3000, RecordFormat.JSON_ROWS, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(summary.rows()).isEqualTo(3000);
        assertThat(summary.records()).isEqualTo(3000);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("loading 3,000 users", "one JSON object per row",
                "published 3,000 rows as 3,000 records", "rows/s", ": 3,000 records added");
    }

    @Test
    void publishesEveryUserAsArrowBatchesOneRecordEach(RedisTestServer redis, EmbeddedKafka kafka) {
        String prefix = redis.uniquePrefix("sample-arrow");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KafkaSample.Summary summary = KafkaSample.run(redis.url(), kafka.bootstrapServers(), prefix,
                topic(prefix), 6_000, RecordFormat.ARROW_IPC, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(summary.rows()).isEqualTo(6_000);
        assertThat(summary.records()).isEqualTo(summary.batches()).isGreaterThanOrEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("one Arrow IPC stream per batch",
                "published 6,000 rows as " + summary.records() + " records",
                ": " + summary.records() + " records added");
    }

    private static String topic(String prefix) {
        return prefix.replaceAll("[^A-Za-z0-9._-]", "-");
    }
}
