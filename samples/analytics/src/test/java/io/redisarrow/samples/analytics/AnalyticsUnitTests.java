package io.redisarrow.samples.analytics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnalyticsUnitTests {

    @Test
    void readsTheNumberOfUsers() {
        assertThat(Analytics.users(new String[0])).isEqualTo(1_000_000);
        assertThat(Analytics.users(new String[] { "--users", "2500" })).isEqualTo(2500);
        assertThat(Analytics.users(new String[] { "--users=100_000" })).isEqualTo(100_000);
    }

    @Test
    void rejectsWhatItDoesNotUnderstandNamingIt() {
        assertThatThrownBy(() -> Analytics.users(new String[] { "--rows", "5" }))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown argument: --rows");
        assertThatThrownBy(() -> Analytics.users(new String[] { "--users", "many" }))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--users must be a whole number, was many");
        assertThatThrownBy(() -> Analytics.users(new String[] { "--users", "0" }))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--users must be >= 1, was 0");
    }

    @Test
    void tablesAgreeOnlyRowForRowInOrder() {
        CityRow oslo = new CityRow("Oslo", 40.0, 2);
        CityRow rome = new CityRow("Rome", 30.0, 1);
        assertThat(Analytics.agree(List.of(oslo, rome), List.of(oslo, rome))).isTrue();
        assertThat(Analytics.agree(List.of(rome, oslo), List.of(oslo, rome))).isFalse();
        assertThat(Analytics.agree(List.of(oslo), List.of(oslo, rome))).isFalse();
    }

    @Test
    void printsSizesInKibOrMib() {
        assertThat(Analytics.size(512)).isEqualTo("0.5 KiB");
        assertThat(Analytics.size(3 * 1024 * 1024)).isEqualTo("3.0 MiB");
    }
}
