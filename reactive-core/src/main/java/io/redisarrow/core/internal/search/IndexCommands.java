package io.redisarrow.core.internal.search;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.ProtocolKeyword;
import io.redisarrow.core.internal.channel.SharedCommands;
import io.redisarrow.core.internal.command.SearchCommands;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The query engine's writes on the shared connection: creating an index ({@code FT.CREATE}) and
 * dropping one ({@code FT.DROPINDEX}, optionally with its documents). Each is one command, bounded
 * by the command timeout, its error reply explained by {@link SearchErrors}.
 */
public final class IndexCommands {

    private final StatefulRedisConnection<byte[], byte[]> connection;

    private final String address;

    private final Duration timeout;

    /**
     * @param connection the shared connection
     * @param address {@code host:port}, for messages
     * @param timeout the longest one command may take
     */
    public IndexCommands(StatefulRedisConnection<byte[], byte[]> connection, String address, Duration timeout) {
        this.connection = connection;
        this.address = address;
        this.timeout = timeout;
    }

    /**
     * @param arguments every argument after {@code FT.CREATE}, the index name first
     * @return completes once the server has created the index, sent on subscription
     */
    public Mono<Void> create(List<String> arguments) {
        String index = arguments.get(0);
        return send(SearchCommands.CREATE, SearchCommands.of(arguments), "FT.CREATE", index,
                reply -> SearchErrors.create(index, String.join(" ", arguments), address, reply));
    }

    /**
     * @param index the index
     * @param deleteDocuments whether to delete the keys it holds too ({@code DD})
     * @return completes once the server has dropped the index, sent on subscription
     */
    public Mono<Void> drop(String index, boolean deleteDocuments) {
        List<String> arguments = new ArrayList<>(2);
        arguments.add(index);
        if (deleteDocuments) {
            arguments.add("DD");
        }
        return send(SearchCommands.DROPINDEX, SearchCommands.of(arguments), "FT.DROPINDEX", index,
                reply -> SearchErrors.explain("FT.DROPINDEX", index, null, address, reply));
    }

    private Mono<Void> send(ProtocolKeyword command, CommandArgs<byte[], byte[]> args, String name, String index,
            Function<RedisCommandExecutionException, RuntimeException> explain) {
        return SharedCommands.bounded(Mono.defer(() -> Mono.fromCompletionStage(connection.async().dispatch(command,
                new StatusOutput<>(ByteArrayCodec.INSTANCE), args))), name + " of index '" + index + "'", address,
                timeout, explain).then();
    }
}
