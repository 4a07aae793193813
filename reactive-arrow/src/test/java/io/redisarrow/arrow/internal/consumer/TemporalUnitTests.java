package io.redisarrow.arrow.internal.consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemporalUnitTests {

    static Instant parse(String text, String zone) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        int[] nanos = new int[1];
        ZoneRules rules = zone == null ? null : ZoneId.of(zone).getRules();
        long seconds = Temporal.parseEpochSecond(bytes, 0, bytes.length, rules, nanos);
        return Instant.ofEpochSecond(seconds, nanos[0]);
    }

    @Test
    void epochDayMatchesJavaTimeAcrossTheYears() {
        for (LocalDate date = LocalDate.of(1, 1, 1); date.getYear() < 10_000; date = date.plusDays(97)) {
            assertThat(Temporal.epochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth()))
                    .as(date.toString()).isEqualTo(date.toEpochDay());
        }
    }

    @Test
    void parsesDatesAndDateTimesInBothSeparatorsWithFractions() {
        assertThat(parse("2024-02-29", null)).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
        assertThat(parse("1969-12-31", null)).isEqualTo(Instant.parse("1969-12-31T00:00:00Z"));
        assertThat(parse("0001-01-01", null)).isEqualTo(LocalDate.of(1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC));
        assertThat(parse("9999-12-31T23:59:59.999999999Z", null)).isEqualTo(Instant.parse("9999-12-31T23:59:59.999999999Z"));
        assertThat(parse("2024-01-01T10:00", null)).isEqualTo(Instant.parse("2024-01-01T10:00:00Z"));
        assertThat(parse("2024-01-01 10:00:05", null)).isEqualTo(Instant.parse("2024-01-01T10:00:05Z"));
        assertThat(parse("2024-01-01T10:00:05.1", null)).isEqualTo(Instant.parse("2024-01-01T10:00:05.100Z"));
        assertThat(parse("2024-01-01T10:00:05.123456789", null)).isEqualTo(Instant.parse("2024-01-01T10:00:05.123456789Z"));
    }

    @Test
    void appliesOffsetsInEveryForm() {
        Instant eight = Instant.parse("2024-01-01T08:00:00Z");
        assertThat(parse("2024-01-01T10:00:00+02:00", null)).isEqualTo(eight);
        assertThat(parse("2024-01-01T10:00:00+0200", null)).isEqualTo(eight);
        assertThat(parse("2024-01-01T10:00:00+02", null)).isEqualTo(eight);
        assertThat(parse("2024-01-01T02:30:00-0530", null)).isEqualTo(eight);
        assertThat(parse("2024-01-01T08:00:00Z", "Europe/Paris")).isEqualTo(eight);
        assertThat(parse("2024-01-01T08:00:00z", null)).isEqualTo(eight);
    }

    @Test
    void readsWallClockTimesInTheColumnZoneAcrossDaylightSaving() {
        assertThat(parse("2024-01-15T12:00:00", "Europe/Paris")).isEqualTo(Instant.parse("2024-01-15T11:00:00Z"));
        assertThat(parse("2024-07-15T12:00:00", "Europe/Paris")).isEqualTo(Instant.parse("2024-07-15T10:00:00Z"));
        assertThat(parse("2024-07-15 12:00:00", "+05:30")).isEqualTo(Instant.parse("2024-07-15T06:30:00Z"));
        assertThat(parse("2024-07-15T12:00:00", "UTC")).isEqualTo(Instant.parse("2024-07-15T12:00:00Z"));
        assertThat(parse("2024-07-15T12:00:00", "America/New_York"))
                .isEqualTo(LocalDateTime.of(2024, 7, 15, 12, 0).atZone(ZoneId.of("America/New_York")).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "2024", "2024-1-01", "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31",
            "2024-01-01T24:00", "2024-01-01T10:60", "2024-01-01T10:00:60", "2024-01-01T10", "2024-01-01T10:00:00.",
            "2024-01-01T10:00:00.1234567890", "2024-01-01T10:00:00+2", "2024-01-01T10:00:00+02:0", "2024-01-01T10:00:00 ",
            "2024-01-01X10:00", "2024/01/01", "2024-01-01T10:00:00+19:00", "2024-01-01T10:00:00ZZ" })
    void rejectsWhatIsNotIso8601(String text) {
        assertThatThrownBy(() -> parse(text, null)).isSameAs(ParseFailure.INSTANCE);
    }

    @Test
    void convertsToUnitsAndDetectsOverflow() {
        assertThat(Temporal.toUnit(1, 999_999_999, 1_000)).isEqualTo(1999);
        assertThat(Temporal.toUnit(-1, 500_000_000, 1_000_000)).isEqualTo(-500_000);
        assertThat(Temporal.toUnit(9_223_372_036L, 854_775_807, 1_000_000_000)).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> Temporal.toUnit(9_223_372_037L, 0, 1_000_000_000)).isSameAs(ParseFailure.INSTANCE);
    }
}
