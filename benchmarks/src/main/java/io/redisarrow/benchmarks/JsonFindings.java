package io.redisarrow.benchmarks;


import static io.redisarrow.benchmarks.Texts.yes;
import static io.redisarrow.benchmarks.Texts.f;

/**
 * What the JSON table shows, in words built from its numbers: the three ratio targets of the JSON
 * scenario (against its own ceiling, Jedis + Jackson and Lettuce rows) and projection against whole
 * documents, as lines of the targets table, and a paragraph of advice. A table without rows (no JSON
 * module) gives one "not measured" line and no advice.
 */
final class JsonFindings {

    /** Whole documents with the defaults against the JSON.GET ceiling. */
    static final double CEILING_TARGET = 0.8;

    /** Whole documents with the defaults against the Jedis pipeline + Jackson + copy into Arrow. */
    static final double JEDIS_TARGET = 1.5;

    /** Whole documents with the defaults against Lettuce's ScanStream + jsonGet. */
    static final double LETTUCE_TARGET = 5;

    private JsonFindings() {
    }

    /**
     * Adds the JSON targets to the targets table.
     *
     * @param json the {@link JsonScenario} table
     * @param targets the table of targets, columns target, measured, reached
     */
    static void targets(Table json, Table targets) {
        int documents = row(json, JsonScenario.Variant.DOCUMENTS.label);
        if (documents < 0) {
            targets.row("JSON documents: the targets below against the JSON.GET ceiling, Jedis + Jackson and Lettuce",
                    "not measured (no JSON module)", "-");
            return;
        }
        double ceiling = json.number(documents, "x_ceiling");
        double jedis = json.number(documents, "x_jedis");
        double lettuce = json.number(documents, "x_lettuce");
        targets.row(f("JSON, default options: %.2f x the server ceiling (redis-benchmark JSON.GET key $)", CEILING_TARGET),
                f("%.2f x", ceiling), yes(ceiling >= CEILING_TARGET));
        targets.row(f("JSON, default options: %.1f x a Jedis pipeline of JSON.GET + Jackson readTree + copy into Arrow",
                JEDIS_TARGET), f("%.2f x", jedis), yes(jedis >= JEDIS_TARGET));
        targets.row(f("JSON, default options: %.0f x Lettuce ScanStream + flatMap(jsonGet)", LETTUCE_TARGET),
                f("%.2f x", lettuce), yes(lettuce >= LETTUCE_TARGET));
        int projected = row(json, JsonScenario.Variant.PROJECTED.label);
        if (projected >= 0) {
            double speed = json.number(projected, "rows_per_s") / json.number(documents, "rows_per_s");
            targets.row("JSON: projection of 2 of 10 members faster than whole documents",
                    f("%.2f x the whole documents' rate", speed), yes(speed > 1));
        }
    }

    /**
     * @param json the {@link JsonScenario} table, with rows
     * @return a Markdown paragraph of what the table shows
     */
    static String advice(Table json) {
        int documents = row(json, JsonScenario.Variant.DOCUMENTS.label);
        int projected = row(json, JsonScenario.Variant.PROJECTED.label);
        int paths = row(json, JsonScenario.Variant.PATHS.label);
        StringBuilder out = new StringBuilder(f("**JSON documents.** redis-arrow read whole documents with its defaults"
                + " at %,.0f rows/s: %.2f of the server's JSON.GET ceiling, %.2f x a Jedis pipeline parsed by Jackson and"
                + " copied into Arrow, and %.2f x Lettuce's JSON API (values materialised, no Arrow).",
                json.number(documents, "rows_per_s"), json.number(documents, "x_ceiling"),
                json.number(documents, "x_jedis"), json.number(documents, "x_lettuce")));
        double whole = json.number(documents, "server_us_per_row");
        if (projected >= 0) {
            double speed = json.number(projected, "rows_per_s") / json.number(documents, "rows_per_s");
            out.append(f(" Projecting 2 of the 10 members read %.2f x the whole documents' rate", speed));
            double cost = json.number(projected, "server_us_per_row");
            if (!Double.isNaN(cost) && !Double.isNaN(whole)) {
                out.append(f(", and Redis spent %.2f µs per row on it against %.2f for whole documents", cost, whole));
                out.append(cost > whole ? ": evaluating paths costs the server more than returning a document whole,"
                        + " which the projection trades against the bytes it does not send and decode"
                        : ": the paths cost the server no more than the whole document");
            }
            out.append(speed > 1 ? ". Project when a few members are needed." : ". On this run projecting did not pay;"
                    + " read whole documents unless the members left out are large.");
        }
        if (paths >= 0) {
            out.append(f(" Two nested values by path read %.2f x the whole documents' rate.",
                    json.number(paths, "rows_per_s") / json.number(documents, "rows_per_s")));
        }
        return out.toString();
    }

    private static int row(Table t, String scenario) {
        for (int i = 0; i < t.rows().size(); i++) {
            if (scenario.equals(t.cell(i, "scenario"))) {
                return i;
            }
        }
        return -1;
    }
}
