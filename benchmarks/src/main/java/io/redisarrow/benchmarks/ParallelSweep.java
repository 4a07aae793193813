package io.redisarrow.benchmarks;

import io.lettuce.core.api.sync.RedisCommands;
import io.redisarrow.arrow.HashScan;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code parallel} 1 to 16 on loopback and behind a {@link LatencyProxy} adding a delay each way:
 * redis-arrow's speed-up over {@code parallel} 1 beside the seed's claimed scaling and our
 * targets, and the Jedis pipeline through the same delay. Behind the largest delay it also runs
 * with batches of 100 keys, where a round trip's delay outweighs the work it carries.
 */
final class ParallelSweep {

    static final int[] PARALLELS = { 1, 2, 4, 8, 16 };

    /** The seed's claimed relative throughput by worker count. */
    static final Map<Integer, Double> SEED_CLAIM = Map.of(1, 1.0, 2, 1.8, 4, 3.2, 8, 4.5, 16, 5.0);

    /** Our targets behind 2 ms by worker count, until throughput reaches 0.8 of the ceiling. */
    static final Map<Integer, Double> TARGET = Map.of(1, 1.0, 2, 1.9, 4, 3.6, 8, 6.5);

    static final int SMALL_BATCH = 100;

    /** A batch size beside the default, to show what the default was chosen against. */
    static final int OTHER_BATCH = 1000;

    /** redis-benchmark clients for the ceiling through the proxy: enough that latency does not bound it. */
    static final int PROXIED_CEILING_CLIENTS = 50;

    private ParallelSweep() {
    }

    /**
     * @param bench the run
     * @param latenciesMs delays each way to add, besides loopback
     * @param rows rows read per pass (a {@code limit}, so slow settings finish)
     * @param redis a direct connection to the server, for the ceiling's miss check
     */
    static Table run(Bench bench, double[] latenciesMs, long rows, RedisCommands<String, String> redis)
            throws Exception {
        Table table = new Table("parallel", String.format(Locale.ROOT,
                "Parallel fetch pipelines, on loopback and behind added latency (%,d rows per pass)", rows))
                .text("latency each way", "latency_ms").number("batchSize", "batch_size", "%,d")
                .text("parallel", "parallel").number("rows/s (median)", "rows_per_s", "%,.0f")
                .number("min", "rows_per_s_min", "%,.0f").number("max", "rows_per_s_max", "%,.0f")
                .number("speed-up vs parallel 1", "speedup", "%.2f").number("seed's claim", "seed_claim", "%.1f")
                .number("target", "target", "%.1f").number("x ceiling (same latency)", "x_ceiling", "%.2f")
                .number("x Jedis (same latency)", "x_jedis_same_latency", "%.2f");
        double largest = 0;
        for (double latency : latenciesMs) {
            largest = Math.max(largest, latency);
        }
        List<Double> delays = new ArrayList<>(List.of(0.0));
        for (double latency : latenciesMs) {
            delays.add(latency);
        }
        for (double latency : delays) {
            if (latency == 0) {
                sweep(bench, bench.url(), latency, latency == largest, rows, bench.baselines().ceiling(), table);
                continue;
            }
            URI target = URI.create(bench.url());
            int port = target.getPort() > 0 ? target.getPort() : 6379;
            try (LatencyProxy proxy = LatencyProxy.start(target.getHost(), port,
                    Duration.ofNanos((long) (latency * 1_000_000)))) {
                String proxied = new URI(target.getScheme(), target.getUserInfo(), "127.0.0.1", proxy.port(),
                        target.getPath(), target.getQuery(), null).toString();
                Progress.say("latency: %s each way through 127.0.0.1:%d", label(latency), proxy.port());
                ServerCeiling server = new ServerCeiling(proxied, bench.keys(), redis);
                Measurement ceiling = Measurement.run(ServerCeiling.scenario(PROXIED_CEILING_CLIENTS) + " through the proxy",
                        "-", bench.repetitions(), () -> new Measurement.Pass(server.run(PROXIED_CEILING_CLIENTS),
                                server.requests(), ""), bench.cost());
                table.row(label(latency), null, "server ceiling", ceiling.median(), ceiling.min(), ceiling.max(), null,
                        null, null, 1.0, null);
                sweep(bench, proxied, latency, latency == largest, rows, ceiling, table);
            }
        }
        table.note(String.format(Locale.ROOT, "Each pass reads %,d rows (`limit`) with each batch closed on arrival;"
                + " SCAN COUNT is the library's default (batchSize x parallel). The proxy (in the benchmark, on"
                + " loopback, one Netty event loop) delays every chunk of bytes by the given time in each direction,"
                + " so one round trip costs at least twice that more. The seed's claim is its guide's relative"
                + " throughput for 1/2/4/8/16 workers; the target is ours for 2 ms, until throughput reaches 0.8 of"
                + " the ceiling. x ceiling: on loopback against the ceiling of the first table, behind a delay against"
                + " `redis-benchmark -P %d -c %d` HMGET through the same proxy (its own row; the proxy's thread shares"
                + " the two cores, so it lowers what any reader can reach). x Jedis: against the Jedis pipeline (SCAN"
                + " COUNT 1000, one pipeline per page) through the same delay. The default-options row sets only the"
                + " pattern, schema and limit, as a user who tunes nothing would.",
                rows, ServerCeiling.PIPELINE,
                PROXIED_CEILING_CLIENTS));
        return table;
    }

    private static void sweep(Bench bench, String url, double latency, boolean alsoSmallBatches, long rows,
            Measurement ceiling, Table table) {
        Measurement jedis;
        try (Reader reader = new JedisReader(url, BenchData.FIELDS.length, rows)) {
            jedis = Measurement.of(reader, rows, bench.repetitions(), bench.cost());
        }
        List<Integer> batchSizes = alsoSmallBatches && latency > 0
                ? List.of(HashScan.DEFAULT_BATCH_SIZE, OTHER_BATCH, SMALL_BATCH)
                : List.of(HashScan.DEFAULT_BATCH_SIZE, OTHER_BATCH);
        for (int batchSize : batchSizes) {
            Measurement first = null;
            for (int parallel : PARALLELS) {
                HashScan scan = HashScan.builder().pattern(BenchData.PATTERN).schema(BenchData.SCHEMA)
                        .batchSize(batchSize).parallel(parallel).limit(rows).build();
                String name = String.format(Locale.ROOT, "redis-arrow, %s, batchSize %d", label(latency), batchSize);
                try (RedisArrowReader reader = new RedisArrowReader(url, scan, name, true)) {
                    Measurement m = Measurement.of(reader, rows, bench.repetitions(), bench.cost());
                    first = first == null ? m : first;
                    table.row(label(latency), (long) batchSize, Integer.toString(parallel), m.median(), m.min(), m.max(),
                            m.median() / first.median(), SEED_CLAIM.get(parallel), latency == 2.0 ? TARGET.get(parallel)
                                    : null, m.median() / ceiling.median(), m.median() / jedis.median());
                }
            }
        }
        HashScan defaults = HashScan.builder().pattern(BenchData.PATTERN).schema(BenchData.SCHEMA).limit(rows).build();
        try (RedisArrowReader reader = new RedisArrowReader(url, defaults,
                String.format(Locale.ROOT, "redis-arrow, %s, default options", label(latency)), true)) {
            Measurement m = Measurement.of(reader, rows, bench.repetitions(), bench.cost());
            table.row(label(latency), null, DEFAULTS, m.median(), m.min(), m.max(), null, null, null,
                    m.median() / ceiling.median(), m.median() / jedis.median());
        }
        table.row(label(latency), null, "Jedis pipeline", jedis.median(), jedis.min(), jedis.max(), null, null, null,
                jedis.median() / ceiling.median(), 1.0);
    }

    /** The parallel column of the row that sets no option but the pattern, schema and limit. */
    static final String DEFAULTS = String.format(Locale.ROOT, "default options (parallel %d, batchSize %,d)",
            HashScan.DEFAULT_PARALLEL, HashScan.DEFAULT_BATCH_SIZE);

    static String label(double latencyMs) {
        if (latencyMs == 0) {
            return "loopback";
        }
        return (latencyMs == Math.rint(latencyMs) ? Long.toString((long) latencyMs)
                : String.format(Locale.ROOT, "%.1f", latencyMs)) + " ms";
    }
}
