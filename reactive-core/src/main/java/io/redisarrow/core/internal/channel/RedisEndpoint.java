package io.redisarrow.core.internal.channel;

import io.lettuce.core.RedisURI;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.redisarrow.core.internal.observe.GuardedObserver;
import io.redisarrow.core.internal.observe.ReadObserver;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Where a session's read channels connect, and how: the URL (credentials, database, TLS), the
 * connect timeout, the event loops, and the TLS context, built once per session and shared by
 * every channel. Immutable and thread-safe.
 */
public final class RedisEndpoint {

    private final RedisURI uri;

    private final String address;

    private final Duration connectTimeout;

    private final EventLoopGroup group;

    private final @Nullable SslContext ssl;

    private final @Nullable RuntimeException sslFailure;

    private final boolean readOnly;

    /**
     * @param uri the URL (copied)
     * @param connectTimeout bounds the TCP connection, TLS and the AUTH/SELECT set-up together
     * @param group the event loops of the channels
     */
    public RedisEndpoint(RedisURI uri, Duration connectTimeout, EventLoopGroup group) {
        this(uri, connectTimeout, group, false);
    }

    /**
     * @param uri the URL (copied)
     * @param connectTimeout bounds the TCP connection, TLS and the AUTH/SELECT set-up together
     * @param group the event loops of the channels
     * @param readOnly whether each channel sends {@code READONLY} in its set-up (reads from a
     *        cluster replica)
     */
    public RedisEndpoint(RedisURI uri, Duration connectTimeout, EventLoopGroup group, boolean readOnly) {
        this.readOnly = readOnly;
        this.uri = RedisURI.builder(uri).build();
        this.address = uri.getHost() + ":" + uri.getPort();
        this.connectTimeout = connectTimeout;
        this.group = group;
        SslContext context = null;
        RuntimeException failure = null;
        if (uri.isSsl()) {
            try {
                context = Tls.context(uri, address);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        this.ssl = context;
        this.sslFailure = failure;
    }

    /** @return {@code host:port}, for messages */
    public String address() {
        return address;
    }

    /** @return the connect timeout */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * Opens a channel: TCP, TLS for {@code rediss://}, then AUTH and SELECT as the URL asks, all
     * within the connect timeout.
     *
     * <p><b>Errors:</b> a {@code RedisConnectionException} naming {@code host:port}, see
     * {@link ConnectionErrors}. <b>Cancellation:</b> closes the channel being opened.
     *
     * @return the channel, which the subscriber must {@link RedisChannel#close()}
     */
    public Mono<RedisChannel> connect() {
        return connect(ReadObserver.NONE);
    }

    /**
     * Opens a channel as {@link #connect()} does, whose round trips are reported to
     * {@code observer}: {@link ReadObserver#roundTripSent} when one is written and
     * {@link ReadObserver#roundTripDone} exactly once when its last reply arrives, it fails
     * (connection lost) or it is abandoned (channel closed), from the channel's I/O thread. The
     * AUTH/SELECT set-up, when the URL asks for one, is the channel's first round trip. What the
     * observer throws is dropped ({@link GuardedObserver}).
     *
     * @param observer what to tell; {@link ReadObserver#NONE} for nothing
     * @return the channel, which the subscriber must {@link RedisChannel#close()}
     */
    public Mono<RedisChannel> connect(ReadObserver observer) {
        return RedisChannel.connect(this, GuardedObserver.of(observer));
    }

    /** @return whether channels send {@code READONLY} in their set-up */
    public boolean readOnly() {
        return readOnly;
    }

    RedisURI uri() {
        return uri;
    }

    EventLoopGroup group() {
        return group;
    }

    /** @return the session's TLS context, or null without TLS */
    @Nullable
    SslContext sslContext() {
        if (sslFailure != null) {
            throw sslFailure;
        }
        return ssl;
    }
}
