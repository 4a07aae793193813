package io.redisarrow.core.internal.observe;

import io.lettuce.core.RedisConnectionException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.redisarrow.core.BatchTooLargeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What one read's observer records and logs, with a Micrometer registry and without: the meters'
 * names, types, tags and values, and the log lines at their levels.
 */
class TelemetryUnitTests {

    static final String NODE = "10.0.0.1:6379";

    final MeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void capture() {
        LogCapture.start();
    }

    @AfterEach
    void release() {
        LogCapture.stop();
    }

    double counter(String name, String operation) {
        return registry.get(name).tag("operation", operation).tag("node", NODE).counter().count();
    }

    double gauge(String name, String operation) {
        return registry.get(name).tag("operation", operation).tag("node", NODE).gauge().value();
    }

    Timer roundTrips(String operation, String outcome) {
        return registry.get("redisarrow.round.trips").tag("operation", operation).tag("node", NODE)
                .tag("outcome", outcome).timer();
    }

    @Test
    void aReadCountsItsRowsBatchesBytesRoundTripsAndRetries() {
        ReadObserver read = Telemetry.of(registry).read("hash", NODE, "pattern 'user:*'");
        read.roundTripSent(10);
        assertThat(gauge("redisarrow.in.flight", "hash")).isEqualTo(1);
        assertThat(gauge("redisarrow.reads.active", "hash")).isEqualTo(1);
        read.roundTripSent(10);
        read.roundTripDone(TimeUnit.MILLISECONDS.toNanos(3), false);
        read.roundTripDone(TimeUnit.MILLISECONDS.toNanos(5), true);
        read.batch(10, 400);
        read.batch(7, 250);
        read.retry(1, Duration.ofMillis(100), new RedisConnectionException("lost"));
        read.ended(null);

        assertThat(counter("redisarrow.rows", "hash")).isEqualTo(17);
        assertThat(counter("redisarrow.batches", "hash")).isEqualTo(2);
        assertThat(counter("redisarrow.bytes.read", "hash")).isEqualTo(650);
        assertThat(counter("redisarrow.retries", "hash")).isEqualTo(1);
        assertThat(roundTrips("hash", "ok").count()).isEqualTo(1);
        assertThat(roundTrips("hash", "ok").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(3);
        assertThat(roundTrips("hash", "failed").count()).isEqualTo(1);
        assertThat(roundTrips("hash", "failed").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(5);
        assertThat(gauge("redisarrow.in.flight", "hash")).isZero();
        assertThat(gauge("redisarrow.reads.active", "hash")).isZero();
        assertThat(registry.find("redisarrow.errors").meters()).isEmpty();
    }

    @Test
    void everyMeterHasItsDocumentedTypeAndTags() {
        ReadObserver read = Telemetry.of(registry).read("json", NODE, "");
        read.roundTripSent(1);
        read.roundTripDone(1, false);
        read.batch(1, 1);
        read.retry(1, Duration.ZERO, new IllegalStateException());
        read.ended(new IllegalStateException("boom"));
        assertThat(registry.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTag("operation")).isEqualTo("json"))
                .allSatisfy(meter -> assertThat(meter.getId().getTag("node")).isEqualTo(NODE));
        assertThat(registry.getMeters().stream().map(m -> m.getId().getName() + " " + m.getId().getType()
                + (m.getId().getTag("outcome") == null ? "" : " outcome=" + m.getId().getTag("outcome"))
                + (m.getId().getTag("exception") == null ? "" : " exception=" + m.getId().getTag("exception"))))
                .containsExactlyInAnyOrder(
                        "redisarrow.rows COUNTER", "redisarrow.batches COUNTER", "redisarrow.bytes.read COUNTER",
                        "redisarrow.retries COUNTER", "redisarrow.round.trips TIMER outcome=ok",
                        "redisarrow.round.trips TIMER outcome=failed", "redisarrow.in.flight GAUGE",
                        "redisarrow.reads.active GAUGE", "redisarrow.errors COUNTER exception=IllegalStateException");
        assertThat(registry.get("redisarrow.bytes.read").counter().getId().getBaseUnit()).isEqualTo("bytes");
    }

    @Test
    void aFailedReadCountsOneErrorTaggedWithItsException() {
        Telemetry telemetry = Telemetry.of(registry);
        telemetry.read("hash", NODE, "").ended(new BatchTooLargeException("at key 'k'"));
        telemetry.read("hash", NODE, "").ended(new BatchTooLargeException("at key 'j'"));
        telemetry.read("hash", NODE, "").ended(new RedisConnectionException("lost"));
        assertThat(registry.get("redisarrow.errors").tag("exception", "BatchTooLargeException").counter().count())
                .isEqualTo(2);
        assertThat(registry.get("redisarrow.errors").tag("exception", "RedisConnectionException").counter().count())
                .isEqualTo(1);
        assertThat(gauge("redisarrow.reads.active", "hash")).isZero();
    }

    @Test
    void anEndReportedTwiceCountsOnce() {
        ReadObserver read = Telemetry.of(registry).read("hash", NODE, "");
        read.batch(1, 1);
        read.ended(new IllegalStateException());
        read.ended(new IllegalStateException());
        read.ended(null);
        assertThat(gauge("redisarrow.reads.active", "hash")).isZero();
        assertThat(registry.get("redisarrow.errors").counter().count()).isEqualTo(1);
        assertThat(LogCapture.lines(Telemetry.READ_LOGGER)).filteredOn(line -> line.contains("failed after"))
                .hasSize(1);
    }

    /** A registry holds one gauge per name and tags: two sessions on the same registry add to it. */
    @Test
    void sessionsSharingARegistryShareItsGauges() {
        ReadObserver first = Telemetry.of(registry).read("hash", NODE, "");
        ReadObserver second = Telemetry.of(registry).read("hash", NODE, "");
        first.roundTripSent(1);
        second.roundTripSent(1);
        second.roundTripSent(1);
        assertThat(gauge("redisarrow.in.flight", "hash")).isEqualTo(3);
        assertThat(gauge("redisarrow.reads.active", "hash")).isEqualTo(2);
        first.roundTripDone(1, false);
        assertThat(gauge("redisarrow.in.flight", "hash")).isEqualTo(2);
    }

    @Test
    void operationsAndNodesHaveTheirOwnMeters() {
        Telemetry telemetry = Telemetry.of(registry);
        telemetry.read("hash", NODE, "").batch(3, 30);
        telemetry.read("json", NODE, "").batch(5, 50);
        telemetry.read("hash", "10.0.0.2:6379", "").batch(7, 70);
        assertThat(counter("redisarrow.rows", "hash")).isEqualTo(3);
        assertThat(counter("redisarrow.rows", "json")).isEqualTo(5);
        assertThat(registry.get("redisarrow.rows").tag("node", "10.0.0.2:6379").counter().count()).isEqualTo(7);
    }

    @Test
    void aReadLogsItsStartOnceItsBatchesAtDebugItsRetriesAtWarnAndItsEndWithItsTotals() {
        ReadObserver read = Telemetry.of(null).read("hash", NODE, "pattern 'user:*'");
        assertThat(LogCapture.lines(Telemetry.READ_LOGGER)).as("nothing before the read's first event").isEmpty();
        read.roundTripSent(5);
        read.roundTripSent(5);
        read.roundTripDone(1, false);
        read.batch(5, 120);
        read.retry(2, Duration.ofMillis(250), new RedisConnectionException("the connection to " + NODE + " was lost"));
        read.roundTripDone(1, false);
        read.batch(3, 80);
        read.ended(null);
        List<String> lines = LogCapture.lines(Telemetry.READ_LOGGER);
        assertThat(lines).hasSize(5);
        assertThat(lines.subList(0, 4)).containsExactly(
                "INFO hash pattern 'user:*' on " + NODE + ": started",
                "DEBUG hash pattern 'user:*' on " + NODE + ": batch of 5 rows (120 bytes)",
                "WARN hash pattern 'user:*' on " + NODE + ": retry 2 in 250 ms after RedisConnectionException: the connection to "
                        + NODE + " was lost",
                "DEBUG hash pattern 'user:*' on " + NODE + ": batch of 3 rows (80 bytes)");
        assertThat(lines.get(4)).matches("INFO hash pattern 'user:\\*' on " + NODE.replace(".", "\\.")
                + ": ended after \\d+ ms, 8 rows in 2 batches \\(200 bytes\\), 2 round trips");
    }

    /** An error's message may name a key: the INFO line names its class only, DEBUG has the rest. */
    @Test
    void aFailedReadLogsTheErrorsClassAtInfoAndTheErrorAtDebug() {
        ReadObserver read = Telemetry.of(null).read("hash", NODE, "");
        BatchTooLargeException error = new BatchTooLargeException("exceeds 8 bytes at key 'secret-key'");
        read.ended(error);
        List<LogCapture.Line> lines = LogCapture.all();
        assertThat(lines).extracting(LogCapture.Line::level).containsExactly(Level.INFO, Level.INFO, Level.DEBUG);
        assertThat(lines.get(0).message()).isEqualTo("hash on " + NODE + ": started");
        assertThat(lines.get(1).message()).matches("hash on " + NODE.replace(".", "\\.")
                + ": failed after \\d+ ms, 0 rows in 0 batches \\(0 bytes\\), 0 round trips: BatchTooLargeException");
        assertThat(lines.stream().filter(line -> line.level() != Level.DEBUG))
                .noneMatch(line -> line.message().contains("secret-key"));
        assertThat(lines.get(2).throwable()).isSameAs(error);
    }

    @Test
    void writesLogToTheirOwnLogger() {
        Telemetry.of(null).write("write-hash", NODE, "").ended(null);
        assertThat(LogCapture.lines(Telemetry.WRITE_LOGGER)).hasSize(2).first().isEqualTo("INFO write-hash on " + NODE + ": started");
        assertThat(LogCapture.lines(Telemetry.READ_LOGGER)).isEmpty();
    }

    @Test
    void withoutARegistryNothingIsMeteredAndTheReadIsLogged() {
        Telemetry telemetry = Telemetry.of(null);
        assertThat(telemetry.metered()).isFalse();
        ReadObserver read = telemetry.read("hash", NODE, "");
        read.roundTripSent(1);
        read.roundTripDone(1, true);
        read.batch(1, 1);
        read.ended(null);
        assertThat(LogCapture.lines(Telemetry.READ_LOGGER)).hasSize(3);
        assertThat(Telemetry.of(registry).metered()).isTrue();
    }

    @Test
    void somethingOtherThanARegistryIsRefusedNamingItsClass() {
        assertThatThrownBy(() -> Telemetry.of("registry")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("meterRegistry must be an io.micrometer.core.instrument.MeterRegistry; got java.lang.String");
        assertThat(Telemetry.requireMeterRegistry(null)).isNull();
        assertThat(Telemetry.requireMeterRegistry(registry)).isSameAs(registry);
    }

    @Test
    void anEmptyOperationOrNodeIsRefused() {
        Telemetry telemetry = Telemetry.of(null);
        assertThatThrownBy(() -> telemetry.read("", NODE, "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("operation must not be empty; got ''");
        assertThatThrownBy(() -> telemetry.read("hash", null, "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("node must not be empty; got null");
    }

    /** A registry that fails (here: a listener that throws on the first meter) fails no read. */
    @Test
    void aRegistryThatThrowsBreaksNoRead() {
        registry.config().onMeterAdded(meter -> {
            throw new IllegalStateException("listener failed");
        });
        ReadObserver read = Telemetry.of(registry).read("hash", NODE, "");
        read.roundTripSent(1);
        read.roundTripDone(1, false);
        read.batch(1, 1);
        read.ended(null);
        assertThat(LogCapture.lines(Telemetry.OBSERVE_LOGGER)).isNotEmpty().first().asString()
                .startsWith("WARN ").contains("listener failed");
        assertThat(LogCapture.lines(Telemetry.READ_LOGGER)).hasSize(3).last().asString()
                .contains("1 rows in 1 batches (1 bytes), 1 round trips");
    }

    @Test
    void aGuardedObserverDropsWhatItsObserverThrowsWarningOnce() {
        ReadObserver throwing = new ReadObserver() {
            @Override
            public void roundTripSent(int commands) {
                throw new IllegalStateException("sent");
            }

            @Override
            public void ended(Throwable error) {
                throw new IllegalStateException("ended");
            }
        };
        ReadObserver guarded = GuardedObserver.of(throwing);
        guarded.roundTripSent(1);
        guarded.roundTripSent(1);
        guarded.ended(null);
        assertThat(LogCapture.lines(Telemetry.OBSERVE_LOGGER)).extracting(line -> line.substring(0, line.indexOf(' ')))
                .containsExactly("WARN", "DEBUG", "DEBUG");
        assertThat(GuardedObserver.of(guarded)).isSameAs(guarded);
        assertThat(GuardedObserver.of(ReadObserver.NONE)).isSameAs(ReadObserver.NONE);
    }

    /** docs/operations.md lists every meter (a meter added without a line there fails this). */
    @Test
    void everyMeterIsDocumented() throws java.io.IOException {
        String docs = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "operations.md"));
        assertThat(List.of(MicrometerMeters.ROWS, MicrometerMeters.BATCHES, MicrometerMeters.BYTES,
                MicrometerMeters.ROUND_TRIPS, MicrometerMeters.IN_FLIGHT, MicrometerMeters.RETRIES, MicrometerMeters.ERRORS,
                MicrometerMeters.ACTIVE)).allSatisfy(name -> assertThat(docs).contains("| `" + name + "` |"));
        assertThat(docs).contains("`" + Telemetry.READ_LOGGER + "`", "`" + Telemetry.WRITE_LOGGER + "`",
                "`" + Telemetry.OBSERVE_LOGGER + "`");
    }
}
