package io.redisarrow.arrow;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.redisarrow.core.RedisSession;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code RedisArrow.builder().meterRegistry(...)} reaches the session's options and telemetry. */
class MeterRegistryOptionUnitTests {

    static RedisSession session(RedisArrow redis) throws ReflectiveOperationException {
        Field field = RedisArrow.class.getDeclaredField("session");
        field.setAccessible(true);
        return (RedisSession) field.get(redis);
    }

    @Test
    void theRegistryGoesToTheSession() throws ReflectiveOperationException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (RedisArrow redis = RedisArrow.builder().url("redis://localhost").meterRegistry(registry).build()) {
            assertThat(session(redis).options().meterRegistry()).isSameAs(registry);
            assertThat(session(redis).telemetry().metered()).isTrue();
        }
    }

    @Test
    void withoutARegistryNothingIsMetered() throws ReflectiveOperationException {
        try (RedisArrow redis = RedisArrow.builder().url("redis://localhost").meterRegistry(null).build()) {
            assertThat(session(redis).options().meterRegistry()).isNull();
            assertThat(session(redis).telemetry().metered()).isFalse();
        }
    }
}
