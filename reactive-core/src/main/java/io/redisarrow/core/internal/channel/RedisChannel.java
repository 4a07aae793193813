package io.redisarrow.core.internal.channel;

import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslVerifyMode;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.redisarrow.core.internal.reply.PendingReplies;
import io.redisarrow.core.internal.resp.RespWriter;
import reactor.core.publisher.Mono;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A connection of one read's own, used for its pipelined round trips: each batch of commands is
 * written with a single write and flush, and the replies are parsed by {@code RespReader} straight
 * from Netty's buffers into the batch, skipping the per-command objects and per-value buffers of a
 * general-purpose client. Authenticates (AUTH) and selects the database of the URL; speaks TLS for
 * {@code rediss://}. The scan opens it on subscription and closes it when it ends, so it needs no
 * reconnection: a failure fails the scan.
 */
public final class RedisChannel {

    /** Heap buffers: replies are parsed from their backing arrays, which beats byte-wise access to direct memory. */
    private static final ByteBufAllocator HEAP = new PooledByteBufAllocator(false);

    private final Channel channel;

    private final ReplyDispatcher handler;

    private RedisChannel(Channel channel, ReplyDispatcher handler) {
        this.channel = channel;
        this.handler = handler;
    }

    public static Mono<RedisChannel> connect(RedisURI uri, Duration connectTimeout, EventLoopGroup group) {
        String address = uri.getHost() + ":" + uri.getPort();
        return Mono.defer(() -> {
            ReplyDispatcher handler = new ReplyDispatcher(address);
            SslContext ssl = uri.isSsl() ? sslContext(uri) : null;
            Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.ALLOCATOR, HEAP)
                    .option(ChannelOption.SO_KEEPALIVE, true)
                    .handler(new ChannelInitializer<Channel>() {

                        @Override
                        protected void initChannel(Channel channel) {
                            if (ssl != null) {
                                channel.pipeline().addLast(sslHandler(ssl, channel.alloc(), uri));
                            }
                            channel.pipeline().addLast(handler);
                        }
                    });
            ChannelFuture connecting = bootstrap.connect(uri.getHost(), uri.getPort());
            return Mono.<RedisChannel>create(sink -> {
                sink.onCancel(() -> connecting.channel().close());
                connecting.addListener(f -> {
                    if (f.isSuccess()) {
                        sink.success(new RedisChannel(connecting.channel(), handler));
                    } else {
                        sink.error(new RedisConnectionException("Unable to connect to " + address + " within "
                                + connectTimeout.toMillis() + " ms: is Redis running there and reachable? ("
                                + f.cause().getMessage() + ")", f.cause()));
                    }
                });
            });
        }).flatMap(channel -> channel.handshake(uri, address).thenReturn(channel)
                .onErrorResume(e -> channel.close().then(Mono.error(e)))
                .doOnCancel(() -> channel.channel.close()));
    }

    /** Sends AUTH and SELECT as the URL asks, in one round trip. */
    private Mono<Void> handshake(RedisURI uri, String address) {
        Mono<RedisCredentials> credentials = uri.getCredentialsProvider() == null ? Mono.empty()
                : uri.getCredentialsProvider().resolveCredentials();
        return credentials.map(List::of).defaultIfEmpty(List.of()).flatMap(found -> {
            List<List<byte[]>> commands = new ArrayList<>();
            if (!found.isEmpty() && found.get(0).hasPassword()) {
                RedisCredentials c = found.get(0);
                List<byte[]> auth = new ArrayList<>();
                auth.add(bytes("AUTH"));
                if (c.hasUsername()) {
                    auth.add(bytes(c.getUsername()));
                }
                auth.add(bytes(new String(c.getPassword())));
                commands.add(auth);
            }
            if (uri.getDatabase() != 0) {
                commands.add(List.of(bytes("SELECT"), bytes(Integer.toString(uri.getDatabase()))));
            }
            if (commands.isEmpty()) {
                return Mono.empty();
            }
            HandshakeReplies replies = new HandshakeReplies(commands.size());
            ByteBuf out = channel.alloc().buffer();
            for (List<byte[]> command : commands) {
                RespWriter.arrayHeader(out, command.size());
                command.forEach(arg -> RespWriter.bulk(out, arg));
            }
            return send(out, replies).then(Mono.defer(() -> replies.error == null ? Mono.<Void>empty()
                    : Mono.error(new RedisConnectionException(replies.error.contains("WRONGPASS")
                            || replies.error.contains("NOAUTH") || replies.error.contains("AUTH")
                                    ? "Authentication failed at " + address
                                            + ": check the user and password in the URL (" + replies.error + ")"
                                    : "Redis at " + address + " refused the connection set-up: " + replies.error))));
        });
    }

    /** @return the allocator for command buffers */
    public ByteBufAllocator alloc() {
        return channel.alloc();
    }

    /**
     * Writes the encoded commands with one flush; the replies go to {@code replies}.
     *
     * @param commands encoded commands (released by the channel)
     * @param replies what reads the replies
     * @return completes when the last reply has been read
     */
    public Mono<Void> send(ByteBuf commands, PendingReplies replies) {
        return Mono.defer(() -> {
            channel.eventLoop().execute(() -> {
                if (handler.expect(replies)) {
                    channel.writeAndFlush(commands).addListener(written -> {
                        if (!written.isSuccess()) {
                            replies.fail(new RedisConnectionException("writing to Redis at "
                                    + handler.address() + " failed: " + written.cause().getMessage(), written.cause()));
                            channel.close();
                        }
                    });
                } else {
                    commands.release();
                }
            });
            return Mono.fromFuture(replies.future(), true);
        });
    }

    /** Closes the connection; waiting writes fail. */
    public Mono<Void> close() {
        return Mono.create(sink -> channel.close().addListener(f -> sink.success()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static SslContext sslContext(RedisURI uri) {
        try {
            SslContextBuilder builder = SslContextBuilder.forClient();
            if (uri.getVerifyMode() == SslVerifyMode.NONE) {
                builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
            }
            return builder.build();
        } catch (SSLException e) {
            throw new RedisConnectionException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static SslHandler sslHandler(SslContext ssl, ByteBufAllocator alloc, RedisURI uri) {
        SslHandler handler = ssl.newHandler(alloc, uri.getHost(), uri.getPort());
        if (uri.getVerifyMode() == SslVerifyMode.FULL) {
            SSLEngine engine = handler.engine();
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(parameters);
        }
        return handler;
    }

    /** Reads the replies of AUTH and SELECT, keeping the first error. */
    private static final class HandshakeReplies extends PendingReplies {

        String error;

        HandshakeReplies(int expected) {
            super(expected);
        }

        @Override
        public void error(String message) {
            if (error == null) {
                error = message;
            }
        }
    }
}
