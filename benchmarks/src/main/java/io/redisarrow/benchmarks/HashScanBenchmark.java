package io.redisarrow.benchmarks;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.redisarrow.testing.LocalRedisServer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Hash scan throughput in one command: loads N hashes x 10 fields into Redis (a local
 * redis-server it starts and stops itself unless {@code REDIS_URL} is set), then measures in the
 * same run the server's ceiling (redis-benchmark), redis-arrow at several {@code parallel} settings
 * with HGETALL and with HMGET, a Jedis pipeline and Lettuce's ScanStream, and reports rows per
 * second as ratios. See {@link Options#USAGE} for the options.
 */
public final class HashScanBenchmark {

    private HashScanBenchmark() {
    }

    /**
     * Runs the benchmark and exits: 0 on success, 1 when a measurement failed, 2 on a bad option.
     *
     * @param args see {@link Options#USAGE}
     */
    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        int status = 0;
        try {
            String url = System.getenv("REDIS_URL");
            if (url != null && !url.isBlank()) {
                Progress.say("REDIS_URL is set: measuring %s", url.replaceAll(":[^:@/]*@", ":***@"));
                run(url, options, args);
            } else {
                Progress.say("REDIS_URL is not set: starting a local redis-server");
                try (LocalRedisServer server = LocalRedisServer.builder().search(false).start()) {
                    Progress.say("local redis-server %s on %s", server.facts().version(), server.url());
                    run(server.url(), options, args);
                }
                Progress.say("local redis-server stopped");
            }
        } catch (Throwable e) {
            Progress.say("FAILED: %s", e);
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private static void run(String url, Options options, String[] args) throws Exception {
        int keys = options.keys();
        int repetitions = options.repetitions();
        DataLoader.ensureLoaded(url, keys, options.reuse());
        String loadAtStart = Facts.loadAverage();
        RedisClient admin = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> connection = admin.connect()) {
            List<Measurement> rows = new ArrayList<>();

            ServerCost cost = new ServerCost(connection.sync());
            ServerCeiling server = new ServerCeiling(url, keys, connection.sync());
            Progress.say("ceiling: %s", RedisTools.display(server.command(options.clients()[0])));
            for (int clients : options.clients()) {
                rows.add(Measurement.run(ServerCeiling.scenario(clients), "-", repetitions,
                        () -> new Measurement.Pass(server.run(clients), server.requests(), ""), cost));
            }
            Measurement ceiling = rows.stream().max(Comparator.comparingDouble(Measurement::median)).orElseThrow();

            for (int parallel : options.parallels()) {
                try (Reader reader = new RedisArrowReader(url, parallel, false, true)) {
                    rows.add(Measurement.of(reader, keys, repetitions, cost));
                }
            }
            // the variants run at the default parallel, so they compare with its row above
            int widest = io.redisarrow.arrow.HashScan.DEFAULT_PARALLEL;
            try (Reader reader = new RedisArrowReader(url, widest, true, true)) {
                rows.add(Measurement.of(reader, keys, repetitions, cost));
            }
            try (Reader reader = new RedisArrowReader(url, widest, false, false)) {
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

            String command = "HashScanBenchmark " + String.join(" ", args) + " (keys " + keys + ", repetitions "
                    + repetitions + ", parallel " + options.parallelList() + ", reuse " + options.reuse() + ")";
            Report report = new Report(Facts.read(connection.sync(), keys, loadAtStart), command, repetitions, rows, ceiling,
                    jedis, lettuce);
            System.out.println(report.markdown());
            System.out.flush();
            Path written = report.write(options.out());
            Progress.say("written %s (and .csv)", written.toAbsolutePath().normalize());
            if (options.sweeps()) {
                String sweeps = Sweeps.batchSizes(url, keys, repetitions, cost) + "\n"
                        + Sweeps.projections(url, keys, repetitions, cost);
                System.out.println(sweeps);
                System.out.flush();
                Path file = written.resolveSibling(written.getFileName().toString().replace(".md", "-sweeps.md"));
                java.nio.file.Files.writeString(file, sweeps);
                Progress.say("written %s", file.toAbsolutePath().normalize());
            }
            for (double latency : options.latencies()) {
                String sweep = LatencySweep.run(url, java.time.Duration.ofNanos((long) (latency * 1_000_000)), keys,
                        new int[] { 1, 2, 4, 8, 16 }, repetitions, cost);
                System.out.println(sweep);
                System.out.flush();
                Path file = written.resolveSibling(written.getFileName().toString().replace(".md", "-latency-"
                        + String.valueOf(latency).replace('.', '_') + "ms.md"));
                java.nio.file.Files.writeString(file, sweep);
                Progress.say("written %s", file.toAbsolutePath().normalize());
            }
        } finally {
            admin.shutdown();
        }
    }
}
