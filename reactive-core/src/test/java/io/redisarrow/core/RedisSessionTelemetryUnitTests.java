package io.redisarrow.core;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A session's telemetry records meters exactly when its options name a registry. */
class RedisSessionTelemetryUnitTests {

    @Test
    void aSessionWithARegistryIsMetered() {
        ConnectionOptions options = ConnectionOptions.builder().url("redis://localhost")
                .meterRegistry(new SimpleMeterRegistry()).build();
        try (RedisSession session = RedisSession.create(options)) {
            assertThat(session.telemetry().metered()).isTrue();
            assertThat(session.telemetry()).isSameAs(session.telemetry());
        }
    }

    @Test
    void aSessionWithoutARegistryLogsOnly() {
        try (RedisSession session = RedisSession.create(ConnectionOptions.of("redis://localhost"))) {
            assertThat(session.telemetry().metered()).isFalse();
        }
    }
}
