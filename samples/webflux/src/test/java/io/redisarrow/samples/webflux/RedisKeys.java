package io.redisarrow.samples.webflux;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.ProtocolKeyword;

import java.nio.charset.StandardCharsets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The tests' own view of Redis: loading users, reading hashes back, counting clients and commands. */
final class RedisKeys implements AutoCloseable {

    private static final ProtocolKeyword FT_DROPINDEX = new ProtocolKeyword() {
        @Override
        public byte[] getBytes() {
            return "FT.DROPINDEX".getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public String toString() {
            return "FT.DROPINDEX";
        }
    };

    private static final Pattern CALLS = Pattern.compile("calls=(\\d+)");

    private final RedisClient client;

    private final StatefulRedisConnection<String, String> connection;

    RedisKeys(String url) {
        this.client = RedisClient.create(url);
        this.connection = client.connect();
    }

    RedisCommands<String, String> sync() {
        return connection.sync();
    }

    /** Writes users {@code <prefix><n>}, each with a bio of {@code bioChars} characters. */
    void loadUsers(String prefix, int count, int bioChars) {
        connection.setAutoFlushCommands(false);
        try {
            List<RedisFuture<Long>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Map<String, String> user = new LinkedHashMap<>();
                user.put("name", "User \"" + i + "\"");
                user.put("email", "u" + i + "@example.com");
                user.put("city", i % 3 == 0 ? "Oslo" : "Lyon");
                user.put("age", Integer.toString(20 + i % 50));
                user.put("bio", ("bio " + i + " ").repeat(Math.max(1, bioChars / 8)));
                pending.add(connection.async().hset(prefix + i, user));
                if (pending.size() == 2000 || i == count - 1) {
                    connection.flushCommands();
                    pending.forEach(f -> f.toCompletableFuture().join());
                    pending.clear();
                }
            }
        } finally {
            connection.setAutoFlushCommands(true);
        }
    }

    Map<String, String> hgetall(String key) {
        return sync().hgetall(key);
    }

    /** Deletes the keys matching {@code pattern}. */
    void unlink(String pattern) {
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = sync().scan(cursor, ScanArgs.Builder.matches(pattern).limit(1000));
            if (!page.getKeys().isEmpty()) {
                sync().unlink(page.getKeys().toArray(String[]::new));
            }
            cursor = page;
        } while (!cursor.isFinished());
    }

    /** @return the clients connected, this one included */
    long clients() {
        return sync().clientList().lines().filter(line -> !line.isBlank()).count();
    }

    /** @return how many times the server has run {@code command} */
    long calls(String command) {
        for (String line : sync().info("commandstats").split("\r?\n")) {
            if (line.startsWith("cmdstat_" + command + ":")) {
                Matcher calls = CALLS.matcher(line);
                if (calls.find()) {
                    return Long.parseLong(calls.group(1));
                }
            }
        }
        return 0;
    }

    /** Drops a search index, keeping its documents, when the server has it. */
    void dropIndexIfAny(String name) {
        try {
            sync().dispatch(FT_DROPINDEX, new StatusOutput<>(StringCodec.UTF8),
                    new CommandArgs<>(StringCodec.UTF8).add(name));
        } catch (RedisException none) {
            // no such index, or no query engine
        }
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
