package io.redisarrow.arrow;

import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.NestedMultiOutput;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.ProtocolKeyword;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A RediSearch index of a test, driven through Lettuce's {@code dispatch}: created by
 * {@link #create}, searched with a {@link Query} ({@code FT.SEARCH ... NOCONTENT LIMIT 0 10000 DIALECT 2}),
 * and dropped with its documents ({@code FT.DROPINDEX ... DD}) by {@link #close()}.
 */
final class QueryTestIndex implements AutoCloseable {

    private static final int MOST_HITS = 10_000;

    private final RedisCommands<byte[], byte[]> commands;

    private final String name;

    private QueryTestIndex(RedisCommands<byte[], byte[]> commands, String name) {
        this.commands = commands;
        this.name = name;
    }

    /**
     * {@code FT.CREATE name arguments...}.
     *
     * @param arguments what follows the index name, e.g. {@code ON HASH PREFIX 1 p SCHEMA t TAG}
     */
    static QueryTestIndex create(RedisCommands<byte[], byte[]> commands, String name, String... arguments) {
        CommandArgs<byte[], byte[]> args = new CommandArgs<>(ByteArrayCodec.INSTANCE).add(bytes(name));
        for (String argument : arguments) {
            args.add(bytes(argument));
        }
        String reply = commands.dispatch(Ft.CREATE, new StatusOutput<>(ByteArrayCodec.INSTANCE), args);
        assertThat(reply).isEqualTo("OK");
        return new QueryTestIndex(commands, name);
    }

    /** @return the keys of the documents matching {@code query} under {@code DIALECT 2} */
    Set<String> search(Query query) {
        return search(query.toString());
    }

    /** @return the keys of the documents matching the query text under {@code DIALECT 2} */
    Set<String> search(String query) {
        CommandArgs<byte[], byte[]> args = new CommandArgs<>(ByteArrayCodec.INSTANCE).add(bytes(name))
                .add(bytes(query)).add("NOCONTENT").add("LIMIT").add(0).add(MOST_HITS).add("DIALECT").add(2);
        List<Object> reply = commands.dispatch(Ft.SEARCH, new NestedMultiOutput<>(ByteArrayCodec.INSTANCE), args);
        long total = (Long) reply.get(0);
        assertThat(total).as("hits of %s", query).isLessThan(MOST_HITS);
        Set<String> keys = new TreeSet<>();
        for (Object key : reply.subList(1, reply.size())) {
            keys.add(new String((byte[]) key, StandardCharsets.UTF_8));
        }
        assertThat(keys).as("keys of %s", query).hasSize((int) total);
        return keys;
    }

    /** Waits until the index holds {@code documents} documents and no background indexing runs. */
    void awaitDocuments(long documents) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        long held = -1;
        while (System.nanoTime() < deadline) {
            List<Object> info = commands.dispatch(Ft.INFO, new NestedMultiOutput<>(ByteArrayCodec.INSTANCE),
                    new CommandArgs<>(ByteArrayCodec.INSTANCE).add(bytes(name)));
            held = (long) Double.parseDouble(field(info, "num_docs"));
            if (held == documents && Double.parseDouble(field(info, "indexing")) == 0) {
                return;
            }
            LockSupport.parkNanos(10_000_000);
        }
        throw new AssertionError("index " + name + " holds " + held + " documents after 10 s, not " + documents);
    }

    private static String field(List<Object> info, String field) {
        for (int i = 0; i + 1 < info.size(); i += 2) {
            if (info.get(i) instanceof byte[] && field.equals(new String((byte[]) info.get(i), StandardCharsets.UTF_8))) {
                Object value = info.get(i + 1);
                return value instanceof byte[] ? new String((byte[]) value, StandardCharsets.UTF_8) : value.toString();
            }
        }
        throw new AssertionError("FT.INFO has no " + field);
    }

    /** {@code FT.DROPINDEX name DD}: the index and its documents. */
    @Override
    public void close() {
        String reply = commands.dispatch(Ft.DROPINDEX, new StatusOutput<>(ByteArrayCodec.INSTANCE),
                new CommandArgs<>(ByteArrayCodec.INSTANCE).add(bytes(name)).add("DD"));
        assertThat(reply).isEqualTo("OK");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The RediSearch commands used. */
    private enum Ft implements ProtocolKeyword {
        CREATE("FT.CREATE"), SEARCH("FT.SEARCH"), INFO("FT.INFO"), DROPINDEX("FT.DROPINDEX");

        private final byte[] name;

        Ft(String name) {
            this.name = name.getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public byte[] getBytes() {
            return name;
        }
    }
}
