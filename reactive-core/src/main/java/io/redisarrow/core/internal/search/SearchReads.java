package io.redisarrow.core.internal.search;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.NestedMultiOutput;
import io.redisarrow.core.CursorQuery;
import io.redisarrow.core.IndexInfo;
import io.redisarrow.core.RawBatch;
import io.redisarrow.core.internal.channel.SharedCommands;
import io.redisarrow.core.internal.command.SearchCommands;
import io.redisarrow.core.internal.reply.FieldIndex;
import io.redisarrow.core.internal.source.KeySource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The query engine's reads on the shared connection: an index's description ({@code FT.INFO}),
 * the keys of a search's matches (a {@link KeySource} over a cursor whose rows load only
 * {@code @__key}, so the values are fetched like a scan's), and the rows of an aggregation (one
 * {@link RawBatch} per cursor page).
 */
public final class SearchReads {

    private final StatefulRedisConnection<byte[], byte[]> connection;

    private final String address;

    private final Duration timeout;

    /**
     * @param connection the shared connection
     * @param address {@code host:port}, for messages
     * @param timeout the longest one command may take
     */
    public SearchReads(StatefulRedisConnection<byte[], byte[]> connection, String address, Duration timeout) {
        this.connection = connection;
        this.address = address;
        this.timeout = timeout;
    }

    /**
     * @param index the index
     * @return its description, read on subscription
     */
    public Mono<IndexInfo> info(String index) {
        return SharedCommands.bounded(Mono.defer(() -> Mono.fromCompletionStage(connection.async().dispatch(
                SearchCommands.INFO, new NestedMultiOutput<>(ByteArrayCodec.INSTANCE), SearchCommands.info(index)))),
                "FT.INFO", address, timeout, reply -> SearchErrors.explain("FT.INFO", index, null, address, reply))
                .map(reply -> IndexInfoReader.read(index, reply, address));
    }

    /**
     * @param query a query whose rows load {@code @__key}
     * @return the matching keys, in the query's order; pages are read on demand
     */
    public KeySource keys(CursorQuery query) {
        return () -> new SearchCursor<>(connection, address, timeout, query, () -> new CursorKeys(query.pageSize()))
                .pages().concatMapIterable(CursorKeys::keys, 2);
    }

    /**
     * @param query the aggregation
     * @param columns the names of the values to keep, in column order
     * @return one batch per cursor page (rows without keys), pages read on demand
     */
    public Flux<RawBatch> rows(CursorQuery query, List<String> columns) {
        List<byte[]> names = new ArrayList<>(columns.size());
        for (String column : columns) {
            names.add(column.getBytes(StandardCharsets.UTF_8));
        }
        FieldIndex index = new FieldIndex(names);
        return Flux.defer(() -> new SearchCursor<>(connection, address, timeout, query,
                () -> new CursorRows(index, names.size(), query.pageSize())).pages().map(CursorRows::batch));
    }
}
