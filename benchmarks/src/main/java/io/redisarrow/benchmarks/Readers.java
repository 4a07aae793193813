package io.redisarrow.benchmarks;

import io.lettuce.core.api.sync.RedisCommands;
import io.redisarrow.arrow.HashScan;
import io.redisarrow.core.TypeFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.redisarrow.benchmarks.Texts.f;

/**
 * The first table of a run: every way of reading all N hashes on loopback, side by side. The
 * server ceiling (redis-benchmark at several client counts), redis-arrow with its defaults and two
 * variants, the Jedis pipeline and Lettuce's ScanStream; the best ceiling, Jedis and Lettuce
 * become the run's {@link Bench.Baselines}.
 */
final class Readers {

    /** The measured rows and the table made of them. */
    record Result(Bench.Baselines baselines, List<Measurement> rows, Table table) {
    }

    /** The redis-arrow rows: the defaults, then the fixed settings they are chosen against. */
    enum Variant {

        DEFAULTS(DEFAULTS_LABEL),
        PROJECTED("redis-arrow HMGET 10 fields, default options"),
        DEFAULT_SIZE_WITH_TYPE(f("redis-arrow HGETALL, batchSize %,d, SCAN TYPE hash on every page",
                HashScan.DEFAULT_BATCH_SIZE)),
        FIXED_1000(f("redis-arrow HGETALL, batchSize %,d, SCAN TYPE hash (the earlier defaults)", EARLIER_BATCH_SIZE)),
        HELD("redis-arrow HGETALL, default options, every batch held");

        final String label;

        Variant(String label) {
            this.label = label;
        }

        HashScan scan() {
            HashScan.Builder builder = HashScan.builder().pattern(BenchData.PATTERN).schema(BenchData.SCHEMA);
            return switch (this) {
                case DEFAULTS, HELD -> builder.build();
                case PROJECTED -> builder.project(BenchData.FIELDS).build();
                case DEFAULT_SIZE_WITH_TYPE -> builder.typeFilter(TypeFilter.ALWAYS).build();
                case FIXED_1000 -> builder.batchSize(EARLIER_BATCH_SIZE).typeFilter(TypeFilter.ALWAYS).build();
            };
        }
    }

    /** The batch size the defaults had before the batch-size sweep chose the current one. */
    static final int EARLIER_BATCH_SIZE = 1000;

    /** The scenario name of redis-arrow with every option at its default. */
    static final String DEFAULTS_LABEL = "redis-arrow HGETALL, default options";

    private Readers() {
    }

    static Result run(String url, int keys, int repetitions, int[] clients, ServerCost cost,
            RedisCommands<String, String> redis) {
        List<Measurement> rows = new ArrayList<>();
        ServerCeiling server = new ServerCeiling(url, keys, redis);
        Progress.say("ceiling: %s", RedisTools.display(server.command(clients[0])));
        int best = clients[0];
        Measurement ceiling = null;
        for (int count : clients) {
            Measurement m = Measurement.run(ServerCeiling.scenario(count), "-", repetitions,
                    () -> new Measurement.Pass(server.run(count), server.requests(), ""), cost);
            rows.add(m);
            if (ceiling == null || m.median() > ceiling.median()) {
                ceiling = m;
                best = count;
            }
        }
        for (Variant variant : Variant.values()) {
            try (Reader reader = new RedisArrowReader(url, variant.scan(), variant.label, variant != Variant.HELD)) {
                rows.add(Measurement.of(reader, keys, repetitions, cost));
            }
        }
        Measurement jedis;
        try (Reader reader = new JedisReader(url)) {
            jedis = Measurement.of(reader, keys, repetitions, cost);
        }
        Measurement lettuce;
        try (Reader reader = new LettuceReader(url)) {
            lettuce = Measurement.of(reader, keys, repetitions, cost);
        }
        rows.add(jedis);
        rows.add(lettuce);
        Bench.Baselines baselines = new Bench.Baselines(ceiling, best, jedis, lettuce);
        return new Result(baselines, rows, table(keys, repetitions, rows, baselines));
    }

    private static Table table(int keys, int repetitions, List<Measurement> rows, Bench.Baselines baselines) {
        Table table = new Table("readers", String.format(Locale.ROOT,
                "Every reader, %,d hashes x 10 fields on loopback", keys))
                .text("scenario", "scenario").text("parallel", "parallel")
                .number("rows/s (median)", "rows_per_s", "%,.0f").number("min", "rows_per_s_min", "%,.0f")
                .number("max", "rows_per_s_max", "%,.0f").number("x ceiling", "x_ceiling", "%.2f")
                .number("x Jedis", "x_jedis", "%.2f").number("x Lettuce", "x_lettuce", "%.2f")
                .number("server µs/row", "server_us_per_row", "%.2f");
        for (Measurement m : rows) {
            table.row(m.scenario(), m.parallel(), m.median(), m.min(), m.max(), m.median() / baselines.ceiling().median(),
                    m.median() / baselines.jedis().median(), m.median() / baselines.lettuce().median(),
                    m.serverMicrosPerRow());
        }
        table.note(String.format(Locale.ROOT, """
                %s per scenario after one warm-up pass; ratios are of medians. The ceiling is the best \
                `redis-benchmark` row (%s): one HMGET of the ten fields per row, %d commands pipelined, \
                random existing keys (no misses, checked). redis-arrow rows close each batch as it arrives, as a \
                streaming subscriber does (the Jedis and Lettuce readers keep nothing either), except the row that \
                holds every batch until the pass ends. "Default options" sets nothing but the pattern and schema: \
                `parallel` %d, batches of %,d keys, SCAN `TYPE hash` only once a key of another type shows up (none \
                here); the other rows fix what they name. SCAN COUNT is the library's default (batchSize x parallel). The Jedis and Lettuce baselines use \
                SCAN COUNT %,d. Server µs/row: Redis' own command time (INFO \
                commandstats, SCAN included) per row over the measured passes; it leaves out socket I/O.""",
                repetitions == 1 ? "1 measured pass" : repetitions + " measured passes",
                baselines.ceilingClients() == 1 ? "1 client" : baselines.ceilingClients() + " clients",
                ServerCeiling.PIPELINE, HashScan.DEFAULT_PARALLEL, HashScan.DEFAULT_BATCH_SIZE,
                RedisArrowReader.BASELINE_SCAN_COUNT));
        return table;
    }
}
