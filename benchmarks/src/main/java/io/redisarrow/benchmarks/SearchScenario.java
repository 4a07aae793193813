package io.redisarrow.benchmarks;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.redisarrow.arrow.HashScan;
import io.redisarrow.arrow.RecordBatch;
import io.redisarrow.arrow.RedisArrow;
import org.apache.arrow.vector.Float8Vector;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * SCAN against RediSearch at 100 %, 10 % and 1 % match for each data set size: a full redis-arrow
 * scan with a client-side filter on {@code balance} (what a user does without an index) against
 * FT.SEARCH paged with LIMIT (the library has no search API yet), with pages of 1,000 and 10,000.
 * The server holds exactly N hashes during each size's measurements, and the whole data set again
 * afterwards.
 */
final class SearchScenario {

    /** The selectivities: label, query, and the client-side filter's bound on balance (balance is uniform in [0, 100000)). */
    private record Match(String label, String query, double below) {
    }

    private static final Match[] MATCHES = { new Match("100 %", "*", Double.POSITIVE_INFINITY),
        new Match("10 %", "@balance:[0 (10000]", 10_000), new Match("1 %", "@balance:[0 (1000]", 1_000) };

    static final int[] PAGE_SIZES = { 1_000, 10_000 };

    /** The longest one search pass may run before it is stopped and reported as capped. */
    static final long CAP_SECONDS = 60;

    private SearchScenario() {
    }

    /**
     * @param bench the run; its N hashes are loaded
     * @param sizes data set sizes, ascending, the last one N
     * @return the table, or a note when RediSearch is not loaded
     */
    static Table run(Bench bench, int[] sizes) {
        Table table = new Table("search", "SCAN vs RediSearch (FT.SEARCH paged with LIMIT)")
                .number("keys", "keys", "%,d").text("match", "match").text("query", "query")
                .number("matched rows", "matched_rows", "%,d").number("scan + filter s", "scan_s", "%.3f")
                .text("search s, pages of 1,000", "search_s_page_1000")
                .text("search s, pages of 10,000", "search_s_page_10000")
                .number("speed-up, pages of 1,000", "speedup_page_1000", "%.1f")
                .number("speed-up, pages of 10,000", "speedup_page_10000", "%.1f")
                .number("Redis bytes per match, scan", "scan_bytes_per_match", "%,.0f")
                .number("Redis bytes per match, search", "search_bytes_per_match", "%,.0f")
                .number("server µs per match, scan", "scan_server_us_per_match", "%.2f")
                .number("server µs per match, search", "search_server_us_per_match", "%.2f");
        RedisClient client = RedisClient.create(bench.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            Optional<String> unsupported = FtIndex.unsupported(FtIndex.moduleVersion(connection.sync()));
            if (unsupported.isPresent()) {
                Progress.say("search: not measured: %s", unsupported.get());
                return table.note("Not measured: " + unsupported.get() + ". Or point `REDIS_URL` at such a server.");
            }
            measure(bench, sizes, connection.sync(), table);
        } finally {
            client.shutdown();
        }
        table.note(String.format(Locale.ROOT, "Scan: redis-arrow `scanHashes` with its defaults over every key (batches"
                + " of %,d, `parallel` %d), each batch's `balance` vector filtered in the client and the batch closed."
                + " Search: `FT.SEARCH %s <query> LIMIT <offset> <n>` through Lettuce until the offset passes the"
                + " total, each document's fields in the reply, every value touched; balance is a NUMERIC field of"
                + " `FT.CREATE %s ON HASH PREFIX 1 bench:user:`. The database holds exactly N benchmark hashes while a"
                + " size is measured. Median seconds of %d measured passes after one warm-up; a search pass that runs"
                + " past %d s is stopped and shown as such, without repeats, and so is one that RediSearch cuts short at"
                + " its query TIMEOUT (with ON_TIMEOUT RETURN it answers with what it found). Bytes per match: INFO stats"
                + " `total_net_output_bytes` over the measured passes divided by the matched rows; server µs per match:"
                + " Redis' own command time (INFO commandstats) over the same passes divided by the matched rows, the"
                + " search's pages of 1,000.",
                HashScan.DEFAULT_BATCH_SIZE, HashScan.DEFAULT_PARALLEL, FtIndex.NAME, FtIndex.NAME, bench.repetitions(),
                CAP_SECONDS));
        return table;
    }

    private static void measure(Bench bench, int[] sizes, RedisCommands<String, String> redis, Table table) {
        int loaded = bench.keys();
        int indexed = 0;
        FtIndex index = null;
        try {
            if (sizes[0] < loaded) {
                DataLoader.deleteRange(bench.url(), sizes[0], loaded);
                loaded = sizes[0];
            }
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
        long[][] counts = new long[bench.repetitions()][];
        double[] scanSeconds = new double[bench.repetitions()];
        try (RedisArrow redis = RedisArrow.connect(bench.url())) {
            HashScan scan = HashScan.builder().pattern(BenchData.PATTERN).schema(BenchData.SCHEMA).build();
            long[] warm = scanAndFilter(redis, scan);
            Progress.say("search: %,d keys: scan + filter warm-up %s", size, Arrays.toString(warm));
            bench.cost().reset();
            for (int i = 0; i < bench.repetitions(); i++) {
                long start = System.nanoTime();
                counts[i] = scanAndFilter(redis, scan);
                scanSeconds[i] = (System.nanoTime() - start) / 1e9;
                Progress.say("search: %,d keys: scan + filter pass %d/%d: %.3f s", size, i + 1, bench.repetitions(),
                        scanSeconds[i]);
            }
        }
        long scanBytes = bench.cost().outputBytes();
        long scanMicros = bench.cost().commandMicros();
        if (counts[0][0] != size) {
            throw new IllegalStateException(String.format(Locale.ROOT, "search: the scan read %,d rows, expected %,d",
                    counts[0][0], size));
        }
        double scan = median(scanSeconds);
        try (FtSearchPages search = new FtSearchPages(bench.url())) {
            for (int m = 0; m < MATCHES.length; m++) {
                Match match = MATCHES[m];
                long matched = counts[0][m];
                Object[] seconds = new Object[PAGE_SIZES.length];
                double[] speedups = new double[PAGE_SIZES.length];
                double searchBytes = Double.NaN;
                double searchMicros = Double.NaN;
                for (int p = 0; p < PAGE_SIZES.length; p++) {
                    Timed timed = timeSearch(bench, search, match, PAGE_SIZES[p], matched, size);
                    seconds[p] = timed.incomplete() ? timed.stopped() : String.format(Locale.ROOT, "%.3f", timed.seconds());
                    speedups[p] = timed.incomplete() ? Double.NaN : scan / timed.seconds();
                    if (p == 0 && !timed.incomplete()) {
                        searchBytes = timed.bytes() / (double) (matched * bench.repetitions());
                        searchMicros = timed.micros() < 0 ? Double.NaN
                                : timed.micros() / (double) (matched * bench.repetitions());
                    }
                }
                table.row((long) size, match.label(), match.query(), matched, scan, seconds[0], seconds[1], speedups[0],
                        speedups[1], scanBytes < 0 ? Double.NaN : scanBytes / (double) (matched * bench.repetitions()),
                        searchBytes, scanMicros < 0 ? Double.NaN : scanMicros / (double) (matched * bench.repetitions()),
                        searchMicros);
            }
        }
    }

    /**
     * A search cell: median seconds, bytes sent and Redis' command time over the measured passes;
     * or why it has none ({@code stopped}: the text shown instead).
     */
    private record Timed(double seconds, long bytes, long micros, String stopped) {

        boolean incomplete() {
            return stopped != null;
        }
    }

    private static Timed stopped(String label, FtSearchPages.Pass pass, String when) {
        if (pass.cutShort()) {
            Progress.say("%s: %s: RediSearch cut a page short after %.1f s at %,d rows (its query TIMEOUT)", label,
                    when, pass.seconds(), pass.rows());
            return new Timed(Double.NaN, -1, -1, "cut short by RediSearch's TIMEOUT");
        }
        Progress.say("%s: %s stopped after %.1f s at %,d rows", label, when, pass.seconds(), pass.rows());
        return new Timed(Double.NaN, -1, -1, "> " + CAP_SECONDS + " s (stopped)");
    }

    private static Timed timeSearch(Bench bench, FtSearchPages search, Match match, int pageSize, long expected, int size) {
        long cap = CAP_SECONDS * 1_000_000_000L;
        String label = String.format(Locale.ROOT, "search: %,d keys, %s, pages of %,d", size, match.label(), pageSize);
        FtSearchPages.Pass warm = search.read(match.query(), pageSize, cap);
        if (warm.capped() || warm.cutShort()) {
            return stopped(label, warm, "warm-up");
        }
        check(warm, expected, label);
        Progress.say("%s: warm-up %.3f s", label, warm.seconds());
        bench.cost().reset();
        double[] seconds = new double[bench.repetitions()];
        for (int i = 0; i < seconds.length; i++) {
            FtSearchPages.Pass pass = search.read(match.query(), pageSize, cap);
            if (pass.capped() || pass.cutShort()) {
                return stopped(label, pass, "pass " + (i + 1));
            }
            check(pass, expected, label);
            seconds[i] = pass.seconds();
            Progress.say("%s: pass %d/%d: %.3f s (%,d rows)", label, i + 1, seconds.length, seconds[i], pass.rows());
        }
        return new Timed(median(seconds), bench.cost().outputBytes(), bench.cost().commandMicros(), null);
    }

    private static void check(FtSearchPages.Pass pass, long expected, String label) {
        if (pass.rows() != expected) {
            throw new IllegalStateException(String.format(Locale.ROOT, "%s read %,d rows; the scan's filter kept %,d",
                    label, pass.rows(), expected));
        }
    }

    /** @return the rows each selectivity of {@link #MATCHES} keeps; the first (100 %) is every row */
    private static long[] scanAndFilter(RedisArrow redis, HashScan scan) {
        long[] counts = new long[MATCHES.length];
        redis.scanHashes(scan).doOnNext(batch -> {
            try (RecordBatch held = batch) {
                Float8Vector balance = (Float8Vector) held.root().getVector("balance");
                for (int row = 0; row < held.rowCount(); row++) {
                    if (balance.isNull(row)) {
                        continue;
                    }
                    double value = balance.get(row);
                    for (int m = 0; m < MATCHES.length; m++) {
                        if (value < MATCHES[m].below()) {
                            counts[m]++;
                        }
                    }
                }
            }
        }).blockLast();
        return counts;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
