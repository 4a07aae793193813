package io.redisarrow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableUnitTests {

    private static Table measured() {
        return new Table("search", "SCAN vs RediSearch").number("keys", "keys", "%,d").text("match", "match")
                .text("search s", "search_s").number("speed-up", "speedup", "%.1f")
                .row(10_000L, "1 %", "0.001", 30.25)
                .row(1_000_000L, "100 %", "> 60 s (stopped), \"capped\"", Double.NaN);
    }

    @Test
    void readsBackWhatItWroteAsCsv() {
        Table table = measured();
        Table read = Table.fromCsv("search", table.csv());

        assertThat(read.id()).isEqualTo("search");
        assertThat(read.rows()).hasSize(2);
        assertThat(read.number(0, "keys")).isEqualTo(10_000);
        assertThat(read.cell(0, "match")).isEqualTo("1 %");
        assertThat(read.number(0, "speedup")).isEqualTo(30.25);
        assertThat(read.cell(1, "search_s")).isEqualTo("> 60 s (stopped), \"capped\"");
        assertThat(read.number(1, "speedup")).isNaN();
        assertThat(read.csv()).isEqualTo(table.csv());
    }

    @Test
    void cellShowsAMissingValueAsADash() {
        Table table = measured();

        assertThat(table.cell(1, "speedup")).isEqualTo("-");
        assertThat(table.cell(0, "keys")).isEqualTo("10000");
    }

    @Test
    void knowsWhichColumnsItHas() {
        Table read = Table.fromCsv("search", measured().csv());

        assertThat(read.has("speedup")).isTrue();
        assertThat(read.has("speedup_cursor")).as("a column of a newer version").isFalse();
    }
}
