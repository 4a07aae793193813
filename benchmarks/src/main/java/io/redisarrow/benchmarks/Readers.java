package io.redisarrow.benchmarks;

import io.lettuce.core.api.sync.RedisCommands;
import io.redisarrow.arrow.HashScan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        int parallel = HashScan.DEFAULT_PARALLEL;
        try (Reader reader = new RedisArrowReader(url, parallel, false, true, true)) {
            rows.add(Measurement.of(reader, keys, repetitions, cost));
        }
        try (Reader reader = new RedisArrowReader(url, parallel, true, true, true)) {
            rows.add(Measurement.of(reader, keys, repetitions, cost));
        }
        try (Reader reader = new RedisArrowReader(url, parallel, false, false, true)) {
            rows.add(Measurement.of(reader, keys, repetitions, cost));
        }
        try (Reader reader = new RedisArrowReader(url, parallel, false, true, false)) {
            rows.add(Measurement.of(reader, keys, repetitions, cost));
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
                holds every batch until the pass ends; batches of %,d keys, `parallel` %d, SCAN COUNT the library's default (batchSize x parallel); the \
                Jedis and Lettuce baselines use SCAN COUNT %,d. Server µs/row: Redis' own command time (INFO \
                commandstats, SCAN included) per row over the measured passes; it leaves out socket I/O.""",
                repetitions == 1 ? "1 measured pass" : repetitions + " measured passes",
                baselines.ceilingClients() == 1 ? "1 client" : baselines.ceilingClients() + " clients",
                ServerCeiling.PIPELINE, RedisArrowReader.BATCH_SIZE, HashScan.DEFAULT_PARALLEL,
                RedisArrowReader.BATCH_SIZE));
        return table;
    }
}
