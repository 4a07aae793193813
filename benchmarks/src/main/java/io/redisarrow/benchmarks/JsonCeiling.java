package io.redisarrow.benchmarks;

import io.lettuce.core.api.sync.RedisCommands;
import io.redisarrow.benchmarks.json.JsonDocs;

import java.util.List;

/**
 * Runs {@code redis-benchmark -P 100 -r N JSON.GET bench:doc:__rand_int__ $} in the documents'
 * database: the server's own ceiling for reading these documents whole, one JSON.GET per row, the
 * command redis-arrow sends per key with its defaults. Checks through INFO's {@code keyspace_misses}
 * that every request hit an existing document ({@link ServerCeiling#rate}).
 */
final class JsonCeiling {

    private final String url;

    private final int keys;

    private final RedisCommands<String, String> redis;

    /**
     * @param url the documents' server and database
     * @param keys N; {@code __rand_int__} is drawn from 0..N-1
     * @param redis a connection to the same server, to read the miss counter
     */
    JsonCeiling(String url, int keys, RedisCommands<String, String> redis) {
        this.url = url;
        this.keys = keys;
        this.redis = redis;
    }

    /** @return the scenario name of a run with this many clients */
    static String scenario(int clients) {
        return "server ceiling: redis-benchmark -P " + ServerCeiling.PIPELINE + " -c " + clients + " JSON.GET $";
    }

    /** @return the JSON.GET requests of one run ({@code -n}) */
    int requests() {
        return Math.max(keys, 500_000);
    }

    /** @return the command line of a run with this many clients */
    List<String> command(int clients) {
        List<String> command = RedisTools.command("redis-benchmark", url);
        command.addAll(List.of("-P", Integer.toString(ServerCeiling.PIPELINE), "-c", Integer.toString(clients), "-n",
                Integer.toString(requests()), "-r", Integer.toString(keys), "--csv", "JSON.GET",
                JsonDocs.KEY_PREFIX + "__rand_int__", "$"));
        return command;
    }

    /**
     * One run.
     *
     * @param clients parallel connections
     * @return JSON.GET requests per second, that is rows per second
     * @throws IllegalStateException when redis-benchmark fails or a request missed
     */
    double run(int clients) {
        return ServerCeiling.rate(command(clients), "JSON.GET", redis);
    }
}
