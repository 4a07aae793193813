package io.redisarrow.arrow;

import io.lettuce.core.output.NestedMultiOutput;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.ProtocolKeyword;
import io.redisarrow.testing.RedisModule;
import io.redisarrow.testing.RequiresModule;
import org.junit.jupiter.api.AfterEach;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fixture of the search tests: a server with the JSON module and RediSearch 2.x, indexes named
 * after the test's unique prefix and dropped after it, with their documents.
 */
@RequiresModule({ RedisModule.JSON, RedisModule.SEARCH })
abstract class SearchTestSupport extends ScanTestSupport {

    private final List<String> indexes = new ArrayList<>();

    static ProtocolKeyword command(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        return new ProtocolKeyword() {

            @Override
            public byte[] getBytes() {
                return bytes;
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /** @return a new index name, dropped (with its documents) after the test */
    String indexName(String suffix) {
        String name = prefix + "idx:" + suffix;
        indexes.add(name);
        return name;
    }

    /** {@code FT.CREATE name ON type PREFIX 1 prefix SCHEMA schema...}; returns the index name. */
    String createIndex(String suffix, String on, String... schema) {
        String name = indexName(suffix);
        List<String> parts = new ArrayList<>(List.of(name, "ON", on, "PREFIX", "1", prefix, "SCHEMA"));
        parts.addAll(List.of(schema));
        CommandArgs<byte[], byte[]> args = new CommandArgs<>(io.lettuce.core.codec.ByteArrayCodec.INSTANCE);
        parts.forEach(part -> args.add(part.getBytes(StandardCharsets.UTF_8)));
        String reply = loaderConnection.sync().dispatch(command("FT.CREATE"),
                new StatusOutput<>(io.lettuce.core.codec.ByteArrayCodec.INSTANCE), args);
        assertThat(reply).isEqualTo("OK");
        return name;
    }

    /** Waits (at most 30 s) until the index holds {@code documents} documents and is not indexing. */
    void awaitIndexed(String index, long documents) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<Object> info = info(index);
            long docs = (long) Double.parseDouble(value(info, "num_docs"));
            if (docs == documents && Double.parseDouble(value(info, "indexing")) == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(String.format(Locale.ROOT, "index %s holds %d documents, expected %d",
                        index, docs, documents));
            }
            LockSupport.parkNanos(20_000_000);
        }
    }

    /** @return FT.INFO's cursor_stats index_total: cursors open on the index */
    static long openCursors(String index) {
        List<Object> info = info(index);
        for (int i = 0; i + 1 < info.size(); i += 2) {
            if ("cursor_stats".equals(info.get(i)) && info.get(i + 1) instanceof List<?> stats) {
                for (int j = 0; j + 1 < stats.size(); j += 2) {
                    if ("index_total".equals(stats.get(j))) {
                        return Long.parseLong(stats.get(j + 1).toString());
                    }
                }
            }
        }
        throw new AssertionError("FT.INFO has no cursor_stats index_total: " + info);
    }

    private static List<Object> info(String index) {
        return loaderConnection.sync().dispatch(command("FT.INFO"), new NestedMultiOutput<>(
                io.lettuce.core.codec.ByteArrayCodec.INSTANCE), new CommandArgs<>(
                        io.lettuce.core.codec.ByteArrayCodec.INSTANCE).add(index.getBytes(StandardCharsets.UTF_8)))
                .stream().map(SearchTestSupport::text).toList();
    }

    private static Object text(Object value) {
        if (value instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SearchTestSupport::text).toList();
        }
        return value;
    }

    private static String value(List<Object> info, String name) {
        for (int i = 0; i + 1 < info.size(); i += 2) {
            if (name.equals(info.get(i))) {
                return String.valueOf(info.get(i + 1));
            }
        }
        throw new AssertionError("FT.INFO has no " + name + ": " + info);
    }

    /** Waits (at most 10 s) until no cursor is open on the index; fails saying how many are. */
    void assertNoCursorLeft(String index) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long open;
        while ((open = openCursors(index)) != 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(open + " cursor(s) left open on " + index);
            }
            LockSupport.parkNanos(20_000_000);
        }
    }

    @AfterEach
    void dropIndexes() {
        for (String index : indexes) {
            loaderConnection.sync().dispatch(command("FT.DROPINDEX"),
                    new StatusOutput<>(io.lettuce.core.codec.ByteArrayCodec.INSTANCE),
                    new CommandArgs<>(io.lettuce.core.codec.ByteArrayCodec.INSTANCE)
                            .add(index.getBytes(StandardCharsets.UTF_8)).add("DD"));
        }
    }
}
