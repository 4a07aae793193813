package io.redisarrow.benchmarks;

import io.redisarrow.arrow.HashScan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.redisarrow.benchmarks.Texts.yes;
import static io.redisarrow.benchmarks.Texts.f;

/**
 * What a run's tables show, in words built from their numbers: the targets against the
 * measurements, and the advice (batch size, parallel, projection, streaming vs collecting, search
 * vs scan through {@link SearchFindings}, and JSON documents through {@link JsonFindings}) re-derived
 * from them, including where they disagree with the seed's guide. A table the run did not produce
 * leaves its lines out.
 */
final class Findings {

    private final List<Table> tables;

    Findings(List<Table> tables) {
        this.tables = tables;
    }

    /** @return a Markdown table: each target, what this run measured, and whether it was reached */
    String summary() {
        Table targets = new Table("targets", "Targets against this run")
                .text("target", "target").text("measured in this run", "measured").text("reached", "reached");
        table("readers").ifPresent(t -> readersTargets(t, targets));
        table("parallel").ifPresent(t -> parallelTargets(t, targets));
        table("projection").ifPresent(t -> projectionTargets(t, targets));
        table(SearchScenario.ID).ifPresent(t -> SearchFindings.targets(t, targets));
        table("memory").ifPresent(t -> memoryTargets(t, targets));
        table(JsonScenario.ID).ifPresent(t -> JsonFindings.targets(t, targets));
        targets.note("Each line is computed from the tables below. A target that is not reached stays in this table"
                + " with its measurement; \"What the numbers say\" at the end gives the reasons we measured.");
        return targets.markdown(2);
    }

    /** @return Markdown paragraphs of advice, each from this run's numbers */
    String advice() {
        List<String> points = new ArrayList<>();
        table("readers").ifPresent(t -> points.add(readers(t)));
        table("batch-size").ifPresent(t -> points.add(batchSize(t)));
        table("parallel").ifPresent(t -> points.add(parallel(t)));
        table("projection").ifPresent(t -> points.add(projection(t)));
        table(SearchScenario.ID).filter(t -> !t.rows().isEmpty()).ifPresent(t -> points.add(SearchFindings.advice(t)));
        table(JsonSearchScenario.ID).filter(t -> !t.rows().isEmpty())
                .ifPresent(t -> points.add(SearchFindings.jsonAdvice(t)));
        table("memory").ifPresent(t -> points.add(memory(t)));
        table(JsonScenario.ID).filter(t -> !t.rows().isEmpty()).ifPresent(t -> points.add(JsonFindings.advice(t)));
        StringBuilder out = new StringBuilder("## What the numbers say\n\n");
        out.append("Read ratios within this run: the machine is shared, so absolute rates move between runs while"
                + " rows measured beside each other stay comparable.\n\n");
        for (String point : points) {
            out.append("- ").append(point).append("\n");
        }
        return out.toString();
    }

    /** The batch sizes of the parallel sweep: the default, the one beside it, the small one. */
    private static final long[] BATCHES = { HashScan.DEFAULT_BATCH_SIZE, ParallelSweep.OTHER_BATCH,
            ParallelSweep.SMALL_BATCH };

    // ---- targets

    private static void readersTargets(Table t, Table targets) {
        int row = rowWhere(t, "scenario", Readers.DEFAULTS_LABEL);
        if (row < 0) {
            return;
        }
        double ceiling = t.number(row, "x_ceiling");
        double jedis = t.number(row, "x_jedis");
        double lettuce = t.number(row, "x_lettuce");
        targets.row("loopback, default options: 0.90 x the server ceiling", f("%.2f x", ceiling), yes(ceiling >= 0.9));
        targets.row("loopback, default options: 1.3 x a hand-written Jedis pipeline", f("%.2f x", jedis),
                yes(jedis >= 1.3));
        targets.row("loopback, defaults: 5 x Lettuce ScanStream + flatMap(hgetall)", f("%.2f x", lettuce),
                yes(lettuce >= 5));
    }

    private static void parallelTargets(Table t, Table targets) {
        for (String latency : new String[] { "loopback", "0.5 ms", "2 ms" }) {
            int defaults = rowWhere2(t, "latency_ms", latency, "parallel", ParallelSweep.DEFAULTS);
            if (defaults < 0) {
                continue;
            }
            double best = 0;
            String bestAt = "";
            for (long batch : BATCHES) {
                int row = parallelRow(t, latency, batch, HashScan.DEFAULT_PARALLEL);
                if (row >= 0 && t.number(row, "rows_per_s") > best) {
                    best = t.number(row, "rows_per_s");
                    bestAt = f("batchSize %,d", batch);
                }
            }
            if (best > 0) {
                double ratio = t.number(defaults, "rows_per_s") / best;
                targets.row(f("%s, default options: no worse than the best fixed batch size at parallel %d (within 5 %%,"
                        + " the run-to-run spread)", latency, HashScan.DEFAULT_PARALLEL),
                        f("%.2f x %s", ratio, bestAt), yes(ratio >= 0.95));
            }
        }
        for (long batch : BATCHES) {
            List<String> measured = new ArrayList<>();
            boolean reached = true;
            boolean any = false;
            for (int parallel : new int[] { 2, 4, 8 }) {
                int row = parallelRow(t, "2 ms", batch, parallel);
                if (row < 0) {
                    continue;
                }
                any = true;
                double speedup = t.number(row, "speedup");
                double ofCeiling = t.number(row, "x_ceiling");
                boolean leveled = ofCeiling >= 0.8;
                reached &= speedup >= ParallelSweep.TARGET.get(parallel) || leveled;
                measured.add(f("%d: %.2f x", parallel, speedup) + (leveled ? f(" (%.2f of the ceiling)", ofCeiling) : ""));
            }
            if (any) {
                targets.row(f("behind 2 ms, batchSize %,d: parallel 2 / 4 / 8 at 1.9 / 3.6 / 6.5 x parallel 1, or"
                        + " level at 0.8 of the ceiling", batch), String.join("; ", measured), yes(reached));
            }
            List<String> versus = new ArrayList<>();
            boolean beats = true;
            for (int parallel : new int[] { 2, 4, 8, 16 }) {
                int row = parallelRow(t, "2 ms", batch, parallel);
                if (row >= 0) {
                    double speedup = t.number(row, "speedup");
                    beats &= speedup > ParallelSweep.SEED_CLAIM.get(parallel);
                    versus.add(f("%.2f vs %.1f", speedup, ParallelSweep.SEED_CLAIM.get(parallel)));
                }
            }
            if (!versus.isEmpty()) {
                targets.row(f("behind 2 ms, batchSize %,d: beat the seed's claimed 1.8 / 3.2 / 4.5 / 5.0 at 2 / 4 / 8 / 16",
                        batch), String.join("; ", versus), yes(beats));
            }
        }
    }

    private static void projectionTargets(Table t, Table targets) {
        boolean rising = true;
        boolean falling = true;
        List<String> rates = new ArrayList<>();
        List<String> bytes = new ArrayList<>();
        for (int i = 0; i < t.rows().size(); i++) {
            rates.add(f("%d: %,.0f", (long) t.number(i, "fields"), t.number(i, "rows_per_s")));
            bytes.add(f("%d: %.2f", (long) t.number(i, "fields"), t.number(i, "bytes_vs_all")));
            if (i > 0) {
                rising &= t.number(i, "rows_per_s") <= t.number(i - 1, "rows_per_s");
                falling &= t.number(i, "bytes_per_row") >= t.number(i - 1, "bytes_per_row");
            }
        }
        targets.row("projection: rows/s rise as fields fall", "rows/s by fields " + String.join("; ", rates),
                yes(rising));
        int one = 0;
        double oneShare = t.number(one, "bytes_vs_all");
        double proportional = t.number(one, "fields") / t.number(t.rows().size() - 1, "fields");
        targets.row("projection: bytes sent fall in proportion to fields", "share of the 10-field bytes by fields "
                + String.join("; ", bytes), falling && oneShare <= proportional * 1.5 ? "yes"
                        : falling ? "falls, not in proportion" : "no");
    }

    private static void memoryTargets(Table t, Table targets) {
        double min = Double.MAX_VALUE;
        double max = 0;
        double worst = 0;
        List<String> peaks = new ArrayList<>();
        double heapMin = Double.MAX_VALUE;
        double heapMax = 0;
        List<String> heaps = new ArrayList<>();
        for (int i = 0; i < t.rows().size(); i++) {
            double peak = t.number(i, "stream_peak_mb");
            min = Math.min(min, peak);
            max = Math.max(max, peak);
            worst = Math.max(worst, t.number(i, "held_over_data"));
            peaks.add(f("%,d rows: %.2f MB", (long) t.number(i, "rows"), peak));
            double heap = t.number(i, "stream_heap_mb");
            if (!Double.isNaN(heap)) {
                heapMin = Math.min(heapMin, heap);
                heapMax = Math.max(heapMax, heap);
                heaps.add(f("%,d rows: %.2f MB", (long) t.number(i, "rows"), heap));
            }
        }
        targets.row("peak library memory independent of N", String.join("; ", peaks), yes(max <= min * 1.1));
        if (!heaps.isEmpty()) {
            targets.row("heap held by a slow scan independent of N (largest within 1.25 x the smallest: a heap"
                    + " sample after GC also counts the JVM's own objects)", String.join("; ", heaps),
                    yes(heapMax <= heapMin * 1.25));
        }
        targets.row("Arrow bytes held per row within 1.5 x the Arrow data", f("at most %.2f x", worst), yes(worst <= 1.5));
    }

    // ---- advice

    private static String readers(Table t) {
        int arrow = rowWhere(t, "scenario", Readers.DEFAULTS_LABEL);
        int withType = rowWhere(t, "scenario", Readers.Variant.DEFAULT_SIZE_WITH_TYPE.label);
        int earlier = rowWhere(t, "scenario", Readers.Variant.FIXED_1000.label);
        int jedis = rowWhere(t, "scenario", "Jedis SCAN + pipelined HMGET");
        StringBuilder out = new StringBuilder(f("**Readers on loopback.** redis-arrow with its defaults read %,.0f rows/s:"
                + " %.2f of the server's ceiling, %.2f x the Jedis pipeline and %.2f x Lettuce's ScanStream.",
                t.number(arrow, "rows_per_s"), t.number(arrow, "x_ceiling"), t.number(arrow, "x_jedis"),
                t.number(arrow, "x_lettuce")));
        if (withType >= 0) {
            out.append(f(" SCAN `TYPE hash` on every page read %.2f x the rate of the default, which asks for TYPE only"
                    + " once a key of another type shows up", t.number(withType, "rows_per_s") / t.number(arrow, "rows_per_s")));
            double with = t.number(withType, "server_us_per_row");
            double without = t.number(arrow, "server_us_per_row");
            if (!Double.isNaN(with) && !Double.isNaN(without)) {
                out.append(f(", and Redis spent %.2f instead of %.2f µs per row", with, without));
            }
            out.append('.');
        }
        if (earlier >= 0) {
            out.append(f(" The earlier defaults (batches of %,d, TYPE on every page) read %.2f x the current ones.",
                    Readers.EARLIER_BATCH_SIZE, t.number(earlier, "rows_per_s") / t.number(arrow, "rows_per_s")));
        }
        int held = rowWhere(t, "scenario", Readers.Variant.HELD.label);
        if (held >= 0) {
            out.append(f(" Holding every batch until the end of the pass (collecting) read %.2f x the streaming rate.",
                    t.number(held, "rows_per_s") / t.number(arrow, "rows_per_s")));
        }
        if (jedis >= 0) {
            out.append(f(" Redis' own time per row: %.2f µs for redis-arrow, %.2f for the Jedis pipeline, %.2f for the"
                    + " ceiling's HMGET of known keys; SCAN is what a scanning reader pays on top.",
                    t.number(arrow, "server_us_per_row"), t.number(jedis, "server_us_per_row"),
                    t.number(0, "server_us_per_row")));
        }
        return out.toString();
    }

    private static String batchSize(Table t) {
        int best = 0;
        for (int i = 1; i < t.rows().size(); i++) {
            if (t.number(i, "rows_per_s") > t.number(best, "rows_per_s")) {
                best = i;
            }
        }
        int thousand = rowWhere(t, "batch_size", 1000L);
        int chosen = rowWhere(t, "batch_size", (long) HashScan.DEFAULT_BATCH_SIZE);
        int ten = rowWhere(t, "batch_size", 10_000L);
        int hundred = rowWhere(t, "batch_size", 100L);
        int last = t.rows().size() - 1;
        double bestRate = t.number(best, "rows_per_s");
        StringBuilder out = new StringBuilder(f("**Batch size.** The fastest batch size here was %,d keys (%,.0f rows/s);"
                + " the default %,d read %.0f %% of that, with an Arrow peak of %.2f MB against %.1f MB at %,d.",
                (long) t.number(best, "batch_size"), bestRate, (long) HashScan.DEFAULT_BATCH_SIZE,
                100 * t.number(chosen, "rows_per_s") / bestRate, t.number(chosen, "arrow_peak_mb"), t.number(last, "arrow_peak_mb"), (long) t.number(last, "batch_size")));
        if (hundred >= 0) {
            out.append(f(" Batches of 100 cost %,d round trips per pass and read %.0f %% of the best rate.",
                    (long) t.number(hundred, "round_trips"), 100 * t.number(hundred, "rows_per_s") / bestRate));
        }
        if (ten >= 0) {
            double gain = t.number(ten, "rows_per_s") / t.number(thousand, "rows_per_s");
            out.append(f(" The seed's table has throughput still rising to 10,000 (\"High\"); here 10,000 read %.2f x"
                    + " the rate of 1,000, %s, for %.0f x the memory.", gain, gain >= 1.05 ? "a gain"
                            : gain > 0.95 ? "no real gain" : "slower", t.number(ten, "arrow_peak_mb")
                                    / t.number(thousand, "arrow_peak_mb")));
        }
        double share = t.number(chosen, "rows_per_s") / bestRate;
        out.append(share >= 0.95
                ? f(" The default read %.0f %% of the best rate here, at a fraction of the memory of the largest"
                        + " batches.", 100 * share)
                : f(" On this run the default was %.0f %% below the best; the sweep is noisy on a shared machine, so"
                        + " measure on your own before changing it, and weigh the memory column.", 100 - 100 * share));
        return out.toString();
    }

    private static String parallel(Table t) {
        StringBuilder out = new StringBuilder("**Parallel.**");
        double bestLoopback = 0;
        int bestAt = 1;
        for (int parallel : ParallelSweep.PARALLELS) {
            int row = parallelRow(t, "loopback", HashScan.DEFAULT_BATCH_SIZE, parallel);
            if (row >= 0 && t.number(row, "speedup") > bestLoopback) {
                bestLoopback = t.number(row, "speedup");
                bestAt = parallel;
            }
        }
        out.append(f(" On loopback the best setting was %d at %.2f x parallel 1; there the round trip is short and"
                + " Redis' own time per row (first table) sets the pace.", bestAt, bestLoopback));
        for (String latency : new String[] { "0.5 ms", "2 ms" }) {
            for (long batch : BATCHES) {
                int eight = parallelRow(t, latency, batch, 8);
                int sixteen = parallelRow(t, latency, batch, 16);
                int one = parallelRow(t, latency, batch, 1);
                if (eight < 0 || one < 0) {
                    continue;
                }
                out.append(f(" Behind %s with batches of %,d: parallel 1 read %,.0f rows/s, 8 read %.2f x that", latency,
                        batch, t.number(one, "rows_per_s"), t.number(eight, "speedup")));
                if (sixteen >= 0) {
                    out.append(f(" and 16 %.2f x (%.2f of the ceiling)", t.number(sixteen, "speedup"),
                            t.number(sixteen, "x_ceiling")));
                }
                out.append('.');
            }
        }
        out.append(" Pipelines in flight hide the round trip only while the round trip is the larger cost: a batch of"
                + " 1,000 keys carries as much Redis work as its keys cost (see the server µs/row of the first table:"
                + " milliseconds per batch), while a batch of 100 carries a tenth of it.");
        int eight = parallelRow(t, "2 ms", ParallelSweep.SMALL_BATCH, 8);
        int sixteen = parallelRow(t, "2 ms", ParallelSweep.SMALL_BATCH, 16);
        if (eight >= 0 && sixteen >= 0) {
            double gain = t.number(sixteen, "rows_per_s") / t.number(eight, "rows_per_s");
            out.append(f(" The seed says 16 workers are rarely worth it; behind 2 ms with batches of 100, 16 read %.2f x"
                    + " the rate of 8%s.", gain, gain >= 1.1 ? ", so on a slow network they are" : ", no real gain"));
        }
        double best05 = 0;
        int four05 = parallelRow(t, "0.5 ms", HashScan.DEFAULT_BATCH_SIZE, HashScan.DEFAULT_PARALLEL);
        for (int parallel : ParallelSweep.PARALLELS) {
            int row = parallelRow(t, "0.5 ms", HashScan.DEFAULT_BATCH_SIZE, parallel);
            if (row >= 0) {
                best05 = Math.max(best05, t.number(row, "rows_per_s"));
            }
        }
        if (four05 >= 0) {
            out.append(f(" Behind 0.5 ms, LAN-like, the default `parallel` 4 read %.0f %% of the best setting's rate.",
                    100 * t.number(four05, "rows_per_s") / best05));
        }
        out.append(" Raise `parallel` with the round-trip time, and lower `batchSize` with it only when the batches'"
                + " memory matters.");
        return out.toString();
    }

    private static String projection(Table t) {
        int last = t.rows().size() - 1;
        double speed = t.number(0, "rows_per_s") / t.number(last, "rows_per_s");
        double share = t.number(0, "bytes_vs_all");
        return f("**Projection.** Reading 1 of the 10 fields ran at %.2f x the rate of all 10, and Redis sent %.0f %% of"
                + " the bytes (%,.0f against %,.0f per row). The seed says about 10 %%; the rest here is what every row"
                + " costs whatever its fields: the key in the SCAN reply and the reply framing. Project whenever you"
                + " need fewer than all fields.", speed,
                100 * share, t.number(0, "bytes_per_row"), t.number(last, "bytes_per_row"));
    }

    private static String memory(Table t) {
        int last = t.rows().size() - 1;
        return f("**Streaming vs collecting.** Collecting %,d rows held %,.1f MB of Arrow (%,.0f bytes per row, %.2f x"
                + " the vectors' data; the seed's estimate of ~100 bytes per field per row is %.1f x that), and it"
                + " grows with N. Streaming the same rows to a subscriber slower than Redis peaked at %.2f MB (%.1f"
                + " batches) of Arrow for every N, and the scan held %.2f MB of heap (%.1f batches' worth: raw replies"
                + " in flight and waiting). Stream large keyspaces and close each batch; collect only what fits.",
                (long) t.number(last, "rows"), t.number(last, "collect_mb"), t.number(last, "arrow_bytes_per_row"),
                t.number(last, "held_over_data"), t.number(last, "seed_over_held"), t.number(last, "stream_peak_mb"),
                t.number(last, "stream_peak_batches"), nanToZero(t.number(last, "stream_heap_mb")),
                nanToZero(t.number(last, "stream_heap_batches")));
    }

    // ---- helpers

    private Optional<Table> table(String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    private static int parallelRow(Table t, String latency, long batch, int parallel) {
        for (int i = 0; i < t.rows().size(); i++) {
            Object[] row = t.rows().get(i);
            if (row[0].equals(latency) && row[1] instanceof Number n && n.longValue() == batch
                    && row[2].equals(Integer.toString(parallel))) {
                return i;
            }
        }
        return -1;
    }

    private static int rowWhere2(Table t, String column, Object value, String otherColumn, Object otherValue) {
        List<Object> values = t.column(column);
        List<Object> others = t.column(otherColumn);
        for (int i = 0; i < values.size(); i++) {
            if (value.equals(values.get(i)) && otherValue.equals(others.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int rowWhere(Table t, String column, Object value) {
        List<Object> values = t.column(column);
        for (int i = 0; i < values.size(); i++) {
            if (value.equals(values.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static double nanToZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }
}
