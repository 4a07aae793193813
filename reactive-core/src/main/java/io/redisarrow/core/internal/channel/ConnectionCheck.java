package io.redisarrow.core.internal.channel;

import io.netty.buffer.ByteBuf;
import io.redisarrow.core.internal.reply.PendingReplies;
import io.redisarrow.core.internal.resp.RespWriter;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;

/**
 * Connects once with the read channel's own set-up (AUTH and SELECT, whose replies are read
 * deterministically), sends PING, then disconnects, all within the connect timeout. Used to
 * explain a failed connection: a client may see the server's rejection of the credentials, or bytes
 * that are not RESP, only as a closed connection.
 */
public final class ConnectionCheck {

    private static final byte[] PING = "PING".getBytes(StandardCharsets.US_ASCII);

    private ConnectionCheck() {
    }

    /**
     * @param endpoint where to connect, with credentials and database
     * @return completes when the server accepts the set-up and answers PING, or fails with the
     *         reason ({@link ConnectionErrors}), within the endpoint's connect timeout
     */
    public static Mono<Void> check(RedisEndpoint endpoint) {
        return Mono.usingWhen(endpoint.connect(), channel -> {
            ByteBuf ping = channel.alloc().buffer();
            RespWriter.arrayHeader(ping, 1);
            RespWriter.bulk(ping, PING);
            return channel.send(ping, new PendingReplies(1) {
            });
        }, RedisChannel::close).timeout(endpoint.connectTimeout(),
                Mono.error(() -> ConnectionErrors.noAnswer(endpoint.address(), endpoint.connectTimeout(),
                        new java.util.concurrent.TimeoutException("PING"))));
    }
}
