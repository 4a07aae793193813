package io.redisarrow.benchmarks;

import io.redisarrow.testing.LocalRedisServer;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hash scan throughput, one command: loads N hashes x 10 fields into Redis (a local redis-server
 * it starts itself unless {@code REDIS_URL} is set), then measures in the same run the server's
 * ceiling (redis-benchmark), redis-arrow at several {@code parallel} settings with HGETALL and with
 * HMGET, a Jedis pipeline and Lettuce's ScanStream, and reports ratios.
 *
 * <p>Options: {@code --keys N} (default 1,000,000), {@code --quick} (100,000 keys, one repetition),
 * {@code --parallel 1,2,4,8}, {@code --repetitions R} (default 3), {@code --out DIR}.
 */
public final class HashScanBenchmark {

    private HashScanBenchmark() {
    }

    /**
     * @param args see the class comment
     * @throws Exception when a measurement fails
     */
    public static void main(String[] args) throws Exception {
        int keys = 1_000_000;
        int repetitions = 3;
        int[] parallels = { 1, 2, 4, 8 };
        Path out = Path.of("results");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> {
                    keys = 100_000;
                    repetitions = 1;
                }
                case "--keys" -> keys = Integer.parseInt(args[++i].replace("_", ""));
                case "--repetitions" -> repetitions = Integer.parseInt(args[++i]);
                case "--parallel" -> parallels = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; options: --keys N, --quick, --parallel 1,2,4,8, --repetitions R, --out DIR");
            }
        }
        String command = "HashScanBenchmark " + String.join(" ", args);
        String url = System.getenv("REDIS_URL");
        if (url != null && !url.isBlank()) {
            run(url, keys, repetitions, parallels, out, command);
            return;
        }
        Progress.say("REDIS_URL is not set: starting a local redis-server");
        try (LocalRedisServer server = LocalRedisServer.start()) {
            run(server.url(), keys, repetitions, parallels, out, command);
        }
    }

    private static void run(String url, int keys, int repetitions, int[] parallels, Path out, String command)
            throws Exception {
        BenchData.ensureLoaded(url, keys);
        URI uri = URI.create(url);
        List<Measurement> results = new ArrayList<>();
        try (ServerCost cost = new ServerCost(url)) {
            ServerCeiling.Result ceiling = ServerCeiling.measure(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379,
                    keys, cost);
            for (int parallel : parallels) {
                results.add(measure(new RedisArrowReader(url, parallel, 1000, false, true), keys, repetitions, cost));
            }
            int widest = Arrays.stream(parallels).max().orElse(4);
            results.add(measure(new RedisArrowReader(url, widest, 1000, false, false), keys, repetitions, cost));
            results.add(measure(new RedisArrowReader(url, widest, 1000, true, true), keys, repetitions, cost));
            Measurement jedis = measure(new JedisReader(url), keys, repetitions, cost);
            Measurement lettuce = measure(new LettuceReader(url), keys, repetitions, cost);
            results.add(jedis);
            results.add(lettuce);
            String markdown = Report.markdown(Facts.read(url, keys), ceiling, results, jedis, lettuce, command);
            System.out.println(markdown);
            Path written = Report.write(out, markdown, Report.csv(ceiling, results, jedis, lettuce));
            Progress.say("written %s (and .csv)", written.toAbsolutePath());
        }
    }

    private static Measurement measure(Reader reader, int keys, int repetitions, ServerCost cost) {
        try (reader) {
            return Measurement.of(reader, keys, 1, repetitions, cost);
        }
    }
}
