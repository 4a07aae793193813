package io.redisarrow.core.internal.channel;

import io.netty.buffer.ByteBuf;
import io.redisarrow.core.internal.reply.PendingReplies;
import io.redisarrow.core.internal.command.ConnectionCommands;
import reactor.core.publisher.Mono;


/**
 * Connects once with the read channel's own set-up (AUTH and SELECT, whose replies are read
 * deterministically), sends PING, then disconnects, all within the connect timeout. Used to
 * explain a failed connection: a client may see the server's rejection of the credentials, or bytes
 * that are not RESP, only as a closed connection.
 */
public final class ConnectionCheck {

    private ConnectionCheck() {
    }

    /**
     * @param endpoint where to connect, with credentials and database
     * @return completes when the server accepts the set-up and answers PING, or fails with the
     *         reason ({@link ConnectionErrors}), within the endpoint's connect timeout
     */
    public static Mono<Void> check(RedisEndpoint endpoint) {
        return Mono.usingWhen(endpoint.connect(), channel -> {
            ByteBuf ping = channel.alloc().buffer(16);
            ConnectionCommands.ping(ping);
            return channel.send(ping, new PendingReplies(1) {
            });
        }, RedisChannel::close).timeout(endpoint.connectTimeout(),
                Mono.error(() -> ConnectionErrors.noAnswer(endpoint.address(), endpoint.connectTimeout(),
                        new java.util.concurrent.TimeoutException("PING"))));
    }
}
