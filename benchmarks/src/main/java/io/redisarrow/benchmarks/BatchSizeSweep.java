package io.redisarrow.benchmarks;

import io.redisarrow.arrow.HashScan;

import java.util.Locale;

/**
 * {@code batchSize} 100 to 100,000 at the default {@code parallel}, each batch closed as it
 * arrives: rows/s against the run's baselines, fetch round trips, and the most Arrow memory held
 * at once.
 */
final class BatchSizeSweep {

    static final int[] BATCH_SIZES = { 100, 500, 1_000, 2_000, 5_000, 10_000, 100_000 };

    private BatchSizeSweep() {
    }

    static Table run(Bench bench) {
        Table table = new Table("batch-size", String.format(Locale.ROOT,
                "Batch size (%,d hashes, parallel %d, each batch closed on arrival)", bench.keys(),
                HashScan.DEFAULT_PARALLEL))
                .number("batchSize", "batch_size", "%,d").number("rows/s (median)", "rows_per_s", "%,.0f")
                .number("min", "rows_per_s_min", "%,.0f").number("max", "rows_per_s_max", "%,.0f")
                .number("x ceiling", "x_ceiling", "%.2f").number("x Jedis", "x_jedis", "%.2f")
                .number("fetch round trips", "round_trips", "%,d")
                .number("Arrow peak (MB)", "arrow_peak_mb", "%.2f").number("server µs/row", "server_us_per_row", "%.2f");
        for (int batchSize : BATCH_SIZES) {
            HashScan scan = HashScan.builder().pattern(BenchData.PATTERN).schema(BenchData.SCHEMA).batchSize(batchSize)
                    .build();
            try (RedisArrowReader reader = new RedisArrowReader(bench.url(), scan, "redis-arrow batchSize " + batchSize,
                    true)) {
                Measurement m = Measurement.of(reader, bench.keys(), bench.repetitions(), bench.cost());
                table.row((long) batchSize, m.median(), m.min(), m.max(), bench.xCeiling(m), bench.xJedis(m),
                        (long) ((bench.keys() + batchSize - 1) / batchSize), reader.peakBytes() / 1e6,
                        m.serverMicrosPerRow());
            }
        }
        table.note("Arrow peak: the allocator's peak over the passes, that is the most Arrow memory the library and a"
                + " subscriber that closes each batch at once held together. Round trips: fetch pipelines per pass"
                + " (SCAN pages come on top). Ratios are against the ceiling and the Jedis pipeline of the first table.");
        return table;
    }
}
