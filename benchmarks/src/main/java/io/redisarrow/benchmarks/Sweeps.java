package io.redisarrow.benchmarks;

import io.redisarrow.arrow.HashScan;

import java.util.Arrays;
import java.util.Locale;

/**
 * The sweeps of one setting at a time, each a Markdown table: batch size (rows/s, round trips,
 * the allocator's peak while every batch is closed on arrival) and projection (rows/s and the
 * bytes Redis sent per row for 1, 2, 5 and 10 of the 10 fields).
 */
final class Sweeps {

    static final int[] BATCH_SIZES = { 100, 500, 1_000, 5_000, 10_000, 100_000 };

    static final int[] FIELD_COUNTS = { 1, 2, 5, 10 };

    private Sweeps() {
    }

    static String batchSizes(String url, int keys, int repetitions, ServerCost cost) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "## Batch size (%,d hashes, parallel %d, each batch closed on arrival)%n%n", keys, HashScan.DEFAULT_PARALLEL));
        out.append("| batchSize | rows/s (median) | min | max | fetch round trips | allocator peak (MB) | server µs/row |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int batchSize : BATCH_SIZES) {
            HashScan scan = HashScan.builder().pattern(BenchData.PATTERN).schema(BenchData.SCHEMA).batchSize(batchSize)
                    .build();
            try (RedisArrowReader reader = new RedisArrowReader(url, scan, "redis-arrow batchSize " + batchSize, true)) {
                Measurement m = Measurement.of(reader, keys, repetitions, cost);
                out.append(String.format(Locale.ROOT, "| %,d | %,.0f | %,.0f | %,.0f | %,d | %.1f | %.2f |%n", batchSize,
                        m.median(), m.min(), m.max(), (keys + batchSize - 1) / batchSize, reader.peakBytes() / 1e6,
                        m.serverMicrosPerRow()));
            }
        }
        out.append("\nThe allocator's peak is the most Arrow memory the library and a subscriber that closes each"
                + " batch at once held together during a pass.\n");
        return out.toString();
    }

    static String projections(String url, int keys, int repetitions, ServerCost cost) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "## Projection (%,d hashes of 10 fields, HMGET of the first k, parallel %d)%n%n", keys,
                HashScan.DEFAULT_PARALLEL));
        out.append("| fields | rows/s (median) | min | max | Redis bytes sent per row | server µs/row |\n")
                .append("|---:|---:|---:|---:|---:|---:|\n");
        for (int count : FIELD_COUNTS) {
            HashScan scan = HashScan.builder().pattern(BenchData.PATTERN).schema(BenchData.SCHEMA)
                    .project(Arrays.copyOf(BenchData.FIELDS, count)).build();
            try (RedisArrowReader reader = new RedisArrowReader(url, scan, "redis-arrow HMGET " + count + " fields", true)) {
                Measurement m = Measurement.of(reader, keys, repetitions, cost);
                long bytes = cost.outputBytes();
                out.append(String.format(Locale.ROOT, "| %d | %,.0f | %,.0f | %,.0f | %s | %.2f |%n", count, m.median(),
                        m.min(), m.max(), bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f",
                                bytes / (double) ((long) keys * repetitions)), m.serverMicrosPerRow()));
            }
        }
        out.append("\nBytes sent per row: INFO stats `total_net_output_bytes` over the measured passes (SCAN replies"
                + " included), divided by the rows read.\n");
        return out.toString();
    }
}
