package io.redisarrow.benchmarks;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.NestedMultiOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.ProtocolVersion;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The search path of a plain client, the baseline of redis-arrow's search: {@code FT.SEARCH <index>
 * <query> LIMIT offset n} through Lettuce, page after page until the offset passes the total, with
 * every document's fields (the hash) in the reply and every value touched. The connection speaks RESP2, where every
 * RediSearch 2.x and Redis 8 answers {@code [total, key, [field, value, ...], key, ...]} (over RESP3,
 * RediSearch 2.8 and later answer a map instead). A query that runs past RediSearch's {@code TIMEOUT}
 * under {@code ON_TIMEOUT RETURN} answers with what it found, a smaller total among it: a pass that
 * sees the total change, or a page come back empty before the total, reports itself cut short
 * instead of counting what it missed.
 */
final class FtSearchPages implements AutoCloseable {

    /**
     * One pass: documents read, value bytes touched, whether the time cap stopped it, and whether
     * the server cut a page short.
     */
    record Pass(long rows, long valueBytes, boolean capped, boolean cutShort, double seconds) {

        /** @return the pass as the search tables time it: complete, or why it stopped */
        SearchPasses.Pass outcome() {
            if (cutShort) {
                return new SearchPasses.Pass(rows, seconds, "cut short by RediSearch's TIMEOUT");
            }
            return capped ? SearchPasses.Pass.capped(rows, seconds) : SearchPasses.Pass.complete(rows, seconds);
        }
    }

    private final RedisClient client;

    private final StatefulRedisConnection<byte[], byte[]> connection;

    FtSearchPages(String url) {
        this.client = RedisClient.create(url);
        client.setOptions(ClientOptions.builder().protocolVersion(ProtocolVersion.RESP2).build());
        this.connection = client.connect(ByteArrayCodec.INSTANCE);
    }

    /**
     * Reads every match of {@code query}.
     *
     * @param query the RediSearch query
     * @param pageSize LIMIT's count
     * @param capNanos stop after this long (checked between pages)
     * @return what the pass read
     */
    Pass read(String query, int pageSize, long capNanos) {
        long start = System.nanoTime();
        byte[] index = FtIndex.NAME.getBytes(StandardCharsets.UTF_8);
        byte[] text = query.getBytes(StandardCharsets.UTF_8);
        long rows = 0;
        long bytes = 0;
        long total = Long.MAX_VALUE;
        for (long offset = 0; offset < total; offset += pageSize) {
            if (System.nanoTime() - start > capNanos) {
                return new Pass(rows, bytes, true, false, (System.nanoTime() - start) / 1e9);
            }
            CommandArgs<byte[], byte[]> args = new CommandArgs<>(ByteArrayCodec.INSTANCE).add(index).add(text)
                    .add("LIMIT").add(offset).add(pageSize);
            List<Object> reply = connection.sync().dispatch(FtCommand.SEARCH, new NestedMultiOutput<>(ByteArrayCodec.INSTANCE),
                    args);
            long answered = (Long) reply.get(0);
            if ((total != Long.MAX_VALUE && answered != total) || (reply.size() == 1 && offset < answered)) {
                return new Pass(rows, bytes, false, true, (System.nanoTime() - start) / 1e9);
            }
            total = answered;
            for (int i = 1; i + 1 < reply.size(); i += 2) {
                rows++;
                for (Object value : (List<?>) reply.get(i + 1)) {
                    bytes += ((byte[]) value).length;
                }
            }
            if (reply.size() == 1) {
                break;
            }
        }
        return new Pass(rows, bytes, false, false, (System.nanoTime() - start) / 1e9);
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
