package io.redisarrow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchFindingsUnitTests {

    private static final String STOPPED = "> 60 s (stopped)";

    /** A complete measurement of 3 passes: median seconds and Redis' µs per pass per match. */
    private static SearchPasses.Timed timed(double seconds, long matched, double microsPerMatch) {
        return new SearchPasses.Timed(seconds, 300 * matched * 3, Math.round(microsPerMatch * matched * 3), 3, null);
    }

    private static SearchPasses.Timed stopped() {
        return new SearchPasses.Timed(Double.NaN, -1, -1, 0, STOPPED);
    }

    /** The scan of {@code keys} hashes: 100 %, 10 % and 1 % of them kept, Redis 3 µs per key read. */
    private static SearchPasses.Scanned scanned(long keys, double seconds) {
        return new SearchPasses.Scanned(new long[] { keys, keys / 10, keys / 100 }, seconds, 316 * keys * 3,
                3 * keys * 3, 3);
    }

    /**
     * A table of one size: the scan's seconds, then per match (100 %, 10 %, 1 %) the two LIMIT
     * measurements and the search's, null for a stopped one.
     */
    private static void size(Table table, long keys, double scan, Double[][] seconds) {
        SearchPasses.Scanned scanned = scanned(keys, scan);
        for (int m = 0; m < 3; m++) {
            long matched = scanned.counts()[m];
            SearchPasses.Timed[] limits = new SearchPasses.Timed[2];
            for (int p = 0; p < 2; p++) {
                limits[p] = seconds[m][p] == null ? stopped() : timed(seconds[m][p], matched, 8);
            }
            SearchPasses.Timed cursor = seconds[m][2] == null ? stopped() : timed(seconds[m][2], matched, 2);
            table.row(SearchScenario.row(keys, m, scanned, limits, cursor));
        }
    }

    private static Table search(double selective, Double full, double tenPercent) {
        Table table = SearchScenario.table();
        size(table, 10_000, 0.033, new Double[][] { { 0.055, 0.041, 0.030 }, { 0.006, 0.004, 0.003 },
            { 0.001, 0.001, 0.0005 } });
        size(table, 100_000, 0.281, new Double[][] { { 2.087, 0.575, 0.300 }, { 0.075, 0.048, 0.030 },
            { 0.005, 0.006, 0.003 } });
        size(table, 1_000_000, 3.428, new Double[][] { { null, 46.073, full }, { 5.929, 1.094, tenPercent },
            { 0.082, 0.066, selective } });
        return table;
    }

    private static Table targets() {
        return new Table("targets", "Targets").text("target", "target").text("measured in this run", "measured")
                .text("reached", "reached");
    }

    @Test
    void theThreeTargetsAreMetWithTheirFigures() {
        Table targets = targets();

        SearchFindings.targets(search(0.030, 5.0, 0.5), targets);

        assertThat(targets.rows()).hasSize(3);
        assertThat(targets.cell(0, "target")).isEqualTo("redis-arrow search at 1 % of 1,000,000 keys: 100 x a full"
                + " scan with a client-side filter");
        assertThat(targets.cell(0, "measured")).isEqualTo("114.3 x; LIMIT paging 51.9 x at best; Redis' own time"
                + " allows 171 x");
        assertThat(targets.cell(0, "reached")).isEqualTo("yes");
        assertThat(targets.cell(1, "target")).contains("100 % of 1,000,000 keys completes", "0.5 x the scan rate");
        assertThat(targets.cell(1, "measured")).isEqualTo("0.69 x (200,000 rows/s; the scan + filter 291,715)");
        assertThat(targets.cell(1, "reached")).isEqualTo("yes");
        assertThat(targets.cell(2, "target")).contains("faster than FT.SEARCH paged with LIMIT at every size");
        assertThat(targets.cell(2, "measured")).startsWith("10,000 keys at 100 %: 1.4 x; 10,000 keys at 10 %: 1.3 x")
                .contains("1,000,000 keys at 100 %: 9.2 x", "1,000,000 keys at 1 %: 2.2 x");
        assertThat(targets.cell(2, "reached")).isEqualTo("yes");
    }

    @Test
    void missedTargetsStayWithTheirMeasurements() {
        Table targets = targets();

        SearchFindings.targets(search(0.050, null, 2.0), targets);

        assertThat(targets.cell(0, "measured")).startsWith("68.6 x;");
        assertThat(targets.cell(0, "reached")).isEqualTo("**no**");
        assertThat(targets.cell(1, "measured")).isEqualTo("no complete pass: " + STOPPED);
        assertThat(targets.cell(1, "reached")).isEqualTo("**no**");
        assertThat(targets.cell(2, "measured")).contains("1,000,000 keys at 100 %: search incomplete (" + STOPPED + ")",
                "1,000,000 keys at 10 %: 0.5 x");
        assertThat(targets.cell(2, "reached")).isEqualTo("**no**");
    }

    @Test
    void aSlowRateAtFullMatchMissesItsTarget() {
        Table targets = targets();

        SearchFindings.targets(search(0.030, 8.0, 0.5), targets);

        assertThat(targets.cell(1, "measured")).startsWith("0.43 x");
        assertThat(targets.cell(1, "reached")).isEqualTo("**no**");
    }

    @Test
    void limitPagingThatNeverCompletesIsBeatenByACompleteSearch() {
        Table table = SearchScenario.table();
        size(table, 1_000_000, 3.428, new Double[][] { { null, null, 5.0 }, { 5.929, 1.094, 0.5 },
            { 0.082, 0.066, 0.030 } });
        Table targets = targets();

        SearchFindings.targets(table, targets);

        assertThat(targets.cell(2, "measured")).startsWith("1,000,000 keys at 100 %: LIMIT incomplete (" + STOPPED + ")");
        assertThat(targets.cell(2, "reached")).isEqualTo("yes");
    }

    @Test
    void aRunWithoutOneMillionKeysSaysSo() {
        Table table = SearchScenario.table();
        size(table, 10_000, 0.033, new Double[][] { { 0.055, 0.041, 0.030 }, { 0.006, 0.004, 0.003 },
            { 0.001, 0.001, 0.0002 } });
        Table targets = targets();

        SearchFindings.targets(table, targets);

        assertThat(targets.cell(0, "measured")).startsWith("165.0 x (at 10,000 keys, the largest in this run)");
        assertThat(targets.cell(0, "reached")).isEqualTo("not run at 1M");
        assertThat(targets.cell(1, "reached")).isEqualTo("not run at 1M");
        assertThat(targets.cell(2, "reached")).isEqualTo("yes");
    }

    @Test
    void aTableWithoutRowsLeavesEachTargetNotMeasured() {
        Table targets = targets();

        SearchFindings.targets(SearchScenario.table().note("Not measured: no RediSearch."), targets);

        assertThat(targets.rows()).hasSize(3);
        assertThat(targets.column("measured")).containsOnly("not measured");
    }

    @Test
    void adviceGivesEverySpeedUpTheRateAtFullMatchAndWhereTheTimeGoes() {
        String advice = SearchFindings.advice(search(0.030, 5.0, 0.5));

        assertThat(advice).startsWith("**Search vs scan.** redis-arrow's `search`")
                .contains("10,000 keys at 100 %: 1.1 x (LIMIT: 0.8 x)", "1,000,000 keys at 1 %: 114.3 x (LIMIT: 51.9 x)",
                        "1,000,000 keys at 100 %: 0.7 x (LIMIT: 0.1 x)",
                        "at 1.3 to 9.2 x the speed of the faster LIMIT paging:",
                        "At 1,000,000 keys and 100 % the search streamed 200,000 rows/s, 0.69 x the scan + filter rate:"
                                + " when every key matches",
                        "the search took 3.0 µs end to end, 2.00 µs of it in Redis",
                        "LIMIT paging cost Redis 8.00 µs (pages of 1,000), and the full scan 3.00 µs",
                        "bounds the search's speed-up at 171 x")
                .doesNotContain("no search API", "NaN");
    }

    @Test
    void adviceNamesTheRowsWhereLimitPagingWasFaster() {
        Table table = SearchScenario.table();
        size(table, 10_000, 0.058, new Double[][] { { 0.093, 0.052, 0.040 }, { 0.005, 0.005, 0.012 },
            { 0.001, 0.001, 0.005 } });

        String advice = SearchFindings.advice(table);

        assertThat(advice).contains("at 0.2 to 1.3 x the speed of the faster LIMIT paging",
                "The search was slower at 10,000 keys at 10 % (1,000 rows), 10,000 keys at 1 % (100 rows): where the"
                        + " matches fit in one or a few LIMIT pages",
                "each search pays a fixed cost before its first row");
    }

    @Test
    void jsonAdviceGivesEachMatchAndTheRedisTimePerDocument() {
        Table json = JsonSearchScenario.table(100_000);
        SearchPasses.Scanned scanned = new SearchPasses.Scanned(new long[] { 100_000, 10_000, 1_000 }, 1.0, 500L * 100_000,
                4L * 100_000, 1);
        double[] seconds = { 1.25, 0.1, 0.01 };
        for (int m = 0; m < 3; m++) {
            long matched = scanned.counts()[m];
            json.row(JsonSearchScenario.row(100_000, m, scanned,
                    new SearchPasses.Timed(seconds[m], 500 * matched, 5 * matched, 1, null)));
        }

        String advice = SearchFindings.jsonAdvice(json);

        assertThat(advice).isEqualTo("**Search over JSON.** On 100,000 documents in an index ON JSON, redis-arrow's"
                + " `search` against `scanJson` with a client-side filter: 100 %: 0.8 x; 10 %: 10.0 x; 1 %: 100.0 x."
                + " At 100 % it streamed 80,000 documents/s, 0.80 x the scan's rate. Redis' own time per matched"
                + " document at 1 %: 5.00 µs for the search, 400.00 µs for the scan, which reads every document to"
                + " find them.");
    }
}
