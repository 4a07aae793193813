package io.redisarrow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.List;

class WriteFindingsUnitTests {

    private static final double CEILING = 400_000;

    private static final double JEDIS = 100_000;

    private static Table hashes(double merge, double replace) {
        Table table = WritesScenario.table(WritesScenario.ID, "Writes", "x Jedis");
        row(table, WriteCeiling.hashScenario(50), CEILING, 1.0);
        row(table, "Jedis pipeline of HSET per row (sync per 5,000 rows)", JEDIS, 1.5);
        row(table, "Lettuce async HSET per row, 1000 in flight", 50_000, 3.0);
        row(table, ArrowHashWriter.Variant.MERGE.label, merge, 1.2);
        row(table, ArrowHashWriter.Variant.REPLACE.label, replace, 2.4);
        row(table, ArrowHashWriter.Variant.SKIP_EXISTING.label, merge / 2, 3.0);
        row(table, ArrowHashWriter.Variant.MERGE_TTL.label, merge / 4, 3.5);
        return table;
    }

    private static void row(Table table, String scenario, double rate, double cpu) {
        table.row(scenario, "-", rate, rate, rate, rate / CEILING, rate / JEDIS, cpu);
    }

    private static Table atomicity(double multi, double script) {
        Table table = new Table(AtomicityCost.ID, "Atomicity").text("form", "scenario")
                .number("rows/s (median)", "rows_per_s", "%,.0f").number("x HSET", "x_hset", "%.2f")
                .number("server CPU µs/row", "server_cpu_us_per_row", "%.2f");
        double hset = 500_000;
        double[] rates = { hset, 400_000, multi, script, 250_000, 300_000 };
        for (int i = 0; i < rates.length; i++) {
            table.row(AtomicityCost.Form.values()[i].label, rates[i], rates[i] / hset, 1.0 + i);
        }
        return table;
    }

    private static Table json() {
        Table table = WritesScenario.table(JsonWrites.ID, "JSON", "x Jedis");
        row(table, WriteCeiling.jsonScenario(50), CEILING, 1.0);
        row(table, "Jedis pipeline of JSON.SET key $ <doc> (sync per 5,000 rows)", JEDIS, 1.0);
        for (JsonWrites.Variant variant : JsonWrites.Variant.values()) {
            table.row(variant.label + ": not available (no writeJson in this build)", "-", null, null, null, null, null,
                    null);
        }
        return table;
    }

    private static List<List<String>> targetRows(String summary) {
        return summary.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| target"))
                .map(line -> List.of(line.substring(2, line.length() - 2).split(" \\| "))).toList();
    }

    @Test
    void eachHashTargetIsStatedWithItsFigureAndWhetherItWasMet() {
        String summary = new WriteFindings(List.of(hashes(340_000, 210_000))).summary();

        List<List<String>> rows = targetRows(summary);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsExactly("hashes: MERGE at 0.8 of the server ceiling (redis-benchmark -P 100 HSET)",
                "0.85 (340,000 rows/s)", "yes");
        assertThat(rows.get(1)).containsExactly("hashes: MERGE at 1.5 x a hand-written Jedis pipeline", "3.40 x", "yes");
        assertThat(rows.get(2)).containsExactly("hashes: REPLACE (atomic per key) at 0.5 of the server ceiling",
                "0.53 (210,000 rows/s)", "yes");
    }

    @Test
    void aMissedTargetStaysWithItsMeasurement() {
        List<List<String>> rows = targetRows(new WriteFindings(List.of(hashes(120_000, 80_000))).summary());

        assertThat(rows.get(0)).containsExactly(rows.get(0).get(0), "0.30 (120,000 rows/s)", "**no**");
        assertThat(rows.get(1)).containsExactly(rows.get(1).get(0), "1.20 x", "**no**");
        assertThat(rows.get(2)).containsExactly(rows.get(2).get(0), "0.20 (80,000 rows/s)", "**no**");
    }

    @Test
    void jsonTargetsWithoutWriteJsonSayNotAvailable() {
        List<List<String>> rows = targetRows(new WriteFindings(List.of(json())).summary());

        assertThat(rows).hasSize(3);
        assertThat(rows).allSatisfy(row -> assertThat(row.subList(1, 3))
                .containsExactly("not measured (not available in this build)", "-"));
        assertThat(rows.get(0).get(0)).startsWith("JSON: MERGE at 0.8 of the server ceiling");
    }

    @Test
    void jsonTargetsWithoutAJsonModuleSaySo() {
        List<List<String>> rows = targetRows(new WriteFindings(
                List.of(WritesScenario.table(JsonWrites.ID, "JSON", "x Jedis"))).summary());

        assertThat(rows).extracting(row -> row.get(1)).containsOnly("not measured (no JSON module)");
    }

    @Test
    void modesAdviceGivesEachModesRateAgainstMerge() {
        String advice = WriteFindings.modes(hashes(300_000, 150_000));

        assertThat(advice).contains("300,000 hashes/s", "0.75 of the server's HSET ceiling", "3.00 x the Jedis pipeline",
                "6.00 x Lettuce", "REPLACE (MULTI, DEL, HSET, EXEC) wrote 0.50 x the MERGE rate",
                "SKIP_EXISTING (a script that checks EXISTS) 0.50 x", "sets no TTL) 0.25 x",
                "1.20 µs of CPU per row on MERGE and 2.40 on REPLACE");
    }

    @Test
    void atomicityAdviceNamesTheFasterOfTransactionAndScript() {
        assertThat(WriteFindings.atomicity(atomicity(200_000, 300_000)))
                .contains("at 0.80 of plain HSET", "MULTI/DEL/HSET/PEXPIRE/EXEC at 0.40", "PEXPIRE at 0.60",
                        "The script was faster, 1.50 x the transaction", "3.00 µs for the transaction, 4.00 for the script",
                        "0.50 of HSET for MERGE with a TTL and 0.60 for SKIP_EXISTING",
                        "The faster form cost Redis 1.33 x the other's CPU per row");
        assertThat(WriteFindings.atomicity(atomicity(300_000, 200_000)))
                .contains("The transaction was faster, 1.50 x the script")
                .doesNotContain("The faster form cost Redis");
        assertThat(WriteFindings.atomicity(atomicity(300_000, 290_000))).contains("within 5 % of each other");
    }

    @Test
    void adviceLeavesOutTablesTheRunDidNotMeasure() {
        String advice = new WriteFindings(List.of(hashes(300_000, 150_000), json())).advice();

        assertThat(advice).contains("**Modes.**", "**JSON documents.**", "writeJson was not available")
                .doesNotContain("MULTI/EXEC or a script");
    }
}
