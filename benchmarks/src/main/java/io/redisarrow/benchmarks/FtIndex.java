package io.redisarrow.benchmarks;

import io.lettuce.core.RedisException;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.NestedMultiOutput;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * The search scenario's RediSearch index on the benchmark hashes' numeric {@code balance} field.
 * RediSearch 1.x indexes a hash only when told ({@code FT.ADDHASH}, fed through
 * {@code redis-cli --pipe}); 2.x and later index every hash under the prefix by themselves, and
 * this waits until they have.
 */
final class FtIndex {

    static final String NAME = "bench:idx";

    private final RedisCommands<String, String> redis;

    private final int version;

    private FtIndex(RedisCommands<String, String> redis, int version) {
        this.redis = redis;
        this.version = version;
    }

    /**
     * @param redis a connection to the server
     * @return the module's version as INFO modules gives it (10200 for 1.2), if RediSearch is loaded
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
     * Drops an index left by an earlier run (keeping the hashes), then creates an empty one.
     *
     * @param redis a connection to the server
     * @param version the module's version
     * @return the index
     */
    static FtIndex create(RedisCommands<String, String> redis, int version) {
        FtIndex index = new FtIndex(redis, version);
        index.drop();
        CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8).add(NAME);
        if (version >= 20000) {
            args.add("ON").add("HASH").add("PREFIX").add(1).add("bench:user:");
        }
        args.add("SCHEMA").add("balance").add("NUMERIC");
        redis.dispatch(FtCommand.CREATE, new StatusOutput<>(StringCodec.UTF8), args);
        return index;
    }

    /** @return whether this server indexes hashes by itself (RediSearch 2.x and later) */
    boolean indexesByItself() {
        return version >= 20000;
    }

    /**
     * Makes the index hold hashes {@code from} to {@code to - 1}, already loaded.
     *
     * @param url the server
     * @param from the first hash's index
     * @param to one past the last
     */
    void add(String url, int from, int to) {
        long start = System.nanoTime();
        if (indexesByItself()) {
            while (documents() < to) {
                LockSupport.parkNanos(50_000_000);
            }
        } else {
            DataLoader.pipe(url, to - from, out -> {
                for (int i = from; i < to; i++) {
                    out.array(4).bulk("FT.ADDHASH").bulk(NAME).bulk(BenchData.key(i)).bulk("1.0");
                }
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Progress.say("search: indexed hashes %,d to %,d in %.1f s (%,.0f/s, %s)", from, to - 1, seconds,
                (to - from) / seconds, indexesByItself() ? "indexed by the server" : "FT.ADDHASH through redis-cli --pipe");
        long documents = documents();
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
            if (version >= 20000) {
                redis.dispatch(FtCommand.DROPINDEX, new StatusOutput<>(StringCodec.UTF8),
                        new CommandArgs<>(StringCodec.UTF8).add(NAME));
            } else {
                redis.dispatch(FtCommand.DROP, new StatusOutput<>(StringCodec.UTF8),
                        new CommandArgs<>(StringCodec.UTF8).add(NAME).add("KEEPDOCS"));
            }
        } catch (RedisException e) {
            if (!String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("unknown index")
                    && !String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("no such index")) {
                throw e;
            }
        }
    }
}
