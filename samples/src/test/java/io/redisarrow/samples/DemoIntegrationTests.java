package io.redisarrow.samples;

import io.redisarrow.testing.LocalRedisServer;
import io.redisarrow.testing.RedisServerExtension;
import io.redisarrow.testing.RedisTestServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(RedisServerExtension.class)
class DemoIntegrationTests {

    @Test
    void loadsScansAndPrintsATableAndTheRate(RedisTestServer redis) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long rows = Demo.run(redis.url(), redis.uniquePrefix("demo"), 5000,
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(rows).isEqualTo(5000);
        assertThat(printed).contains("_key", "name", "age", "joined", "rows/s", "loading 5,000 users");
    }

    @Test
    void runsUnderAGermanDefaultLocale(RedisTestServer redis) {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long rows = Demo.run(redis.url(), redis.uniquePrefix("demo-de"), 1500,
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(rows).isEqualTo(1500);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("loading 1,500 users", "scanned 1,500 rows");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void runsOnTheRedisInsideEmbeddedRedisWhenPathHasNone(RedisTestServer ignored) {
        Assumptions.assumeTrue(System.getProperty("os.name").matches("(?i)linux|mac.*"), "embedded-redis: Linux, macOS");
        try (LocalRedisServer embedded = LocalRedisServer.builder().embedded().noModules().start()) {
            assertThat(embedded.version()).startsWith("6.2.");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long rows = Demo.run(embedded.url(), 2000, new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(rows).isEqualTo(2000);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("scanned 2,000 rows");
        }
    }
}
