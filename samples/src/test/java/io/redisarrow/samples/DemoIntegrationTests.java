package io.redisarrow.samples;

import io.redisarrow.testing.RedisServerExtension;
import io.redisarrow.testing.RedisTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(RedisServerExtension.class)
class DemoIntegrationTests {

    @Test
    void loadsScansAndPrintsATableAndTheRate(RedisTestServer redis) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long rows = Demo.run(redis.url(), 5000, new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(rows).isGreaterThanOrEqualTo(5000);
        assertThat(printed).contains("_key", "name", "age", "joined", "rows/s");
    }
}
