package io.redisarrow.core.internal.sample;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.ByteArrayOutput;
import io.lettuce.core.output.CommandOutput;
import io.lettuce.core.output.ValueListOutput;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.ProtocolKeyword;
import io.redisarrow.core.SampledDocument;
import io.redisarrow.core.SampledHash;
import io.redisarrow.core.internal.channel.SharedCommands;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

/**
 * Fetches the values of sampled keys on the shared connection, one command per key
 * ({@code HGETALL key} or {@code JSON.GET key $}), at most {@link #CONCURRENCY} in flight, which
 * Lettuce pipelines. Values come out in key order. A key that is gone by then, now holds another
 * type (its reply is WRONGTYPE) or, on a Redis Cluster node, has moved to another master (MOVED or
 * ASK) is skipped. Other error replies fail the fetch.
 */
public final class SampleFetch {

    /** Commands in flight at once. */
    public static final int CONCURRENCY = 32;

    private final StatefulRedisConnection<byte[], byte[]> connection;

    private final String address;

    private final Duration timeout;

    /**
     * @param connection the shared connection
     * @param address {@code host:port}, for messages
     * @param timeout the longest one command may take
     */
    public SampleFetch(StatefulRedisConnection<byte[], byte[]> connection, String address, Duration timeout) {
        this.connection = connection;
        this.address = address;
        this.timeout = timeout;
    }

    /**
     * @param keys the sampled keys
     * @return their hashes, in key order, without the keys that are gone or not hashes
     */
    public Flux<SampledHash> hashes(List<byte[]> keys) {
        return Flux.fromIterable(keys).flatMapSequential(key -> send(CommandType.HGETALL,
                new ValueListOutput<>(ByteArrayCodec.INSTANCE), new CommandArgs<>(ByteArrayCodec.INSTANCE).addKey(key))
                .filter(values -> !values.isEmpty())
                .map(values -> SampledHash.of(key, values)), CONCURRENCY);
    }

    /**
     * @param keys the sampled keys
     * @return their documents, in key order, without the keys that are gone or not JSON
     */
    public Flux<SampledDocument> documents(List<byte[]> keys) {
        return Flux.fromIterable(keys).flatMapSequential(key -> send(JsonGet.COMMAND,
                new ByteArrayOutput<>(ByteArrayCodec.INSTANCE), JsonGet.args(key))
                .map(json -> SampledDocument.of(key, json)), CONCURRENCY);
    }

    /** Sends one command; empty when the reply is nil or WRONGTYPE. */
    private <T> Mono<T> send(ProtocolKeyword type, CommandOutput<byte[], byte[], T> output,
            CommandArgs<byte[], byte[]> args) {
        return Mono.defer(() -> {
            AsyncCommand<byte[], byte[], T> command = new AsyncCommand<>(new Command<>(type, output, args));
            connection.dispatch(command);
            return SharedCommands.bounded(Mono.fromCompletionStage(command), type.toString(), address, timeout,
                    reply -> reply)
                    .onErrorResume(SampleFetch::skipped, e -> Mono.empty());
        });
    }

    /** @return whether the reply says the key holds another type or lives on another node now */
    static boolean skipped(Throwable failure) {
        if (!(failure instanceof RedisCommandExecutionException) || failure.getMessage() == null) {
            return false;
        }
        String message = failure.getMessage();
        return message.startsWith("WRONGTYPE") || message.startsWith("MOVED ") || message.startsWith("ASK ");
    }
}
