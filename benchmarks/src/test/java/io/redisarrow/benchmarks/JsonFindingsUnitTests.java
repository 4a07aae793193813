package io.redisarrow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonFindingsUnitTests {

    private static Table json(double documents, double projected) {
        double ceiling = 200_000;
        double jedis = 100_000;
        double lettuce = 20_000;
        Table table = new Table(JsonScenario.ID, "JSON").text("scenario", "scenario").text("parallel", "parallel")
                .number("rows/s (median)", "rows_per_s", "%,.0f").number("x ceiling", "x_ceiling", "%.2f")
                .number("x Jedis + Jackson", "x_jedis", "%.2f").number("x Lettuce", "x_lettuce", "%.2f")
                .number("server µs/row", "server_us_per_row", "%.2f");
        table.row(JsonCeiling.scenario(50), "-", ceiling, 1.0, ceiling / jedis, ceiling / lettuce, 1.5);
        for (Object[] row : new Object[][] { { JsonScenario.Variant.DOCUMENTS.label, documents, 2.0 },
            { JsonScenario.Variant.PROJECTED.label, projected, 3.0 }, { JsonScenario.Variant.PATHS.label, 90_000.0, 3.0 } }) {
            double rate = (double) row[1];
            table.row(row[0], "4", rate, rate / ceiling, rate / jedis, rate / lettuce, row[2]);
        }
        return table;
    }

    private static Table targets() {
        return new Table("targets", "Targets").text("target", "target").text("measured in this run", "measured")
                .text("reached", "reached");
    }

    @Test
    void statesEachRatioTargetAndWhetherItWasReached() {
        Table targets = targets();

        JsonFindings.targets(json(170_000, 180_000), targets);

        assertThat(targets.rows()).hasSize(4);
        assertThat(targets.cell(0, "measured")).isEqualTo("0.85 x");
        assertThat(targets.cell(0, "reached")).isEqualTo("yes");
        assertThat(targets.cell(1, "measured")).isEqualTo("1.70 x");
        assertThat(targets.cell(1, "reached")).isEqualTo("yes");
        assertThat(targets.cell(2, "measured")).isEqualTo("8.50 x");
        assertThat(targets.cell(2, "reached")).isEqualTo("yes");
        assertThat(targets.cell(3, "target")).contains("projection of 2 of 10 members");
        assertThat(targets.cell(3, "reached")).isEqualTo("yes");
    }

    @Test
    void aMissedTargetStaysWithItsMeasurement() {
        Table targets = targets();

        JsonFindings.targets(json(120_000, 100_000), targets);

        assertThat(targets.cell(0, "measured")).isEqualTo("0.60 x");
        assertThat(targets.cell(0, "reached")).isEqualTo("**no**");
        assertThat(targets.cell(1, "reached")).isEqualTo("**no**");
        assertThat(targets.cell(2, "reached")).isEqualTo("yes");
        assertThat(targets.cell(3, "measured")).isEqualTo("0.83 x the whole documents' rate");
        assertThat(targets.cell(3, "reached")).isEqualTo("**no**");
    }

    @Test
    void aTableWithoutRowsIsNotMeasured() {
        Table targets = targets();

        JsonFindings.targets(new Table(JsonScenario.ID, "JSON").text("scenario", "scenario"), targets);

        assertThat(targets.rows()).hasSize(1);
        assertThat(targets.cell(0, "measured")).startsWith("not measured");
    }

    @Test
    void adviceGivesTheRatiosAndWhatTheProjectionCostRedis() {
        String advice = JsonFindings.advice(json(170_000, 180_000));

        assertThat(advice).contains("170,000 rows/s", "0.85 of the server's JSON.GET ceiling", "1.70 x a Jedis pipeline",
                "8.50 x Lettuce", "1.06 x the whole documents' rate", "3.00 µs per row on it against 2.00",
                "Two nested values by path read 0.53 x");
    }
}
