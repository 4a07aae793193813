package io.redisarrow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.redisarrow.arrow.HashScan;
import io.redisarrow.arrow.SearchQuery;
import io.redisarrow.benchmarks.json.JsonDocs;
import org.junit.jupiter.api.Test;

class SearchScenarioUnitTests {

    private static final SearchPasses.Scanned SCANNED = new SearchPasses.Scanned(new long[] { 1_000_000, 100_000,
        10_000 }, 4.0, 3L * 316_000_000, 3L * 3_000_000, 3);

    private static SearchPasses.Timed timed(double seconds, long bytes, long micros) {
        return new SearchPasses.Timed(seconds, bytes, micros, 3, null);
    }

    private static final SearchPasses.Timed STOPPED = new SearchPasses.Timed(Double.NaN, -1, -1, 0, "> 60 s (stopped)");

    @Test
    void aRowComparesEveryColumnWithTheScanOfTheSameRun() {
        Table table = SearchScenario.table();

        table.row(SearchScenario.row(1_000_000, 2, SCANNED, new SearchPasses.Timed[] { timed(0.08, 9_420_000, 236_400),
            timed(0.05, 9_420_000, 200_000) }, timed(0.02, 9_000_000, 60_000)));

        assertThat(table.cell(0, "match")).isEqualTo("1 %");
        assertThat(table.cell(0, "query")).isEqualTo("@balance:[0 (1000]");
        assertThat(table.number(0, "matched_rows")).isEqualTo(10_000);
        assertThat(table.cell(0, "search_s_page_1000")).isEqualTo("0.080");
        assertThat(table.number(0, "speedup_page_1000")).isCloseTo(50, within(1e-9));
        assertThat(table.number(0, "speedup_page_10000")).isCloseTo(80, within(1e-9));
        assertThat(table.cell(0, "cursor_s")).isEqualTo("0.020");
        assertThat(table.number(0, "speedup_cursor")).isCloseTo(200, within(1e-9));
        assertThat(table.number(0, "cursor_x_limit")).as("against the faster page size").isCloseTo(2.5, within(1e-9));
        assertThat(table.number(0, "cursor_rows_per_s")).isCloseTo(500_000, within(1e-6));
        assertThat(table.number(0, "cursor_x_scan_rate")).as("only on the 100 % rows").isNaN();
        assertThat(table.number(0, "scan_bytes_per_match")).isCloseTo(31_600, within(1e-9));
        assertThat(table.number(0, "search_bytes_per_match")).isCloseTo(314, within(1e-9));
        assertThat(table.number(0, "cursor_bytes_per_match")).isCloseTo(300, within(1e-9));
        assertThat(table.number(0, "scan_server_us_per_match")).isCloseTo(300, within(1e-9));
        assertThat(table.number(0, "search_server_us_per_match")).as("pages of 1,000").isCloseTo(7.88, within(1e-9));
        assertThat(table.number(0, "cursor_server_us_per_match")).isCloseTo(2, within(1e-9));
    }

    @Test
    void theFullMatchRowGivesTheSearchRateAgainstTheScanRate() {
        Table table = SearchScenario.table();

        table.row(SearchScenario.row(1_000_000, 0, SCANNED, new SearchPasses.Timed[] { STOPPED, timed(40, 1, 1) },
                timed(5, 1, 1)));

        assertThat(table.number(0, "cursor_x_scan_rate")).isCloseTo(0.8, within(1e-9));
        assertThat(table.cell(0, "search_s_page_1000")).isEqualTo("> 60 s (stopped)");
        assertThat(table.number(0, "speedup_page_1000")).isNaN();
        assertThat(table.number(0, "search_server_us_per_match")).as("no complete pass, no cost").isNaN();
        assertThat(table.number(0, "cursor_x_limit")).as("the page size that completed").isCloseTo(8, within(1e-9));
    }

    @Test
    void aStoppedSearchLeavesItsRatiosEmpty() {
        Table table = SearchScenario.table();

        table.row(SearchScenario.row(1_000_000, 0, SCANNED, new SearchPasses.Timed[] { STOPPED, STOPPED }, STOPPED));

        assertThat(table.cell(0, "cursor_s")).isEqualTo("> 60 s (stopped)");
        for (String column : new String[] { "speedup_cursor", "cursor_x_limit", "cursor_rows_per_s",
            "cursor_x_scan_rate", "cursor_bytes_per_match", "cursor_server_us_per_match" }) {
            assertThat(table.number(0, column)).as(column).isNaN();
        }
        assertThat(table.markdown(2)).contains("| > 60 s (stopped) | - | - | - | - |");
    }

    @Test
    void theSearchesUseTheLibraryDefaultsOverTheirIndexes() {
        SearchQuery hashes = ArrowSearch.hashes(FtIndex.NAME, SearchMatch.ALL.get(2));
        SearchQuery documents = ArrowSearch.documents(FtIndex.JSON_NAME, SearchMatch.ALL.get(0));

        assertThat(hashes.index()).isEqualTo("bench:idx");
        assertThat(hashes.query()).isEqualTo("@balance:[0 (1000]");
        assertThat(hashes.schema()).isEqualTo(BenchData.SCHEMA);
        assertThat(hashes.batchSize()).isEqualTo(HashScan.DEFAULT_BATCH_SIZE);
        assertThat(hashes.parallel()).isEqualTo(HashScan.DEFAULT_PARALLEL);
        assertThat(hashes.projection()).isEmpty();
        assertThat(documents.index()).isEqualTo("bench:jidx");
        assertThat(documents.query()).isEqualTo("*");
        assertThat(documents.schema()).isEqualTo(JsonDocs.SCHEMA);
    }

    @Test
    void theFiltersKeepWhatTheQueriesMatch() {
        assertThat(SearchMatch.ALL).extracting(SearchMatch::label).containsExactly("100 %", "10 %", "1 %");
        SearchMatch one = SearchMatch.ALL.get(2);
        assertThat(one.matches(0)).isTrue();
        assertThat(one.matches(999.99)).isTrue();
        assertThat(one.matches(1000)).as("the query's bound is exclusive: (1000").isFalse();
        assertThat(SearchMatch.ALL.get(1).matches(9999.99)).isTrue();
        assertThat(SearchMatch.ALL.get(1).matches(10_000)).isFalse();
        assertThat(SearchMatch.ALL.get(0).matches(99_999.99)).isTrue();
    }

    @Test
    void theNoteSaysWhatEachColumnSends() {
        String note = SearchScenario.note(new Bench("redis://127.0.0.1:6379", 1000, 3, null, null));

        assertThat(note).contains("`FT.SEARCH bench:idx <query> LIMIT <offset> <n>`",
                "`FT.AGGREGATE bench:idx <query> LOAD 1 @__key WITHCURSOR COUNT 20,000`",
                "pipelined HGETALL in batches of 5,000, `parallel` 4", "Median seconds of 3 measured passes",
                "stands in for the plain scan rate");
    }
}
