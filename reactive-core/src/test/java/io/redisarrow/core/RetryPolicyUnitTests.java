package io.redisarrow.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Waits grow from the first backoff to the cap, jittered within the upper half of each step. */
class RetryPolicyUnitTests {

    @Test
    void waitsDoubleUpToTheCapAndStayInTheUpperHalfOfTheirStep() {
        RetryPolicy policy = RetryPolicy.of(20, Duration.ofMillis(100), Duration.ofSeconds(1));
        for (int i = 0; i < 200; i++) {
            assertThat(policy.backoff(1)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
            assertThat(policy.backoff(3)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
            assertThat(policy.backoff(20)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
            assertThat(policy.backoff(Integer.MAX_VALUE)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        }
    }

    @Test
    void badArgumentsAreRefusedNamingThem() {
        assertThatThrownBy(() -> RetryPolicy.of(-1, Duration.ofMillis(1), Duration.ofMillis(1)))
                .hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> RetryPolicy.of(1, Duration.ZERO, Duration.ofMillis(1)))
                .hasMessageContaining("firstBackoff");
        assertThatThrownBy(() -> RetryPolicy.of(1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("maxBackoff");
        assertThat(RetryPolicy.NONE.maxRetries()).isZero();
    }
}
