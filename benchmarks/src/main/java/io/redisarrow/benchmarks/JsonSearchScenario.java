package io.redisarrow.benchmarks;

import io.lettuce.core.api.sync.RedisCommands;
import io.redisarrow.arrow.HashScan;
import io.redisarrow.arrow.JsonScan;
import io.redisarrow.arrow.RecordBatch;
import io.redisarrow.arrow.RedisArrow;
import io.redisarrow.arrow.SearchQuery;
import io.redisarrow.benchmarks.json.JsonDocs;
import org.apache.arrow.vector.DecimalVector;

import java.util.Locale;

/**
 * Search over JSON documents: the N documents of {@link JsonDocs} in an index ON JSON, read at
 * 100 %, 10 % and 1 % match with redis-arrow's {@link RedisArrow#search(SearchQuery) search} against
 * {@link RedisArrow#scanJson(JsonScan) scanJson} with a client-side filter on {@code balance}, in the
 * same run. RediSearch 2.x indexes database 0 only, while the JSON scenario's documents live in the
 * next database; so this loads the same documents into database 0 while it holds no hashes
 * ({@link SearchScenario} deletes them before and reloads them after), indexes them, measures, then
 * drops the index and deletes the documents again.
 */
final class JsonSearchScenario {

    /** The table's id: its CSV and chart file names, and how the findings find it. */
    static final String ID = "search-json";

    private JsonSearchScenario() {
    }

    /**
     * @param documents N
     * @return the table's columns, without rows
     */
    static Table table(int documents) {
        return new Table(ID, String.format(Locale.ROOT, "Search over JSON: redis-arrow search vs scanJson + filter,"
                + " %,d documents", documents))
                .number("documents", "documents", "%,d").text("match", "match").text("query", "query")
                .number("matched rows", "matched_rows", "%,d").number("scanJson + filter s", "scan_s", "%.3f")
                .text("redis-arrow search s", "cursor_s")
                .number("speed-up, redis-arrow search", "speedup_cursor", "%.1f")
                .number("search rows/s", "cursor_rows_per_s", "%,.0f")
                .number("search x scan rate (100 %)", "cursor_x_scan_rate", "%.2f")
                .number("Redis bytes per match, scan", "scan_bytes_per_match", "%,.0f")
                .number("Redis bytes per match, search", "cursor_bytes_per_match", "%,.0f")
                .number("server µs per match, scan", "scan_server_us_per_match", "%.2f")
                .number("server µs per match, search", "cursor_server_us_per_match", "%.2f");
    }

    /**
     * Fills the table, or notes why it cannot; a failure is noted under the table (and its stack
     * trace printed) so the hash search still runs.
     *
     * @param bench the run
     * @param redis a connection to database 0, which holds none of the benchmark hashes now
     * @param available whether the server has a JSON module
     * @param table the table of {@link #table(int)}
     */
    static void run(Bench bench, RedisCommands<String, String> redis, boolean available, Table table) {
        if (!available) {
            Progress.say("search over JSON: not measured: the server has no JSON.GET");
            table.note("Not measured: the server has no JSON module (no `JSON.GET`).");
            return;
        }
        try {
            measure(bench, redis, table);
            table.note(note(bench));
        } catch (RuntimeException e) {
            Progress.say("search over JSON: FAILED: %s", e);
            e.printStackTrace();
            table.note("Failed: " + e + ". Rows above, if any, were measured before the failure.");
        }
    }

    /** @return the note under the table: what each column does */
    static String note(Bench bench) {
        return String.format(Locale.ROOT, "The JSON scenario's documents (same generator and seed, `%s`), loaded"
                + " into database 0 for this table while it holds no hashes: RediSearch 2.x indexes database 0"
                + " only (FT.CREATE elsewhere fails with \"Cannot create index on db != 0\"), and the JSON table's"
                + " documents live in the next one. Index: `FT.CREATE %s ON JSON PREFIX 1 %s SCHEMA $.balance AS"
                + " balance NUMERIC`; balance is uniform in [0, 100000) with two decimals, as in the hashes. Scan:"
                + " `scanJson` with its defaults (batches of %,d, `parallel` %d, one pipelined `JSON.GET key $` per"
                + " key) over every document into the nested schema, each batch's `balance` (Decimal(12, 2))"
                + " filtered in the client and the batch closed. redis-arrow search: `RedisArrow.search` with its"
                + " defaults over the index, the same schema, every matched document read whole with `JSON.GET key"
                + " $`; its row count is checked against the scan's filter. Median seconds of %s after one"
                + " warm-up; a pass past %d s is stopped and shown as such. Search x scan rate, on the 100 %% row:"
                + " the search's rows/s over the scan + filter pass's (at 100 %% both read every document, so it"
                + " equals the speed-up). Bytes and server µs per match as in the table above, every command of"
                + " the passes counted.", JsonDocs.PATTERN, FtIndex.JSON_NAME, JsonDocs.KEY_PREFIX,
                HashScan.DEFAULT_BATCH_SIZE, HashScan.DEFAULT_PARALLEL,
                bench.repetitions() == 1 ? "1 measured pass" : bench.repetitions() + " measured passes",
                SearchPasses.CAP_SECONDS);
    }

    private static void measure(Bench bench, RedisCommands<String, String> redis, Table table) {
        int n = bench.keys();
        FtIndex index = null;
        try {
            JsonLoader.ensureLoaded(bench.url(), n, false);
            index = FtIndex.createOnJson(redis);
            index.awaitIndexed(0, n);
            String label = String.format(Locale.ROOT, "search over JSON: %,d documents", n);
            try (RedisArrow arrow = RedisArrow.connect(bench.url())) {
                JsonScan scan = JsonScan.builder().pattern(JsonDocs.PATTERN).schema(JsonDocs.SCHEMA).build();
                SearchPasses.Scanned scanned = SearchPasses.timeScan(bench, label, n, () -> scanAndFilter(arrow, scan));
                for (int m = 0; m < SearchMatch.ALL.size(); m++) {
                    SearchMatch match = SearchMatch.ALL.get(m);
                    long matched = scanned.counts()[m];
                    SearchQuery query = ArrowSearch.documents(FtIndex.JSON_NAME, match);
                    SearchPasses.Timed cursor = SearchPasses.time(bench, label + ", " + match.label()
                            + ", redis-arrow search", matched,
                            () -> ArrowSearch.read(arrow, query, SearchPasses.capNanos()));
                    table.row(row(n, m, scanned, cursor));
                }
            }
        } finally {
            if (index != null) {
                index.drop();
            }
            long deleted = DataLoader.deleteOld(redis, JsonDocs.MARKER, JsonDocs.PATTERN);
            Progress.say("search over JSON: deleted the %,d documents from database 0", deleted);
        }
    }

    /**
     * @param documents N
     * @param m the index of the selectivity in {@link SearchMatch#ALL}
     * @param scanned scanJson + filter
     * @param cursor redis-arrow search
     * @return the table's row
     */
    static Object[] row(long documents, int m, SearchPasses.Scanned scanned, SearchPasses.Timed cursor) {
        SearchMatch match = SearchMatch.ALL.get(m);
        long matched = scanned.counts()[m];
        return new Object[] { documents, match.label(), match.query(), matched, scanned.seconds(), cursor.cell(),
            cursor.speedUp(scanned.seconds()), cursor.rowsPerSecond(matched),
            m == 0 ? cursor.rowsPerSecond(matched) / scanned.rowsPerSecond() : Double.NaN,
            scanned.bytesPerMatch(matched), cursor.bytesPerMatch(matched), scanned.microsPerMatch(matched),
            cursor.microsPerMatch(matched) };
    }

    /** @return the rows each of {@link SearchMatch#ALL} keeps; the first (100 %) is every row */
    static long[] scanAndFilter(RedisArrow redis, JsonScan scan) {
        long[] counts = new long[SearchMatch.ALL.size()];
        redis.scanJson(scan).doOnNext(batch -> {
            try (RecordBatch held = batch) {
                DecimalVector balance = (DecimalVector) held.root().getVector("balance");
                for (int row = 0; row < held.rowCount(); row++) {
                    if (balance.isNull(row)) {
                        continue;
                    }
                    double value = cents(balance, row) / 100.0;
                    for (int m = 0; m < counts.length; m++) {
                        if (SearchMatch.ALL.get(m).matches(value)) {
                            counts[m]++;
                        }
                    }
                }
            }
        }).blockLast();
        return counts;
    }

    /**
     * @return the unscaled value of a Decimal(12, 2) (hundredths), without a BigDecimal per row: the
     *         low 8 bytes of Arrow's 16-byte little-endian two's complement, exact for 12 digits
     */
    static long cents(DecimalVector balance, int row) {
        return balance.getDataBuffer().getLong((long) row * DecimalVector.TYPE_WIDTH);
    }
}
