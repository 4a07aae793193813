package io.redisarrow.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code parallel} sweep behind a {@link LatencyProxy}: redis-arrow at each setting and the
 * Jedis pipeline, all through the same added delay, with each redis-arrow row's speed-up over
 * {@code parallel} 1.
 */
final class LatencySweep {

    private LatencySweep() {
    }

    static String run(String url, Duration delayEachWay, int keys, int[] parallels, int repetitions, ServerCost cost)
            throws Exception {
        URI target = URI.create(url);
        int port = target.getPort() > 0 ? target.getPort() : 6379;
        List<Measurement> rows = new ArrayList<>();
        try (LatencyProxy proxy = LatencyProxy.start(target.getHost(), port, delayEachWay)) {
            String proxied = new URI(target.getScheme(), target.getUserInfo(), "127.0.0.1", proxy.port(),
                    target.getPath(), target.getQuery(), null).toString();
            Progress.say("latency: %s each way through 127.0.0.1:%d", millis(delayEachWay), proxy.port());
            // the library's default SCAN COUNT (batchSize x parallel), then COUNT fixed at one batch:
            // SCAN pages come one round trip after another, so COUNT bounds keys per round trip
            for (int countHint : new int[] { 0, RedisArrowReader.BATCH_SIZE }) {
                for (int parallel : parallels) {
                    try (Reader reader = new RedisArrowReader(proxied, parallel, false, true, countHint)) {
                        rows.add(Measurement.of(reader, keys, repetitions, cost));
                    }
                }
            }
            try (Reader reader = new JedisReader(proxied)) {
                rows.add(Measurement.of(reader, keys, repetitions, cost));
            }
        }
        return markdown(delayEachWay, keys, rows);
    }

    private static String markdown(Duration delay, int keys, List<Measurement> rows) {
        Measurement first = rows.get(0);
        Measurement jedis = rows.get(rows.size() - 1);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "## Behind %s of added latency each way (%,d hashes)%n%n", millis(delay), keys));
        out.append("| scenario | parallel | rows/s (median) | min | max | speed-up vs parallel ")
                .append(first.parallel()).append(" | x Jedis |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (Measurement m : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | %,.0f | %,.0f | %s | %.2f |%n", m.scenario(),
                    m.parallel(), m.median(), m.min(), m.max(),
                    m == jedis ? "-" : String.format(Locale.ROOT, "%.2f", m.median() / first.median()),
                    m.median() / jedis.median()));
        }
        out.append(String.format(Locale.ROOT, "%nThe proxy (in the benchmark, on loopback) delays every chunk of bytes by"
                + " %s in each direction, so one round trip costs at least %s more.%n", millis(delay),
                millis(delay.multipliedBy(2))));
        return out.toString();
    }

    private static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%s ms", duration.toNanos() % 1_000_000 == 0 ? Long.toString(duration.toMillis())
                : String.format(Locale.ROOT, "%.1f", duration.toNanos() / 1e6));
    }
}
