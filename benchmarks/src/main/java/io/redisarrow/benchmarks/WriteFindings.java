package io.redisarrow.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.redisarrow.benchmarks.Texts.yes;
import static io.redisarrow.benchmarks.Texts.f;

/**
 * What the write tables show, in words built from their numbers: the targets (MERGE at 0.8 of the
 * ceiling and 1.5 x the Jedis pipeline, REPLACE at 0.5 of the ceiling, for hashes and JSON) against
 * the measurements, and advice on modes and atomicity from the hash and atomicity tables. A table
 * the run did not produce, or a row it could not measure, leaves its lines out or says so.
 */
final class WriteFindings {

    /** MERGE against the server's write ceiling. */
    static final double MERGE_CEILING_TARGET = 0.8;

    /** MERGE against the Jedis pipeline. */
    static final double MERGE_JEDIS_TARGET = 1.5;

    /** REPLACE (atomic per key) against the server's write ceiling. */
    static final double REPLACE_CEILING_TARGET = 0.5;

    private final List<Table> tables;

    /** @param tables the run's tables; those of other scenarios are ignored */
    WriteFindings(List<Table> tables) {
        this.tables = tables;
    }

    /** @return a Markdown table: each target, what this run measured, and whether it was reached */
    String summary() {
        Table targets = new Table("write-targets", "Targets against this run")
                .text("target", "target").text("measured in this run", "measured").text("reached", "reached");
        table(WritesScenario.ID).ifPresent(t -> targets(t, "hashes", ArrowHashWriter.Variant.MERGE.label,
                ArrowHashWriter.Variant.REPLACE.label, "HSET", targets));
        table(JsonWrites.ID).ifPresent(t -> targets(t, "JSON", JsonWrites.Variant.MERGE.label,
                JsonWrites.Variant.REPLACE.label, "JSON.SET", targets));
        targets.note("Each line is computed from the tables below; a target not reached stays with its measurement.");
        return targets.markdown(2);
    }

    /**
     * Adds the three targets of one table.
     *
     * @param t the hash or JSON write table
     * @param what "hashes" or "JSON"
     * @param merge the MERGE row's scenario
     * @param replace the REPLACE row's scenario
     * @param command the ceiling's command
     * @param targets the targets table
     */
    static void targets(Table t, String what, String merge, String replace, String command, Table targets) {
        String ceiling = f("%s: MERGE at %.1f of the server ceiling (redis-benchmark -P %d %s)", what,
                MERGE_CEILING_TARGET, ServerCeiling.PIPELINE, command);
        String jedis = f("%s: MERGE at %.1f x a hand-written Jedis pipeline", what, MERGE_JEDIS_TARGET);
        String atomic = f("%s: REPLACE (atomic per key) at %.1f of the server ceiling", what, REPLACE_CEILING_TARGET);
        int m = row(t, merge);
        if (m < 0 || Double.isNaN(t.number(m, "x_ceiling"))) {
            String why = t.rows().isEmpty() ? "not measured (no JSON module)" : "not measured (not available in this build)";
            targets.row(ceiling, why, "-");
            targets.row(jedis, why, "-");
        } else {
            double xCeiling = t.number(m, "x_ceiling");
            double xJedis = t.number(m, "x_jedis");
            targets.row(ceiling, f("%.2f (%,.0f rows/s)", xCeiling, t.number(m, "rows_per_s")),
                    yes(xCeiling >= MERGE_CEILING_TARGET));
            targets.row(jedis, f("%.2f x", xJedis), yes(xJedis >= MERGE_JEDIS_TARGET));
        }
        int r = row(t, replace);
        if (r < 0 || Double.isNaN(t.number(r, "x_ceiling"))) {
            targets.row(atomic, t.rows().isEmpty() ? "not measured (no JSON module)"
                    : "not measured (not available in this build)", "-");
        } else {
            double xCeiling = t.number(r, "x_ceiling");
            targets.row(atomic, f("%.2f (%,.0f rows/s)", xCeiling, t.number(r, "rows_per_s")),
                    yes(xCeiling >= REPLACE_CEILING_TARGET));
        }
    }

    /** @return Markdown paragraphs of advice, each from this run's numbers */
    String advice() {
        List<String> points = new ArrayList<>();
        table(WritesScenario.ID).ifPresent(t -> points.add(modes(t)));
        table(AtomicityCost.ID).ifPresent(t -> points.add(atomicity(t)));
        table(JsonWrites.ID).filter(t -> !t.rows().isEmpty()).ifPresent(t -> points.add(json(t)));
        StringBuilder out = new StringBuilder("## What the numbers say\n\n");
        out.append("Read ratios within this run: the machine is shared, so absolute rates move between runs while"
                + " rows measured beside each other stay comparable.\n\n");
        for (String point : points) {
            out.append("- ").append(point).append('\n');
        }
        return out.toString();
    }

    /** @return the paragraph on the hash table's modes */
    static String modes(Table t) {
        int merge = row(t, ArrowHashWriter.Variant.MERGE.label);
        int replace = row(t, ArrowHashWriter.Variant.REPLACE.label);
        int skip = row(t, ArrowHashWriter.Variant.SKIP_EXISTING.label);
        int ttl = row(t, ArrowHashWriter.Variant.MERGE_TTL.label);
        int lettuce = rowStarting(t, "Lettuce");
        double rate = t.number(merge, "rows_per_s");
        StringBuilder out = new StringBuilder(f("**Modes.** redis-arrow wrote %,.0f hashes/s with MERGE (one HSET per"
                + " row): %.2f of the server's HSET ceiling and %.2f x the Jedis pipeline", rate,
                t.number(merge, "x_ceiling"), t.number(merge, "x_jedis")));
        if (lettuce >= 0) {
            out.append(f(", %.2f x Lettuce's async API", rate / t.number(lettuce, "rows_per_s")));
        }
        out.append('.');
        out.append(f(" Atomic per key costs: REPLACE (MULTI, DEL, HSET, EXEC) wrote %.2f x the MERGE rate,"
                + " SKIP_EXISTING (a script that checks EXISTS) %.2f x, MERGE with a TTL (a script, so a failed HSET"
                + " sets no TTL) %.2f x.", ratio(t, replace, merge), ratio(t, skip, merge), ratio(t, ttl, merge)));
        double cpuMerge = t.number(merge, "server_cpu_us_per_row");
        double cpuReplace = t.number(replace, "server_cpu_us_per_row");
        if (!Double.isNaN(cpuMerge) && !Double.isNaN(cpuReplace)) {
            out.append(f(" Redis spent %.2f µs of CPU per row on MERGE and %.2f on REPLACE.", cpuMerge, cpuReplace));
        }
        out.append(" Use MERGE when the rows only add or update fields; REPLACE when a key must hold exactly the"
                + " row afterwards; SKIP_EXISTING to fill in without overwriting.");
        return out.toString();
    }

    /** @return the paragraph on the atomicity table: MULTI/EXEC against a script */
    static String atomicity(Table t) {
        int pexpire = row(t, AtomicityCost.Form.HSET_PEXPIRE.label);
        int multi = row(t, AtomicityCost.Form.MULTI.label);
        int script = row(t, AtomicityCost.Form.SCRIPT.label);
        int apply = row(t, AtomicityCost.Form.APPLY_TTL.label);
        int absent = row(t, AtomicityCost.Form.APPLY_ABSENT.label);
        double multiRate = t.number(multi, "rows_per_s");
        double scriptRate = t.number(script, "rows_per_s");
        StringBuilder out = new StringBuilder(f("**MULTI/EXEC or a script.** Through `redis-cli --pipe`, with no client"
                + " in the way, HSET + PEXPIRE as two plain commands ran at %.2f of plain HSET; the same as"
                + " MULTI/DEL/HSET/PEXPIRE/EXEC at %.2f, and as one EVALSHA of a script doing DEL, HSET, PEXPIRE at"
                + " %.2f.", t.number(pexpire, "x_hset"), t.number(multi, "x_hset"), t.number(script, "x_hset")));
        double cpuMulti = t.number(multi, "server_cpu_us_per_row");
        double cpuScript = t.number(script, "server_cpu_us_per_row");
        if (!Double.isNaN(cpuMulti) && !Double.isNaN(cpuScript)) {
            out.append(f(" Redis' CPU per row: %.2f µs for the transaction, %.2f for the script.", cpuMulti, cpuScript));
        }
        double gain = scriptRate / multiRate;
        if (gain >= 1.05) {
            out.append(f(" The script was faster, %.2f x the transaction: five commands and replies per row cost"
                    + " more than running Lua once; REPLACE would gain by sending a script instead of MULTI/EXEC.",
                    gain));
        } else if (gain <= 0.95) {
            out.append(f(" The transaction was faster, %.2f x the script: running Lua per row costs more than the"
                    + " extra commands, which supports REPLACE's MULTI/EXEC.", 1 / gain));
        } else {
            out.append(f(" The two ran within 5 %% of each other (script %.2f x the transaction): choose on"
                    + " semantics, not speed.", gain));
        }
        if (!Double.isNaN(cpuMulti) && !Double.isNaN(cpuScript) && (gain >= 1.05) != (cpuScript < cpuMulti)
                && Math.abs(gain - 1) >= 0.05) {
            out.append(f(" The faster form cost Redis %.2f x the other's CPU per row: where the server, not the"
                    + " round trip, is the limit (many clients), that weighs against it.",
                    gain >= 1.05 ? cpuScript / cpuMulti : cpuMulti / cpuScript));
        }
        if (apply >= 0 && absent >= 0) {
            out.append(f(" The library's APPLY script ran at %.2f of HSET for MERGE with a TTL and %.2f for"
                    + " SKIP_EXISTING on absent keys.", t.number(apply, "x_hset"), t.number(absent, "x_hset")));
        }
        return out.toString();
    }

    /** @return the paragraph on the JSON table */
    static String json(Table t) {
        int jedis = rowStarting(t, "Jedis");
        int merge = row(t, JsonWrites.Variant.MERGE.label);
        StringBuilder out = new StringBuilder(f("**JSON documents.** A Jedis pipeline of JSON.SET wrote %,.0f"
                + " documents/s, %.2f of the server's JSON.SET ceiling.", t.number(jedis, "rows_per_s"),
                t.number(jedis, "x_ceiling")));
        if (merge >= 0 && !Double.isNaN(t.number(merge, "rows_per_s"))) {
            out.append(f(" redis-arrow's writeJson MERGE wrote %,.0f/s, %.2f of the ceiling and %.2f x Jedis.",
                    t.number(merge, "rows_per_s"), t.number(merge, "x_ceiling"), t.number(merge, "x_jedis")));
        } else {
            out.append(" redis-arrow's writeJson was not available in this build.");
        }
        return out.toString();
    }

    private static double ratio(Table t, int row, int base) {
        return row < 0 ? Double.NaN : t.number(row, "rows_per_s") / t.number(base, "rows_per_s");
    }

    private Optional<Table> table(String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    private static int row(Table t, String scenario) {
        for (int i = 0; i < t.rows().size(); i++) {
            if (scenario.equals(t.cell(i, "scenario"))) {
                return i;
            }
        }
        return -1;
    }

    private static int rowStarting(Table t, String prefix) {
        for (int i = 0; i < t.rows().size(); i++) {
            if (t.cell(i, "scenario").startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
