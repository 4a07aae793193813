package io.redisarrow.core.internal.source;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.redisarrow.core.internal.channel.ConnectionErrors;
import io.redisarrow.core.internal.channel.Timeouts;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Keys from a SCAN cursor with MATCH, COUNT and (optionally) TYPE. Pages are requested on demand,
 * with one page of keys in reserve, so the next SCAN is on its way while the keys of the current
 * one are fetched; cancelling stops the loop.
 */
public final class ScanKeySource implements KeySource {

    private static final byte[] START = { '0' };

    private final StatefulRedisConnection<byte[], byte[]> connection;

    private final byte[] pattern;

    private final long count;

    private final String type;

    private final Duration timeout;

    private final String address;

    public ScanKeySource(StatefulRedisConnection<byte[], byte[]> connection, String address, String pattern, long count,
            String type, Duration timeout) {
        this.address = address;
        this.connection = connection;
        this.pattern = pattern.getBytes(StandardCharsets.UTF_8);
        this.count = count;
        this.type = type;
        this.timeout = timeout;
    }

    @Override
    public Flux<byte[]> keys() {
        return page(START).expand(page -> page.finished() ? Mono.empty() : page(page.cursor()))
                .concatMapIterable(ScanPageOutput::keys, 2);
    }

    private Mono<ScanPageOutput> page(byte[] cursor) {
        return Mono.defer(() -> {
            CommandArgs<byte[], byte[]> args = new CommandArgs<>(ByteArrayCodec.INSTANCE).add(cursor)
                    .add("MATCH").add(pattern).add("COUNT").add(count);
            if (type != null) {
                args.add("TYPE").add(type);
            }
            AsyncCommand<byte[], byte[], ScanPageOutput> command = new AsyncCommand<>(
                    new Command<>(CommandType.SCAN, new ScanPageOutput(), args));
            connection.dispatch(command);
            return Mono.fromCompletionStage(command)
                    .timeout(timeout, Mono.error(() -> Timeouts.exception("SCAN", timeout)))
                    .onErrorMap(e -> !(e instanceof RedisCommandTimeoutException)
                            && !(e instanceof RedisCommandExecutionException),
                            e -> ConnectionErrors.commandFailed("SCAN", address, e));
        });
    }
}
