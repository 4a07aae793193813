package io.redisarrow.benchmarks;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy on loopback that delays every chunk of bytes by a fixed time in each direction, so
 * the benchmark can show what pipelining does over a network (loopback hides latency, and this
 * machine has no traffic shaping). Bytes keep their order: each chunk is written at its arrival
 * time plus the delay, on the connection's own event loop.
 */
final class LatencyProxy implements AutoCloseable {

    /** How the names of the proxies' threads begin, so their CPU time can be told from the client's. */
    static final String THREAD_PREFIX = "latency-proxy";

    private final EventLoopGroup group;

    private final Channel server;

    private LatencyProxy(EventLoopGroup group, Channel server) {
        this.group = group;
        this.server = server;
    }

    static LatencyProxy start(String targetHost, int targetPort, Duration delay) throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(THREAD_PREFIX, true),
                NioIoHandler.newFactory());
        long nanos = delay.toNanos();
        Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.AUTO_READ, false)
                .childHandler(new ChannelInitializer<SocketChannel>() {

                    @Override
                    protected void initChannel(SocketChannel inbound) {
                        new Bootstrap().group(inbound.eventLoop()).channel(NioSocketChannel.class)
                                .option(ChannelOption.TCP_NODELAY, true)
                                .handler(new Delay(inbound, nanos))
                                .connect(targetHost, targetPort).addListener(connected -> {
                                    if (!connected.isSuccess()) {
                                        inbound.close();
                                        return;
                                    }
                                    Channel outbound = ((io.netty.channel.ChannelFuture) connected).channel();
                                    inbound.pipeline().addLast(new Delay(outbound, nanos));
                                    inbound.config().setAutoRead(true);
                                });
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        return new LatencyProxy(group, server);
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    @Override
    public void close() {
        server.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    /** Forwards what it reads to the peer after the delay; closes the peer when it closes. */
    private static final class Delay extends ChannelInboundHandlerAdapter {

        private final Channel peer;

        private final long nanos;

        Delay(Channel peer, long nanos) {
            this.peer = peer;
            this.nanos = nanos;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            ByteBuf bytes = (ByteBuf) message;
            if (nanos <= 0) {
                peer.writeAndFlush(bytes);
                return;
            }
            ctx.executor().schedule(() -> peer.writeAndFlush(bytes), nanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            ctx.executor().schedule(() -> peer.close(), nanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
            peer.close();
        }
    }
}
