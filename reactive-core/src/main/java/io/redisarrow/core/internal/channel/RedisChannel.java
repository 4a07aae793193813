package io.redisarrow.core.internal.channel;

import io.lettuce.core.RedisURI;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.redisarrow.core.internal.observe.ReadObserver;
import io.redisarrow.core.internal.reply.PendingReplies;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import javax.net.ssl.SSLEngine;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A connection of one read's own, used for its pipelined round trips: each batch of commands is
 * written with a single write and flush, and the replies are parsed by {@code RespReader} straight
 * from Netty's buffers into the batch, skipping the per-command objects and per-value buffers of a
 * general-purpose client. Authenticates (AUTH) and selects the database of the URL
 * ({@link Handshake}); speaks TLS for {@code rediss://} ({@link Tls}). The read opens it on
 * subscription and closes it when it ends, so it needs no reconnection: a failure fails the read.
 * {@link #close()} ends replies still awaited quietly: whoever waited for them has gone. Each
 * round trip is reported to the {@link ReadObserver} the channel was opened with
 * ({@link RedisEndpoint#connect(ReadObserver)}).
 */
public final class RedisChannel {

    private final Channel channel;

    private final ReplyDispatcher handler;

    private RedisChannel(Channel channel, ReplyDispatcher handler) {
        this.channel = channel;
        this.handler = handler;
    }

    /**
     * @param endpoint where to connect
     * @param observer told of every round trip on the channel (the set-up's included); must not throw
     */
    static Mono<RedisChannel> connect(RedisEndpoint endpoint, ReadObserver observer) {
        String address = endpoint.address();
        Duration timeout = endpoint.connectTimeout();
        RedisURI uri = endpoint.uri();
        return Mono.defer(() -> {
            SslContext ssl = endpoint.sslContext();
            ReplyDispatcher handler = new ReplyDispatcher(address, observer);
            Bootstrap bootstrap = new Bootstrap().group(endpoint.group()).channel(NioSocketChannel.class)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.ALLOCATOR, Buffers.HEAP)
                    .option(ChannelOption.SO_KEEPALIVE, true)
                    .handler(new ChannelInitializer<Channel>() {

                        @Override
                        protected void initChannel(Channel channel) {
                            if (ssl != null) {
                                channel.pipeline().addLast(Tls.handler(ssl, channel.alloc(), uri));
                            }
                            channel.pipeline().addLast(handler);
                        }
                    });
            ChannelFuture connecting = bootstrap.connect(uri.getHost(), uri.getPort());
            AtomicBoolean connected = new AtomicBoolean();
            AtomicBoolean cancelled = new AtomicBoolean();
            return Mono.<RedisChannel>create(sink -> {
                sink.onCancel(() -> {
                    cancelled.set(true);
                    handler.closing();
                    connecting.channel().close();
                });
                connecting.addListener(f -> {
                    if (cancelled.get()) {
                        return;
                    }
                    if (f.isSuccess()) {
                        connected.set(true);
                        sink.success(new RedisChannel(connecting.channel(), handler));
                    } else {
                        sink.error(ConnectionErrors.unreachable(address, timeout, f.cause()));
                    }
                });
            }).flatMap(channel -> Handshake.run(channel, uri, address, endpoint.readOnly()).thenReturn(channel)
                    .onErrorResume(e -> channel.close().then(Mono.error(e)))
                    .doOnCancel(() -> channel.close().subscribe()))
                    .timeout(timeout, Mono.error(() -> connected.get()
                            ? ConnectionErrors.noAnswer(address, timeout, new TimeoutException("AUTH/SELECT"))
                            : ConnectionErrors.unreachable(address, timeout,
                                    new TimeoutException("no TCP connection after " + timeout.toMillis() + " ms"))));
        });
    }

    /** @return {@code host:port} of the server, for messages */
    public String address() {
        return handler.address();
    }

    /** @return the allocator for command buffers */
    public ByteBufAllocator alloc() {
        return channel.alloc();
    }

    /**
     * Writes the encoded commands with one flush, at once; the replies go to {@code replies}. The
     * channel owns {@code commands} from this call on and releases it on every path, including a
     * closed channel and a stopped event loop, where {@code replies} fail instead.
     *
     * @param commands encoded commands (released by the channel)
     * @param replies what reads the replies
     * @return completes when the last reply has been read; cancelling it stops waiting (the
     *         replies are still read, in order, and dropped)
     */
    public Mono<Void> send(ByteBuf commands, PendingReplies replies) {
        try {
            channel.eventLoop().execute(() -> write(commands, replies));
        } catch (RejectedExecutionException stopped) {
            commands.release();
            replies.fail(ConnectionErrors.closed(address()));
        }
        return Mono.fromFuture(replies.future(), false);
    }

    private void write(ByteBuf commands, PendingReplies replies) {
        if (!handler.expect(replies)) {
            commands.release();
            return;
        }
        // a write to a closed channel releases the buffer and fails here
        channel.writeAndFlush(commands).addListener(written -> {
            if (!written.isSuccess()) {
                replies.fail(handler.failureOr(ConnectionErrors.lost(address(), written.cause())));
                channel.close();
            }
        });
    }

    /**
     * Closes the connection. Replies still awaited end quietly (cancelled, never failed), since only
     * a read that has ended closes its channel; later {@link #send}s fail. Idempotent.
     *
     * @return completes when the replies awaited are cancelled and the channel is closed
     */
    public Mono<Void> close() {
        return Mono.create(sink -> {
            handler.closing();
            Runnable closeNow = () -> {
                handler.cancelAll();
                channel.close().addListener(f -> sink.success());
            };
            if (channel.eventLoop().inEventLoop()) {
                closeNow.run();
                return;
            }
            try {
                channel.eventLoop().execute(closeNow);
            } catch (RejectedExecutionException stopped) {
                channel.close();
                sink.success();
            }
        });
    }

    /** @return the TLS engine, or null without TLS; for tests */
    @Nullable
    SSLEngine sslEngine() {
        SslHandler ssl = channel.pipeline().get(SslHandler.class);
        return ssl == null ? null : ssl.engine();
    }
}
