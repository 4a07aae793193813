package io.redisarrow.benchmarks;

import io.redisarrow.arrow.HashScan;

import java.util.Arrays;
import java.util.Locale;

/**
 * HMGET of 1, 2, 5 and 10 of the 10 fields: redis-arrow's rows/s and the bytes Redis sent per row,
 * beside the server ceiling and the Jedis pipeline reading the same fields in the same run.
 */
final class ProjectionSweep {

    static final int[] FIELD_COUNTS = { 1, 2, 5, 10 };

    private ProjectionSweep() {
    }

    static Table run(Bench bench, ServerCeiling server) {
        Table table = new Table("projection", String.format(Locale.ROOT,
                "Projection (%,d hashes of 10 fields, HMGET of the first k, parallel %d)", bench.keys(),
                HashScan.DEFAULT_PARALLEL))
                .number("fields", "fields", "%d").number("rows/s (median)", "rows_per_s", "%,.0f")
                .number("min", "rows_per_s_min", "%,.0f").number("max", "rows_per_s_max", "%,.0f")
                .number("x ceiling (same fields)", "x_ceiling_same_fields", "%.2f")
                .number("x Jedis (same fields)", "x_jedis_same_fields", "%.2f")
                .number("Redis bytes sent per row", "bytes_per_row", "%,.0f")
                .number("bytes vs 10 fields", "bytes_vs_all", "%.2f").number("server µs/row", "server_us_per_row", "%.2f");
        int clients = bench.baselines().ceilingClients();
        double[] bytes = new double[FIELD_COUNTS.length];
        Object[][] rows = new Object[FIELD_COUNTS.length][];
        for (int i = 0; i < FIELD_COUNTS.length; i++) {
            int count = FIELD_COUNTS[i];
            Measurement ceiling = Measurement.run(ServerCeiling.scenario(clients, count), "-", bench.repetitions(),
                    () -> new Measurement.Pass(server.run(clients, count), server.requests(), ""), bench.cost());
            Measurement jedis;
            try (Reader reader = new JedisReader(bench.url(), count, Long.MAX_VALUE)) {
                jedis = Measurement.of(reader, bench.keys(), bench.repetitions(), bench.cost());
            }
            HashScan scan = HashScan.builder().pattern(BenchData.PATTERN).schema(BenchData.SCHEMA)
                    .project(Arrays.copyOf(BenchData.FIELDS, count)).build();
            try (RedisArrowReader reader = new RedisArrowReader(bench.url(), scan, "redis-arrow HMGET " + count
                    + " fields", true)) {
                Measurement m = Measurement.of(reader, bench.keys(), bench.repetitions(), bench.cost());
                long sent = bench.cost().outputBytes();
                bytes[i] = sent < 0 ? Double.NaN : sent / (double) ((long) bench.keys() * bench.repetitions());
                rows[i] = new Object[] { (long) count, m.median(), m.min(), m.max(), m.median() / ceiling.median(),
                    m.median() / jedis.median(), bytes[i], null, m.serverMicrosPerRow() };
            }
        }
        double all = bytes[bytes.length - 1];
        for (int i = 0; i < rows.length; i++) {
            rows[i][7] = bytes[i] / all;
            table.row(rows[i]);
        }
        table.note(String.format(Locale.ROOT, "Bytes sent per row: INFO stats `total_net_output_bytes` over redis-arrow's"
                + " measured passes (SCAN replies included), divided by the rows read. The ceiling of each row is"
                + " `redis-benchmark -P %d -c %d` doing HMGET of the same k fields, and the Jedis pipeline reads the"
                + " same k fields, both in this run.", ServerCeiling.PIPELINE, clients));
        return table;
    }
}
