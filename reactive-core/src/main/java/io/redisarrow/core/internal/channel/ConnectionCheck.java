package io.redisarrow.core.internal.channel;

import io.lettuce.core.RedisURI;
import io.netty.channel.EventLoopGroup;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Connects and authenticates once with the fetch channel's own handshake, whose AUTH reply is read
 * deterministically, then disconnects. Used to explain a failed connection: a client may see the
 * server's rejection of the credentials only as a closed connection.
 */
public final class ConnectionCheck {

    private ConnectionCheck() {
    }

    /**
     * @param uri where to connect, with credentials and database
     * @param connectTimeout the connect timeout
     * @param group the event loops to use
     * @return completes when the server accepts the connection set-up, or fails with the reason
     */
    public static Mono<Void> check(RedisURI uri, Duration connectTimeout, EventLoopGroup group) {
        return RedisChannel.connect(uri, connectTimeout, group).flatMap(RedisChannel::close);
    }
}
