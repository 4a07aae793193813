package io.redisarrow.benchmarks;

import io.lettuce.core.RedisException;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.NestedMultiOutput;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.redisarrow.benchmarks.json.JsonDocs;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * A search scenario's RediSearch index on the numeric {@code balance} of the benchmark's data, which
 * RediSearch 2.0 and later (Redis Stack, Redis 8) keep up to date as keys are written: over the
 * hashes, {@code FT.CREATE bench:idx ON HASH PREFIX 1 bench:user: SCHEMA balance NUMERIC}; over the
 * JSON documents, {@code FT.CREATE bench:jidx ON JSON PREFIX 1 bench:doc: SCHEMA $.balance AS balance
 * NUMERIC}. RediSearch 2.x indexes database 0 only. This waits until the index holds the keys.
 */
final class FtIndex {

    /** The index over the benchmark hashes. */
    static final String NAME = "bench:idx";

    /** The index over the benchmark JSON documents. */
    static final String JSON_NAME = "bench:jidx";

    /** The oldest RediSearch with {@code FT.CREATE ... ON HASH PREFIX}, as INFO modules writes versions. */
    static final int SEARCH_2_0 = 20000;

    /** What to use instead of an older or missing RediSearch. */
    static final String WHERE_TO_GET_IT = "Redis Stack, Redis 8, or the modules in"
            + " ../shared/servers/valkey-8.0.1-json-search/modules, which the benchmark's own server loads when present";

    /** How long indexing may take before the scenario gives up. */
    private static final long INDEXING_TIMEOUT_NANOS = 30L * 60 * 1_000_000_000L;

    private final RedisCommands<String, String> redis;

    private final String name;

    private final String what;

    private FtIndex(RedisCommands<String, String> redis, String name, String what) {
        this.redis = redis;
        this.name = name;
        this.what = what;
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
     * @param database the run's database
     * @return why an index cannot cover it, if it cannot: RediSearch 2.x indexes database 0 only
     *         ({@code FT.CREATE} elsewhere fails with "Cannot create index on db != 0")
     */
    static Optional<String> unsupportedDatabase(int database) {
        return database == 0 ? Optional.empty() : Optional.of(String.format(Locale.ROOT, "RediSearch 2.x indexes"
                + " database 0 only (FT.CREATE elsewhere fails with \"Cannot create index on db != 0\"); the run's"
                + " database is %d", database));
    }

    /**
     * Drops an index left by an earlier run (keeping the hashes), then creates {@value #NAME} over
     * the benchmark hashes, which starts indexing those already under the prefix.
     *
     * @param redis a connection to database 0 of a server with RediSearch 2.0 or later
     * @return the index
     */
    static FtIndex create(RedisCommands<String, String> redis) {
        return create(redis, NAME, createArguments(), "hashes");
    }

    /**
     * Drops an index left by an earlier run (keeping the documents), then creates {@value #JSON_NAME}
     * over the benchmark JSON documents, which starts indexing those already under the prefix.
     *
     * @param redis a connection to database 0 of a server with RediSearch 2.0 or later and a JSON module
     * @return the index
     */
    static FtIndex createOnJson(RedisCommands<String, String> redis) {
        return create(redis, JSON_NAME, jsonArguments(JSON_NAME, JsonDocs.KEY_PREFIX), "JSON documents");
    }

    /**
     * Drops index {@code name} if there is one, then creates it.
     *
     * @param redis a connection to database 0 of a server with RediSearch 2.0 or later
     * @param name the index's name
     * @param arguments FT.CREATE's arguments after the command's name, {@code name} first
     * @param what what it indexes, for progress lines
     * @return the index
     */
    static FtIndex create(RedisCommands<String, String> redis, String name, CommandArgs<String, String> arguments,
            String what) {
        FtIndex index = new FtIndex(redis, name, what);
        index.drop();
        redis.dispatch(FtCommand.CREATE, new StatusOutput<>(StringCodec.UTF8), arguments);
        return index;
    }

    /** @return the arguments of FT.CREATE after the command's name, for {@value #NAME} */
    static CommandArgs<String, String> createArguments() {
        return hashArguments(NAME, BenchData.PATTERN.substring(0, BenchData.PATTERN.length() - 1));
    }

    /**
     * @param name the index's name
     * @param prefix the hashes' key prefix
     * @return the arguments of FT.CREATE after the command's name: {@code balance} of hashes
     */
    static CommandArgs<String, String> hashArguments(String name, String prefix) {
        return new CommandArgs<>(StringCodec.UTF8).add(name).add("ON").add("HASH").add("PREFIX").add(1).add(prefix)
                .add("SCHEMA").add("balance").add("NUMERIC");
    }

    /**
     * @param name the index's name
     * @param prefix the documents' key prefix
     * @return the arguments of FT.CREATE after the command's name: {@code balance} of JSON documents
     */
    static CommandArgs<String, String> jsonArguments(String name, String prefix) {
        return new CommandArgs<>(StringCodec.UTF8).add(name).add("ON").add("JSON").add("PREFIX").add(1).add(prefix)
                .add("SCHEMA").add("$.balance").add("AS").add("balance").add("NUMERIC");
    }

    /** @return the index's name */
    String name() {
        return name;
    }

    /**
     * Waits until the index holds exactly the keys {@code 0} to {@code to - 1}, already loaded.
     *
     * @param from the first key loaded since the last call
     * @param to one past the last key loaded
     */
    void awaitIndexed(int from, int to) {
        long start = System.nanoTime();
        long documents;
        while ((documents = documents()) < to || indexing()) {
            if (System.nanoTime() - start > INDEXING_TIMEOUT_NANOS) {
                throw new IllegalStateException(String.format(Locale.ROOT, "search: the index holds %,d documents"
                        + " after %d min, expected %,d", documents, INDEXING_TIMEOUT_NANOS / 60_000_000_000L, to));
            }
            LockSupport.parkNanos(50_000_000);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Progress.say("search: %s %,d to %,d indexed by the server, waited %.1f s", what, from, to - 1, seconds);
        if (documents != to) {
            throw new IllegalStateException("search: the index holds " + documents + " documents, expected " + to);
        }
    }

    /**
     * @return whether the index is still in its first scan of the keyspace ({@code indexing}); a
     *         search refuses such an index, since it can miss documents meanwhile
     */
    boolean indexing() {
        List<Object> info = redis.dispatch(FtCommand.INFO, new NestedMultiOutput<>(StringCodec.UTF8),
                new CommandArgs<>(StringCodec.UTF8).add(name));
        for (int i = 0; i + 1 < info.size(); i += 2) {
            if ("indexing".equals(info.get(i))) {
                return Double.parseDouble(info.get(i + 1).toString()) != 0;
            }
        }
        return false;
    }

    /** @return FT.INFO's {@code num_docs} */
    long documents() {
        List<Object> info = redis.dispatch(FtCommand.INFO, new NestedMultiOutput<>(StringCodec.UTF8),
                new CommandArgs<>(StringCodec.UTF8).add(name));
        for (int i = 0; i + 1 < info.size(); i += 2) {
            if ("num_docs".equals(info.get(i))) {
                return (long) Double.parseDouble(info.get(i + 1).toString());
            }
        }
        throw new IllegalStateException("FT.INFO has no num_docs: " + info);
    }

    /** Drops the index and keeps the keys; no index is fine. */
    void drop() {
        try {
            redis.dispatch(FtCommand.DROPINDEX, new StatusOutput<>(StringCodec.UTF8),
                    new CommandArgs<>(StringCodec.UTF8).add(name));
        } catch (RedisException e) {
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (!message.contains("unknown index") && !message.contains("no such index")) {
                throw e;
            }
        }
    }
}
