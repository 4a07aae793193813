package io.redisarrow.core.internal.source;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.redisarrow.core.internal.channel.SharedCommands;
import io.redisarrow.core.internal.command.ScanCommands;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Sends one {@code SCAN cursor MATCH pattern COUNT n [TYPE t]} on a shared Lettuce connection and
 * reads its page, within the command timeout. A failure other than an error reply or a timeout is
 * reported as a failed command naming {@code host:port}.
 */
final class ScanPages {

    private final StatefulRedisConnection<byte[], byte[]> connection;

    private final String address;

    private final Duration timeout;

    ScanPages(StatefulRedisConnection<byte[], byte[]> connection, String address, Duration timeout) {
        this.connection = connection;
        this.address = address;
        this.timeout = timeout;
    }

    /**
     * @param cursor where to continue, {@code 0} to start
     * @param pattern the MATCH glob
     * @param count the COUNT hint
     * @param type the TYPE filter, or null for none
     * @return the page, sent on subscription
     */
    Mono<ScanPageOutput> page(byte[] cursor, byte[] pattern, long count, @Nullable String type) {
        return Mono.defer(() -> {
            CommandArgs<byte[], byte[]> args = ScanCommands.scan(cursor, pattern, count, type);
            AsyncCommand<byte[], byte[], ScanPageOutput> command = new AsyncCommand<>(
                    new Command<>(CommandType.SCAN, new ScanPageOutput(), args));
            connection.dispatch(command);
            return SharedCommands.bounded(Mono.fromCompletionStage(command), "SCAN", address, timeout, reply -> reply);
        });
    }
}
