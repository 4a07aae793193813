package io.redisarrow.benchmarks;

import io.lettuce.core.RedisException;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.NestedMultiOutput;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * The search scenario's RediSearch index on the benchmark hashes' numeric {@code balance} field:
 * {@code FT.CREATE bench:idx ON HASH PREFIX 1 bench:user: SCHEMA balance NUMERIC}, which RediSearch
 * 2.0 and later (Redis Stack, Redis 8) keep up to date as hashes are written; this waits until it
 * holds them.
 */
final class FtIndex {

    static final String NAME = "bench:idx";

    /** The oldest RediSearch with {@code FT.CREATE ... ON HASH PREFIX}, as INFO modules writes versions. */
    static final int SEARCH_2_0 = 20000;

    /** What to use instead of an older or missing RediSearch. */
    static final String WHERE_TO_GET_IT = "Redis Stack, Redis 8, or the modules in"
            + " ../shared/servers/valkey-8.0.1-json-search/modules, which the benchmark's own server loads when present";

    /** How long indexing may take before the scenario gives up. */
    private static final long INDEXING_TIMEOUT_NANOS = 30L * 60 * 1_000_000_000L;

    private final RedisCommands<String, String> redis;

    private FtIndex(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    /**
     * @param redis a connection to the server
     * @return the module's version as INFO modules gives it (20637 for 2.6.37), if RediSearch is loaded
     */
    static Optional<Integer> moduleVersion(RedisCommands<String, String> redis) {
        for (String line : redis.info("modules").split("\r?\n")) {
            if (line.startsWith("module:name=ft,") || line.startsWith("module:name=search,")) {
                for (String part : line.split(",")) {
                    if (part.startsWith("ver=")) {
                        return Optional.of(Integer.parseInt(part.substring(4)));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * @param version the server's RediSearch version, if it has one
     * @return why the scenario cannot run on this server, if it cannot
     */
    static Optional<String> unsupported(Optional<Integer> version) {
        if (version.isEmpty()) {
            return Optional.of("the server has no RediSearch; RediSearch 2.0 or later needed (" + WHERE_TO_GET_IT + ")");
        }
        int v = version.get();
        if (v < SEARCH_2_0) {
            return Optional.of(String.format(Locale.ROOT, "RediSearch 2.0 or later needed (%s); the server has"
                    + " RediSearch %d.%d.%d, which cannot index hashes by prefix (FT.CREATE ... ON HASH)", WHERE_TO_GET_IT,
                    v / 10000, v / 100 % 100, v % 100));
        }
        return Optional.empty();
    }

    /**
     * Drops an index left by an earlier run (keeping the hashes), then creates the index, which
     * starts indexing the hashes already under the prefix.
     *
     * @param redis a connection to a server with RediSearch 2.0 or later
     * @return the index
     */
    static FtIndex create(RedisCommands<String, String> redis) {
        FtIndex index = new FtIndex(redis);
        index.drop();
        redis.dispatch(FtCommand.CREATE, new StatusOutput<>(StringCodec.UTF8), createArguments());
        return index;
    }

    /** @return the arguments of FT.CREATE after the command's name */
    static CommandArgs<String, String> createArguments() {
        return new CommandArgs<>(StringCodec.UTF8).add(NAME).add("ON").add("HASH").add("PREFIX").add(1)
                .add(BenchData.PATTERN.substring(0, BenchData.PATTERN.length() - 1)).add("SCHEMA").add("balance")
                .add("NUMERIC");
    }

    /**
     * Waits until the index holds exactly the hashes {@code 0} to {@code to - 1}, already loaded.
     *
     * @param from the first hash loaded since the last call
     * @param to one past the last hash loaded
     */
    void awaitIndexed(int from, int to) {
        long start = System.nanoTime();
        long documents;
        while ((documents = documents()) < to) {
            if (System.nanoTime() - start > INDEXING_TIMEOUT_NANOS) {
                throw new IllegalStateException(String.format(Locale.ROOT, "search: the index holds %,d documents"
                        + " after %d min, expected %,d", documents, INDEXING_TIMEOUT_NANOS / 60_000_000_000L, to));
            }
            LockSupport.parkNanos(50_000_000);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Progress.say("search: hashes %,d to %,d indexed by the server, waited %.1f s", from, to - 1, seconds);
        if (documents != to) {
            throw new IllegalStateException("search: the index holds " + documents + " documents, expected " + to);
        }
    }

    /** @return FT.INFO's {@code num_docs} */
    long documents() {
        List<Object> info = redis.dispatch(FtCommand.INFO, new NestedMultiOutput<>(StringCodec.UTF8),
                new CommandArgs<>(StringCodec.UTF8).add(NAME));
        for (int i = 0; i + 1 < info.size(); i += 2) {
            if ("num_docs".equals(info.get(i))) {
                return (long) Double.parseDouble(info.get(i + 1).toString());
            }
        }
        throw new IllegalStateException("FT.INFO has no num_docs: " + info);
    }

    /** Drops the index and keeps the hashes; no index is fine. */
    void drop() {
        try {
            redis.dispatch(FtCommand.DROPINDEX, new StatusOutput<>(StringCodec.UTF8),
                    new CommandArgs<>(StringCodec.UTF8).add(NAME));
        } catch (RedisException e) {
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (!message.contains("unknown index") && !message.contains("no such index")) {
                throw e;
            }
        }
    }
}
