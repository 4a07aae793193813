package io.redisarrow.benchmarks;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.redisarrow.arrow.HashScan;
import io.redisarrow.arrow.RecordBatch;
import io.redisarrow.arrow.RedisArrow;
import io.redisarrow.arrow.SearchQuery;
import org.apache.arrow.vector.Float8Vector;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * SCAN against RediSearch at 100 %, 10 % and 1 % match for each data set size, measured side by
 * side in the same run: a full redis-arrow scan with a client-side filter on {@code balance} (what a
 * user does without an index), {@code FT.SEARCH} paged with LIMIT through Lettuce, pages of 1,000
 * and 10,000 (what a user does with a plain client), and redis-arrow's
 * {@link RedisArrow#search(SearchQuery) search}, which reads an {@code FT.AGGREGATE} cursor. The
 * server holds exactly N hashes during each size's measurements, and the whole data set again
 * afterwards. Before the hashes, while database 0 holds none, the same over JSON documents
 * ({@link JsonSearchScenario}): RediSearch indexes database 0 only.
 */
final class SearchScenario {

    /** The table's id: its CSV and chart file names, and how the findings find it. */
    static final String ID = "search";

    /** LIMIT's page sizes. */
    static final int[] PAGE_SIZES = { 1_000, 10_000 };

    private SearchScenario() {
    }

    /**
     * @param bench the run; its N hashes are loaded
     * @param sizes data set sizes, ascending, the last one N
     * @return the hash table and the JSON table ({@link JsonSearchScenario}), each with a note instead
     *         of rows when the server cannot run it
     */
    static List<Table> run(Bench bench, int[] sizes) {
        Table table = table();
        Table json = JsonSearchScenario.table(bench.keys());
        RedisClient client = RedisClient.create(bench.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            Optional<String> unsupported = FtIndex.unsupported(FtIndex.moduleVersion(connection.sync()))
                    .or(() -> FtIndex.unsupportedDatabase(JsonLoader.database(bench.url())));
            if (unsupported.isPresent()) {
                Progress.say("search: not measured: %s", unsupported.get());
                String note = "Not measured: " + unsupported.get() + ". Or point `REDIS_URL` at such a server.";
                return List.of(table.note(note), json.note(note));
            }
            measure(bench, sizes, connection.sync(), table, json);
        } finally {
            client.shutdown();
        }
        table.note(note(bench));
        return List.of(table, json);
    }

    /** @return the table's columns, without rows */
    static Table table() {
        return new Table(ID, "SCAN vs RediSearch: redis-arrow search (cursor) and FT.SEARCH paged with LIMIT")
                .number("keys", "keys", "%,d").text("match", "match").text("query", "query")
                .number("matched rows", "matched_rows", "%,d").number("scan + filter s", "scan_s", "%.3f")
                .text("LIMIT s, pages of 1,000", "search_s_page_1000")
                .text("LIMIT s, pages of 10,000", "search_s_page_10000")
                .number("speed-up, LIMIT pages of 1,000", "speedup_page_1000", "%.1f")
                .number("speed-up, LIMIT pages of 10,000", "speedup_page_10000", "%.1f")
                .text("redis-arrow search s", "cursor_s")
                .number("speed-up, redis-arrow search", "speedup_cursor", "%.1f")
                .number("search x best LIMIT", "cursor_x_limit", "%.1f")
                .number("search rows/s", "cursor_rows_per_s", "%,.0f")
                .number("search x scan rate (100 %)", "cursor_x_scan_rate", "%.2f")
                .number("Redis bytes per match, scan", "scan_bytes_per_match", "%,.0f")
                .number("Redis bytes per match, LIMIT", "search_bytes_per_match", "%,.0f")
                .number("Redis bytes per match, search", "cursor_bytes_per_match", "%,.0f")
                .number("server µs per match, scan", "scan_server_us_per_match", "%.2f")
                .number("server µs per match, LIMIT", "search_server_us_per_match", "%.2f")
                .number("server µs per match, search", "cursor_server_us_per_match", "%.2f");
    }

    /** @return the note under the table: what each column does */
    static String note(Bench bench) {
        return String.format(Locale.ROOT, "Scan: redis-arrow `scanHashes` with its defaults over every key (batches"
                + " of %,d, `parallel` %d), each batch's `balance` vector filtered in the client and the batch closed."
                + " LIMIT: `FT.SEARCH %s <query> LIMIT <offset> <n>` through Lettuce until the offset passes the"
                + " total, each document's fields in the reply, every value touched. redis-arrow search:"
                + " `RedisArrow.search` with its defaults (`FT.AGGREGATE %s <query> LOAD 1 @__key WITHCURSOR COUNT"
                + " %,d`, each page's keys fetched with pipelined HGETALL in batches of %,d, `parallel` %d), every"
                + " batch closed as it arrives; its row count is checked against the scan's filter. balance is a"
                + " NUMERIC field of `FT.CREATE %s ON HASH PREFIX 1 bench:user:`. The database holds exactly N"
                + " benchmark hashes while a size is measured. Median seconds of %s after one warm-up; a pass that"
                + " runs past %d s is stopped and shown as such, without repeats, and so is one that RediSearch cuts"
                + " short at its query TIMEOUT (with ON_TIMEOUT RETURN it answers with what it found) or that reads"
                + " another number of rows than the filter kept. Speed-up: the scan's seconds over the column's;"
                + " search x best LIMIT: the faster LIMIT page size's seconds over the search's (a dash when no LIMIT"
                + " pass completed). Search x scan rate, on the 100 %% rows: the search's rows/s over the scan +"
                + " filter pass's, which reads every hash with `scanHashes`' defaults and does nothing else but"
                + " compare one double per row, so it stands in for the plain scan rate of the same size (at 100 %%"
                + " both read every key, so it equals the speed-up). Bytes per match: INFO stats"
                + " `total_net_output_bytes` over the measured passes divided by the matched rows; server µs per"
                + " match: Redis' own command time (INFO commandstats, every command of the passes: SCAN and HGETALL;"
                + " FT.SEARCH; FT.INFO, FT.AGGREGATE, FT.CURSOR and HGETALL) over the same passes divided by the"
                + " matched rows; LIMIT's are of pages of 1,000.", HashScan.DEFAULT_BATCH_SIZE,
                HashScan.DEFAULT_PARALLEL, FtIndex.NAME, FtIndex.NAME,
                ArrowSearch.hashes(FtIndex.NAME, SearchMatch.ALL.get(0)).pageSize(), HashScan.DEFAULT_BATCH_SIZE,
                HashScan.DEFAULT_PARALLEL, FtIndex.NAME,
                bench.repetitions() == 1 ? "1 measured pass" : bench.repetitions() + " measured passes",
                SearchPasses.CAP_SECONDS);
    }

    private static void measure(Bench bench, int[] sizes, RedisCommands<String, String> redis, Table table,
            Table json) {
        int loaded = bench.keys();
        int indexed = 0;
        FtIndex index = null;
        try {
            boolean documents = JsonLoader.jsonAvailable(redis);
            // the JSON documents go first, into database 0 once it holds no hashes, so their scan walks only them
            int keep = documents ? 0 : sizes[0];
            if (keep < loaded) {
                DataLoader.deleteRange(bench.url(), keep, loaded);
                loaded = keep;
            }
            JsonSearchScenario.run(bench, redis, documents, json);
            // created on the smallest size, so the server indexes only what the first size needs
            index = FtIndex.create(redis);
            for (int size : sizes) {
                DataLoader.loadRange(bench.url(), loaded, size);
                loaded = Math.max(loaded, size);
                index.awaitIndexed(indexed, size);
                indexed = size;
                measureSize(bench, size, table);
            }
        } finally {
            if (index != null) {
                index.drop();
            }
            DataLoader.loadRange(bench.url(), loaded, bench.keys());
            DataLoader.markLoaded(bench.url(), bench.keys());
        }
    }

    private static void measureSize(Bench bench, int size, Table table) {
        String sizeLabel = String.format(Locale.ROOT, "search: %,d keys", size);
        try (RedisArrow redis = RedisArrow.connect(bench.url());
                FtSearchPages pages = new FtSearchPages(bench.url())) {
            HashScan scan = HashScan.builder().pattern(BenchData.PATTERN).schema(BenchData.SCHEMA).build();
            SearchPasses.Scanned scanned = SearchPasses.timeScan(bench, sizeLabel, size, () -> scanAndFilter(redis, scan));
            for (int m = 0; m < SearchMatch.ALL.size(); m++) {
                SearchMatch match = SearchMatch.ALL.get(m);
                long matched = scanned.counts()[m];
                String label = sizeLabel + ", " + match.label();
                SearchPasses.Timed[] limits = new SearchPasses.Timed[PAGE_SIZES.length];
                for (int p = 0; p < PAGE_SIZES.length; p++) {
                    int pageSize = PAGE_SIZES[p];
                    limits[p] = SearchPasses.time(bench, String.format(Locale.ROOT, "%s, LIMIT pages of %,d", label,
                            pageSize), matched, () -> pages.read(match.query(), pageSize, SearchPasses.capNanos())
                                    .outcome());
                }
                SearchQuery query = ArrowSearch.hashes(FtIndex.NAME, match);
                SearchPasses.Timed cursor = SearchPasses.time(bench, label + ", redis-arrow search", matched,
                        () -> ArrowSearch.read(redis, query, SearchPasses.capNanos()));
                table.row(row(size, m, scanned, limits, cursor));
            }
        }
    }

    /**
     * @param size the keys
     * @param m the index of the selectivity in {@link SearchMatch#ALL}
     * @param scanned the scan + filter
     * @param limits LIMIT paging, one per {@link #PAGE_SIZES}
     * @param cursor redis-arrow search
     * @return the table's row
     */
    static Object[] row(long size, int m, SearchPasses.Scanned scanned, SearchPasses.Timed[] limits,
            SearchPasses.Timed cursor) {
        SearchMatch match = SearchMatch.ALL.get(m);
        long matched = scanned.counts()[m];
        double scan = scanned.seconds();
        return new Object[] { size, match.label(), match.query(), matched, scan, limits[0].cell(), limits[1].cell(),
            limits[0].speedUp(scan), limits[1].speedUp(scan), cursor.cell(), cursor.speedUp(scan),
            overBestLimit(cursor, limits), cursor.rowsPerSecond(matched),
            m == 0 ? cursor.rowsPerSecond(matched) / scanned.rowsPerSecond() : Double.NaN,
            scanned.bytesPerMatch(matched), limits[0].bytesPerMatch(matched), cursor.bytesPerMatch(matched),
            scanned.microsPerMatch(matched), limits[0].microsPerMatch(matched), cursor.microsPerMatch(matched) };
    }

    /** @return the faster complete LIMIT measurement's seconds over the search's, NaN when either is missing */
    static double overBestLimit(SearchPasses.Timed cursor, SearchPasses.Timed... limits) {
        double best = Double.NaN;
        for (SearchPasses.Timed limit : limits) {
            if (limit.complete() && (Double.isNaN(best) || limit.seconds() < best)) {
                best = limit.seconds();
            }
        }
        return cursor.speedUp(best);
    }

    /** @return the rows each of {@link SearchMatch#ALL} keeps; the first (100 %) is every row */
    static long[] scanAndFilter(RedisArrow redis, HashScan scan) {
        long[] counts = new long[SearchMatch.ALL.size()];
        redis.scanHashes(scan).doOnNext(batch -> {
            try (RecordBatch held = batch) {
                Float8Vector balance = (Float8Vector) held.root().getVector("balance");
                for (int row = 0; row < held.rowCount(); row++) {
                    if (balance.isNull(row)) {
                        continue;
                    }
                    double value = balance.get(row);
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
}
