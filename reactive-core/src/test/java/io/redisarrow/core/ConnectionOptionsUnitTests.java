package io.redisarrow.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionOptionsUnitTests {

    @Test
    void parsesHostPortDatabaseAndTimeout() {
        ConnectionOptions options = ConnectionOptions.of("redis://user:secret@example.com:6380/2?timeout=5s");
        assertThat(options.address()).isEqualTo("example.com:6380");
        assertThat(options.redisUri().getDatabase()).isEqualTo(2);
        assertThat(options.commandTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.connectTimeout()).isEqualTo(ConnectionOptions.DEFAULT_CONNECT_TIMEOUT);
    }

    @Test
    void defaultsPortAndTimeouts() {
        ConnectionOptions options = ConnectionOptions.of("redis://localhost");
        assertThat(options.address()).isEqualTo("localhost:6379");
        assertThat(options.commandTimeout()).isEqualTo(ConnectionOptions.DEFAULT_COMMAND_TIMEOUT);
    }

    @Test
    void acceptsTls() {
        assertThat(ConnectionOptions.of("rediss://localhost:6390").redisUri().isSsl()).isTrue();
    }

    @Test
    void explicitCommandTimeoutWinsOverUrl() {
        ConnectionOptions options = ConnectionOptions.builder().url("redis://localhost?timeout=5s")
                .commandTimeout(Duration.ofSeconds(9)).build();
        assertThat(options.commandTimeout()).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void toStringHidesThePassword() {
        assertThat(ConnectionOptions.of("redis://user:secret@localhost:6379").toString())
                .contains("user:***@localhost").doesNotContain("secret");
        assertThat(ConnectionOptions.of("redis://:secret@localhost:6379").toString()).doesNotContain("secret");
    }

    @Test
    void rejectsMalformedUrlsWithTheExpectedForm() {
        assertThatThrownBy(() -> ConnectionOptions.of("localhost:6379"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redis://");
        assertThatThrownBy(() -> ConnectionOptions.of("http://localhost"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start with redis://");
        assertThatThrownBy(() -> ConnectionOptions.of("redis://"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host");
        assertThatThrownBy(() -> ConnectionOptions.of("redis://local host:1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed");
        assertThatThrownBy(() -> ConnectionOptions.of(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be empty");
    }

    @Test
    void malformedUrlMessagesHideThePassword() {
        assertThatThrownBy(() -> ConnectionOptions.of("http://u:hunter2@localhost"))
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void rejectsNonPositiveTimeouts() {
        assertThatThrownBy(() -> ConnectionOptions.builder().connectTimeout(Duration.ZERO))
                .hasMessage("connectTimeout must be > 0");
        assertThatThrownBy(() -> ConnectionOptions.builder().commandTimeout(Duration.ofSeconds(-1)))
                .hasMessage("commandTimeout must be > 0");
        assertThatThrownBy(() -> ConnectionOptions.builder().build()).hasMessage("url must be set");
    }

    @Test
    void keepsTheMeterRegistryAndNamesItsClass() {
        io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        ConnectionOptions options = ConnectionOptions.builder().url("redis://localhost").meterRegistry(registry).build();
        assertThat(options.meterRegistry()).isSameAs(registry);
        assertThat(options.toString()).endsWith(", meterRegistry=SimpleMeterRegistry}");
        assertThat(ConnectionOptions.of("redis://localhost").meterRegistry()).isNull();
        assertThat(ConnectionOptions.of("redis://localhost").toString()).doesNotContain("meterRegistry");
    }

    @Test
    void rejectsAMeterRegistryThatIsNotOne() {
        assertThatThrownBy(() -> ConnectionOptions.builder().meterRegistry(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("meterRegistry must be an io.micrometer.core.instrument.MeterRegistry; got java.time.Duration");
    }
}
