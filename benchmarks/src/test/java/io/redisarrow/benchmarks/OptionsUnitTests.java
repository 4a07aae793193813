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
                .hasMessageStartingWith("--only must list batch, projection, parallel, memory, search, large, json or writes,");
    }

    @Test
    void onlyWritesSkipsTheReadersTableAndWritesAMillionRowsByDefault() {
        Options options = Options.parse(new String[] { "--only", "writes" });

        assertThat(options.scenarios()).isEqualTo(EnumSet.of(Options.Scenario.WRITES));
        assertThat(options.readers()).isFalse();
        assertThat(options.writeRows()).isEqualTo(1_000_000);
    }

    @Test
    void writesBesideAnotherScenarioKeepTheReadersTable() {
        Options options = Options.parse(new String[] { "--only", "json,writes" });

        assertThat(options.readers()).isTrue();
        assertThat(Options.parse(new String[0]).readers()).isTrue();
    }

    @Test
    void quickWritesAHundredThousandRowsUnlessToldOtherwise() {
        assertThat(Options.parse(new String[] { "--quick", "--only", "writes" }).writeRows()).isEqualTo(100_000);
        assertThat(Options.parse(new String[] { "--quick", "--write-rows", "20_000" }).writeRows()).isEqualTo(20_000);
    }

    @Test
    void aBadWriteRowsCountIsRefusedByName() {
        assertThatThrownBy(() -> Options.parse(new String[] { "--write-rows", "0" }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--write-rows must be a positive integer, not '0'");
    }
}
