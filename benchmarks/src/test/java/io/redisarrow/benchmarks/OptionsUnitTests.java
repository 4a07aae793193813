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
                .hasMessageStartingWith("--only must list batch, projection, parallel, memory, search, large, json, writes"
                        + ", types or cluster, not 'documents'");
    }

    @Test
    void onlyWritesSkipsTheReadersTableAndWritesAMillionRowsByDefault() {
        Options options = Options.parse(new String[] { "--only", "writes" });

        assertThat(options.scenarios()).isEqualTo(EnumSet.of(Options.Scenario.WRITES));
        assertThat(options.readers()).isFalse();
        assertThat(options.writeRows()).isEqualTo(1_000_000);
    }

    @Test
    void onlyClusterRunsAloneWithoutTheReadersTable() {
        Options options = Options.parse(new String[] { "--only", "cluster" });

        assertThat(options.scenarios()).isEqualTo(EnumSet.of(Options.Scenario.CLUSTER));
        assertThat(options.readers()).isFalse();
        assertThat(options.keys()).isEqualTo(1_000_000);
        assertThat(Options.parse(new String[0]).scenarios()).contains(Options.Scenario.CLUSTER);
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

    @Test
    void onlyTypesSkipsTheReadersTableAndReadsAMillionElementsPerDataSetByDefault() {
        Options options = Options.parse(new String[] { "--only", "types" });

        assertThat(options.scenarios()).isEqualTo(EnumSet.of(Options.Scenario.TYPES));
        assertThat(options.readers()).isFalse();
        assertThat(options.typesElements()).isEqualTo(1_000_000);
        assertThat(Options.parse(new String[] { "--only", "types,writes" }).readers()).isFalse();
        assertThat(Options.parse(new String[] { "--only", "types,json" }).readers()).isTrue();
        assertThat(Options.parse(new String[0]).scenarios()).contains(Options.Scenario.TYPES);
    }

    @Test
    void quickReadsAHundredThousandElementsPerTypeUnlessToldOtherwise() {
        assertThat(Options.parse(new String[] { "--quick", "--only", "types" }).typesElements()).isEqualTo(100_000);
        assertThat(Options.parse(new String[] { "--quick", "--types-elements", "20_000" }).typesElements())
                .isEqualTo(20_000);
        assertThat(Options.parse(new String[] { "--types-elements", "20000" }).typesElements()).isEqualTo(20_000);
    }

    @Test
    void aBadTypesElementsCountIsRefusedByName() {
        assertThatThrownBy(() -> Options.parse(new String[] { "--types-elements", "-5" }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--types-elements must be a positive integer, not '-5'");
        assertThatThrownBy(() -> Options.parse(new String[] { "--types-elements" }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--types-elements needs a value");
    }
}
