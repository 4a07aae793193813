package io.redisarrow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

class ReadMetersUnitTests {

    @Test
    void retriesAndRoundTripsAreSummedOverEveryNodeAndOutcome() {
        MeterRegistry registry = new SimpleMeterRegistry();
        ReadMeters meters = new ReadMeters(registry);
        registry.counter(ReadMeters.RETRIES, "operation", "hash", "node", "127.0.0.1:7000").increment(2);
        registry.counter(ReadMeters.RETRIES, "operation", "hash", "node", "127.0.0.1:7001").increment();
        registry.timer(ReadMeters.ROUND_TRIPS, "operation", "hash", "node", "127.0.0.1:7000", "outcome", "ok")
                .record(Duration.ofMillis(3));
        registry.timer(ReadMeters.ROUND_TRIPS, "operation", "hash", "node", "127.0.0.1:7001", "outcome", "failed")
                .record(Duration.ofMillis(5));
        registry.counter("redisarrow.rows", "operation", "hash", "node", "127.0.0.1:7000").increment(1000);

        ReadMeters.Reading now = meters.now();

        assertThat(now.retries()).isEqualTo(3);
        assertThat(now.roundTrips()).isEqualTo(2);
        assertThat(now.roundTripSeconds()).isCloseTo(0.008, within(1e-9));
    }

    @Test
    void aReadingSinceAnEarlierOneHoldsWhatHappenedBetween() {
        MeterRegistry registry = new SimpleMeterRegistry();
        ReadMeters meters = new ReadMeters(registry);
        registry.counter(ReadMeters.RETRIES).increment();
        registry.timer(ReadMeters.ROUND_TRIPS).record(Duration.ofMillis(4));
        ReadMeters.Reading before = meters.now();
        registry.timer(ReadMeters.ROUND_TRIPS).record(Duration.ofMillis(2));
        registry.timer(ReadMeters.ROUND_TRIPS).record(Duration.ofMillis(2));

        ReadMeters.Reading pass = meters.now().since(before);

        assertThat(pass.retries()).isZero();
        assertThat(pass.roundTrips()).isEqualTo(2);
        assertThat(pass.roundTripSeconds()).isCloseTo(0.004, within(1e-9));
    }

    @Test
    void anEmptyRegistryReadsZero() {
        assertThat(new ReadMeters().now()).isEqualTo(new ReadMeters.Reading(0, 0, 0));
    }
}
