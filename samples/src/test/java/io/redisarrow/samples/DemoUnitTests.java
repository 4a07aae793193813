package io.redisarrow.samples;

import io.redisarrow.arrow.HashScan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DemoUnitTests {

    private Locale before;

    @BeforeEach
    void germanDefaultLocale() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(before);
    }

    @Test
    void scoresAreWrittenWithADecimalPoint() {
        Random random = new Random(42);
        for (int i = 0; i < 100; i++) {
            Map<String, String> user = Demo.user(i, random);
            assertThat(user.get("score")).matches("\\d{1,3}\\.\\d{2}");
            assertThat(user.get("age")).matches("\\d+");
        }
    }

    @Test
    void theRateLineUsesRootLocaleNumbers() {
        HashScan scan = HashScan.builder().pattern("demo:user:*").schema(Demo.USERS).batchSize(1000).build();
        assertThat(Demo.rate("second pass", 1_234_567, 1.5, scan)).isEqualTo(
                "second pass: scanned 1,234,567 rows in 1.50 s: 823,045 rows/s (batchSize 1000, parallel "
                        + scan.parallel() + ")");
    }
}
