package io.redisarrow.benchmarks;

import io.lettuce.core.api.sync.RedisCommands;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs {@code redis-benchmark -P 100 -r N HMGET bench:user:__rand_int__ <the ten fields>}: the
 * server's own ceiling for reading these hashes, one HMGET per row. Checks through INFO's
 * {@code keyspace_misses} that every request hit an existing hash.
 */
final class ServerCeiling {

    /** Pipeline depth of redis-benchmark. */
    static final int PIPELINE = 100;

    private final String url;

    private final int keys;

    private final RedisCommands<String, String> redis;

    /**
     * @param url the server
     * @param keys N; {@code __rand_int__} is drawn from 0..N-1
     * @param redis a connection to the same server, to read the miss counter
     */
    ServerCeiling(String url, int keys, RedisCommands<String, String> redis) {
        this.url = url;
        this.keys = keys;
        this.redis = redis;
    }

    /** @return the output of {@code redis-benchmark --version} */
    static String version() {
        List<String> out = new ArrayList<>();
        int exit = RedisTools.run(List.of("redis-benchmark", "--version"), out);
        return exit == 0 && !out.isEmpty() ? out.get(0).trim() : "unknown";
    }

    /** @return the scenario name of a run with this many clients */
    static String scenario(int clients) {
        return "server ceiling: redis-benchmark -P " + PIPELINE + " -c " + clients + " HMGET";
    }

    /** @return the scenario name of a run with this many clients reading the first {@code fields} fields */
    static String scenario(int clients, int fields) {
        return scenario(clients) + (fields == BenchData.FIELDS.length ? "" : " of " + fields + " fields");
    }

    /** @return the HMGET requests of one run ({@code -n}) */
    int requests() {
        return Math.max(keys, 500_000);
    }

    /** @return the command line of a run with this many clients, HMGET of all ten fields */
    List<String> command(int clients) {
        return command(clients, BenchData.FIELDS.length);
    }

    /** @return the command line of a run with this many clients, HMGET of the first {@code fields} fields */
    List<String> command(int clients, int fields) {
        List<String> command = RedisTools.command("redis-benchmark", url);
        command.addAll(List.of("-P", Integer.toString(PIPELINE), "-c", Integer.toString(clients), "-n",
                Integer.toString(requests()), "-r", Integer.toString(keys), "--csv", "HMGET",
                "bench:user:__rand_int__"));
        command.addAll(List.of(BenchData.FIELDS).subList(0, fields));
        return command;
    }

    /**
     * One run.
     *
     * @param clients parallel connections
     * @return HMGET requests per second, that is rows per second
     * @throws IllegalStateException when redis-benchmark fails or a request missed
     */
    double run(int clients) {
        return run(clients, BenchData.FIELDS.length);
    }

    /**
     * One run reading the first {@code fields} fields.
     *
     * @param clients parallel connections
     * @param fields how many of the ten fields each HMGET names
     * @return HMGET requests per second, that is rows per second
     * @throws IllegalStateException when redis-benchmark fails or a request missed
     */
    double run(int clients, int fields) {
        return rate(command(clients, fields), "HMGET", redis);
    }

    /**
     * Runs one redis-benchmark command line and checks through INFO's {@code keyspace_misses} that
     * every request hit an existing key.
     *
     * @param command the command line, with {@code --csv}
     * @param test the first word of the test's name in the CSV output, such as {@code HMGET}
     * @param redis a connection to the same server, to read the miss counter
     * @return requests per second, that is rows per second
     * @throws IllegalStateException when redis-benchmark fails or a request missed
     */
    static double rate(List<String> command, String test, RedisCommands<String, String> redis) {
        long missesBefore = misses(redis);
        List<String> output = new ArrayList<>();
        int exit = RedisTools.run(command, output);
        double rps = -1;
        for (String line : output) {
            String[] cells = line.split(",");
            if (cells.length >= 2 && cells[0].startsWith("\"" + test + " ")) {
                rps = Double.parseDouble(cells[1].replace("\"", ""));
            }
        }
        if (exit != 0 || rps <= 0) {
            throw new IllegalStateException("redis-benchmark (exit " + exit + ") gave no rate:\n" + String.join("\n", output));
        }
        long missed = misses(redis) - missesBefore;
        if (missed > 0) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "redis-benchmark missed %,d keys: __rand_int__ does not produce the benchmark's key names", missed));
        }
        return rps;
    }

    private static long misses(RedisCommands<String, String> redis) {
        for (String line : redis.info("stats").split("\r?\n")) {
            if (line.startsWith("keyspace_misses:")) {
                return Long.parseLong(line.substring("keyspace_misses:".length()).trim());
            }
        }
        throw new IllegalStateException("INFO stats has no keyspace_misses");
    }
}
