package io.redisarrow.benchmarks;

import java.util.ArrayList;
import java.util.List;

import static io.redisarrow.benchmarks.Texts.yes;
import static io.redisarrow.benchmarks.Texts.f;

/**
 * What the search tables show, in words built from their numbers: the search targets as lines of
 * the targets table (1 % of 1M keys against the full scan, 100 % of 1M keys against the scan rate,
 * the cursor against LIMIT paging at every size), and a paragraph of advice for the hash table
 * ({@link SearchScenario}) and one for the JSON table ({@link JsonSearchScenario}). A table without
 * rows (no RediSearch) gives "not measured" lines and no advice.
 */
final class SearchFindings {

    /** The data set size the targets are set at. */
    static final long TARGET_KEYS = 1_000_000;

    /** redis-arrow search at 1 % of {@link #TARGET_KEYS} against the scan + filter. */
    static final double SELECTIVE_TARGET = 100;

    /** redis-arrow search at 100 % of {@link #TARGET_KEYS}: its rows/s over the scan's. */
    static final double FULL_RATE_TARGET = 0.5;

    private static final String ALL = SearchMatch.ALL.get(0).label();

    private static final String ONE_PERCENT = SearchMatch.ALL.get(SearchMatch.ALL.size() - 1).label();

    private SearchFindings() {
    }

    /**
     * Adds the search targets to the targets table.
     *
     * @param search the {@link SearchScenario} table
     * @param targets the table of targets, columns target, measured, reached
     */
    static void targets(Table search, Table targets) {
        String selective = f("redis-arrow search at %s of %,d keys: %.0f x a full scan with a client-side filter",
                ONE_PERCENT, TARGET_KEYS, SELECTIVE_TARGET);
        String full = f("redis-arrow search at %s of %,d keys completes and streams at %.1f x the scan rate or more",
                ALL, TARGET_KEYS, FULL_RATE_TARGET);
        String paging = "redis-arrow search (cursor) faster than FT.SEARCH paged with LIMIT at every size and match";
        if (search.rows().isEmpty()) {
            for (String target : List.of(selective, full, paging)) {
                targets.row(target, "not measured", "-");
            }
            return;
        }
        long size = targetSize(search);
        String at = size == TARGET_KEYS ? "" : f(" (at %,d keys, the largest in this run)", size);
        int one = row(search, "keys", size, ONE_PERCENT);
        if (one >= 0) {
            double speedUp = search.number(one, "speedup_cursor");
            double bound = redisBound(search, one);
            String measured = Double.isNaN(speedUp) ? "no complete pass: " + search.cell(one, "cursor_s")
                    : f("%.1f x%s; LIMIT paging %.1f x at best", speedUp, at, bestLimitSpeedUp(search, one))
                            + (Double.isNaN(bound) ? "" : f("; Redis' own time allows %.0f x", bound));
            targets.row(selective, measured, reached(size, !Double.isNaN(speedUp) && speedUp >= SELECTIVE_TARGET));
        }
        int all = row(search, "keys", size, ALL);
        if (all >= 0) {
            double rate = search.number(all, "cursor_x_scan_rate");
            String measured = Double.isNaN(rate) ? "no complete pass: " + search.cell(all, "cursor_s")
                    : f("%.2f x%s (%,.0f rows/s; the scan + filter %,.0f)", rate, at,
                            search.number(all, "cursor_rows_per_s"), search.number(all, "cursor_rows_per_s") / rate);
            targets.row(full, measured, reached(size, !Double.isNaN(rate) && rate >= FULL_RATE_TARGET));
        }
        List<String> cells = new ArrayList<>();
        boolean beats = true;
        for (int i = 0; i < search.rows().size(); i++) {
            double ratio = search.number(i, "cursor_x_limit");
            boolean cursorComplete = !Double.isNaN(search.number(i, "speedup_cursor"));
            boolean limitComplete = !Double.isNaN(bestLimitSpeedUp(search, i));
            String where = f("%,d keys at %s: ", (long) search.number(i, "keys"), search.cell(i, "match"));
            if (!cursorComplete) {
                beats = false;
                cells.add(where + "search incomplete (" + search.cell(i, "cursor_s") + ")");
            } else if (!limitComplete) {
                cells.add(where + "LIMIT incomplete (" + search.cell(i, "search_s_page_10000") + ")");
            } else {
                beats &= ratio > 1;
                cells.add(where + f("%.1f x", ratio));
            }
        }
        targets.row(paging, String.join("; ", cells), yes(beats));
    }

    /**
     * @param search the {@link SearchScenario} table, with rows
     * @return a Markdown paragraph of what the table shows
     */
    static String advice(Table search) {
        List<String> cells = new ArrayList<>();
        List<String> slower = new ArrayList<>();
        double slowest = Double.NaN;
        double fastest = Double.NaN;
        for (int i = 0; i < search.rows().size(); i++) {
            String where = f("%,d keys at %s", (long) search.number(i, "keys"), search.cell(i, "match"));
            double speedUp = search.number(i, "speedup_cursor");
            double limit = bestLimitSpeedUp(search, i);
            cells.add(where + ": "
                    + (Double.isNaN(speedUp) ? "no complete pass (" + search.cell(i, "cursor_s") + ")"
                            : f("%.1f x", speedUp))
                    + (Double.isNaN(limit) ? " (LIMIT: no complete pass)" : f(" (LIMIT: %.1f x)", limit)));
            double ratio = search.number(i, "cursor_x_limit");
            if (!Double.isNaN(ratio)) {
                slowest = Double.isNaN(slowest) ? ratio : Math.min(slowest, ratio);
                fastest = Double.isNaN(fastest) ? ratio : Math.max(fastest, ratio);
                if (ratio < 1) {
                    slower.add(f("%s (%,d rows)", where, (long) search.number(i, "matched_rows")));
                }
            }
        }
        StringBuilder out = new StringBuilder("**Search vs scan.** redis-arrow's `search` (an FT.AGGREGATE cursor,"
                + " each page's keys fetched like a scan's) against a full scan with a client-side filter, and in"
                + " brackets FT.SEARCH paged with LIMIT at its faster page size: ").append(String.join("; ", cells))
                .append('.');
        if (!Double.isNaN(slowest)) {
            out.append(f(" Row by row, the search read the same rows at %.1f to %.1f x the speed of the faster LIMIT"
                    + " paging: LIMIT re-runs the query for every page and ranks offset + page results, so a page"
                    + " costs more the further it is, while the cursor keeps its place in one query.", slowest, fastest));
            if (!slower.isEmpty()) {
                out.append(" The search was slower at ").append(String.join(", ", slower)).append(": where the"
                        + " matches fit in one or a few LIMIT pages, LIMIT needs as many FT.SEARCH round trips, while"
                        + " each search pays a fixed cost before its first row (FT.INFO, FT.AGGREGATE, and a fetch"
                        + " connection of its own).");
            }
        }
        out.append(" The seed claims 0.8 x at 10,000 keys and 100 %, 5 x at 10 %, 25 x at 100,000 keys and 10 %, and"
                + " 166 x at 1,000,000 keys and 1 %.");
        long size = targetSize(search);
        int all = row(search, "keys", size, ALL);
        if (all >= 0 && !Double.isNaN(search.number(all, "cursor_x_scan_rate"))) {
            double rate = search.number(all, "cursor_x_scan_rate");
            out.append(f(" At %,d keys and %s the search streamed %,.0f rows/s, %.2f x the scan + filter rate%s", size,
                    ALL, search.number(all, "cursor_rows_per_s"), rate, rate < 1
                            ? ": when every key matches, the index adds the cursor's work to the same fetches, so scan"
                                    + " when most keys match."
                            : ", so even a query that matches everything loses nothing against the scan."));
        }
        int one = row(search, "keys", size, ONE_PERCENT);
        if (one >= 0) {
            out.append(cost(search, one));
        }
        return out.toString();
    }

    /**
     * @param json the {@link JsonSearchScenario} table, with rows
     * @return a Markdown paragraph of what the table shows
     */
    static String jsonAdvice(Table json) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < json.rows().size(); i++) {
            double speedUp = json.number(i, "speedup_cursor");
            cells.add(json.cell(i, "match") + ": " + (Double.isNaN(speedUp) ? "no complete pass ("
                    + json.cell(i, "cursor_s") + ")" : f("%.1f x", speedUp)));
        }
        StringBuilder out = new StringBuilder(f("**Search over JSON.** On %,d documents in an index ON JSON,"
                + " redis-arrow's `search` against `scanJson` with a client-side filter: %s.",
                (long) json.number(0, "documents"), String.join("; ", cells)));
        int all = row(json, "documents", (long) json.number(0, "documents"), ALL);
        if (all >= 0 && !Double.isNaN(json.number(all, "cursor_x_scan_rate"))) {
            out.append(f(" At %s it streamed %,.0f documents/s, %.2f x the scan's rate.", ALL,
                    json.number(all, "cursor_rows_per_s"), json.number(all, "cursor_x_scan_rate")));
        }
        int one = row(json, "documents", (long) json.number(0, "documents"), ONE_PERCENT);
        if (one >= 0 && !Double.isNaN(json.number(one, "cursor_server_us_per_match"))
                && !Double.isNaN(json.number(one, "scan_server_us_per_match"))) {
            out.append(f(" Redis' own time per matched document at %s: %.2f µs for the search, %.2f µs for the scan,"
                    + " which reads every document to find them.", ONE_PERCENT,
                    json.number(one, "cursor_server_us_per_match"), json.number(one, "scan_server_us_per_match")));
        }
        return out.toString();
    }

    /** @return the sentence on where the time of the selective search goes, or "" without the figures */
    private static String cost(Table t, int row) {
        double seconds = parseSeconds(t.cell(row, "cursor_s"));
        double micros = t.number(row, "cursor_server_us_per_match");
        long matched = (long) t.number(row, "matched_rows");
        if (Double.isNaN(seconds) || Double.isNaN(micros) || matched == 0) {
            return "";
        }
        return f(" Per matched row at %,d keys and %s, the search took %.1f µs end to end, %.2f µs of it in Redis"
                + " (FT.INFO, FT.AGGREGATE, FT.CURSOR and HGETALL); LIMIT paging cost Redis %.2f µs (pages of 1,000),"
                + " and the full scan %.2f µs of Redis time per row it reads. Redis' time alone bounds the search's speed-up"
                + " at %.0f x: what it would reach here with a client that cost nothing.", (long) t.number(row, "keys"),
                t.cell(row, "match"), 1e6 * seconds / matched, micros, t.number(row, "search_server_us_per_match"),
                t.number(row, "scan_server_us_per_match") * matched / t.number(row, "keys"), redisBound(t, row));
    }

    /** @return the scan's seconds over the search's Redis time in one pass: the speed-up with a free client */
    static double redisBound(Table t, int row) {
        return t.number(row, "scan_s") / (t.number(row, "matched_rows") * t.number(row, "cursor_server_us_per_match")
                / 1e6);
    }

    /** @return the better complete LIMIT speed-up of the row, NaN when neither page size completed */
    static double bestLimitSpeedUp(Table t, int row) {
        double best = Double.NaN;
        for (int pageSize : SearchScenario.PAGE_SIZES) {
            double speedUp = t.number(row, "speedup_page_" + pageSize);
            if (!Double.isNaN(speedUp) && (Double.isNaN(best) || speedUp > best)) {
                best = speedUp;
            }
        }
        return best;
    }

    /** @return {@link #TARGET_KEYS} when the table has rows of it, else its largest size */
    private static long targetSize(Table t) {
        long largest = 0;
        for (int i = 0; i < t.rows().size(); i++) {
            long keys = (long) t.number(i, "keys");
            if (keys == TARGET_KEYS) {
                return keys;
            }
            largest = Math.max(largest, keys);
        }
        return largest;
    }

    private static int row(Table t, String sizeColumn, long size, String match) {
        for (int i = 0; i < t.rows().size(); i++) {
            if ((long) t.number(i, sizeColumn) == size && match.equals(t.cell(i, "match"))) {
                return i;
            }
        }
        return -1;
    }

    private static double parseSeconds(String cell) {
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String reached(long size, boolean reached) {
        return size == TARGET_KEYS ? yes(reached) : "not run at 1M";
    }
}
