package io.redisarrow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

class OptionsUnitTests {

    @Test
    void aFullRunIncludesTheJsonScenario() {
        assertThat(Options.parse(new String[0]).scenarios()).contains(Options.Scenario.JSON);
    }

    @Test
    void onlyJsonRunsTheJsonScenarioAloneOnTheQuickModesKeys() {
        Options options = Options.parse(new String[] { "--quick", "--only", "json" });

        assertThat(options.scenarios()).isEqualTo(EnumSet.of(Options.Scenario.JSON));
        assertThat(options.keys()).isEqualTo(100_000);
    }

    @Test
    void anUnknownScenarioNamesJsonAmongTheChoices() {
        assertThatThrownBy(() -> Options.parse(new String[] { "--only", "documents" }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--only must list batch, projection, parallel, memory, search, large or json,");
    }
}
