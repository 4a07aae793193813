package io.redisarrow.core.internal.channel;

import reactor.core.publisher.Mono;

/**
 * Connects and authenticates once with the read channel's own handshake, whose AUTH reply is read
 * deterministically, then disconnects. Used to explain a failed connection: a client may see the
 * server's rejection of the credentials only as a closed connection.
 */
public final class ConnectionCheck {

    private ConnectionCheck() {
    }

    /**
     * @param endpoint where to connect, with credentials and database
     * @return completes when the server accepts the connection set-up, or fails with the reason
     *         ({@link ConnectionErrors}), within the endpoint's connect timeout
     */
    public static Mono<Void> check(RedisEndpoint endpoint) {
        return endpoint.connect().flatMap(RedisChannel::close);
    }
}
