package io.redisarrow.core.internal.channel;

import io.lettuce.core.RedisConnectionException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import io.redisarrow.core.internal.reply.PendingReplies;
import io.redisarrow.core.internal.resp.RespReader;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Pairs the replies arriving on a fetch channel with the writes waiting for them, in order, and
 * feeds each to its {@link PendingReplies}. Accumulates partial replies across reads. When the
 * connection fails or closes, every waiting write fails with the reason.
 */
final class ReplyDispatcher extends ByteToMessageDecoder {

    private final ArrayDeque<PendingReplies> waiting = new ArrayDeque<>();

    private final String address;

    private Throwable failure;

    private final RespReader reader = new RespReader();

    ReplyDispatcher(String address) {
        this.address = address;
    }

    /** @return host:port of the server, for error messages */
    String address() {
        return address;
    }

    /** Registers replies to wait for; call on the event loop, before writing their commands. */
    boolean expect(PendingReplies replies) {
        if (failure != null) {
            replies.fail(failure);
            return false;
        }
        waiting.add(replies);
        return true;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        parse(in);
    }

    private void parse(ByteBuf in) {
        while (in.isReadable()) {
            PendingReplies head = waiting.peek();
            if (head == null) {
                throw new IllegalStateException("a reply arrived that no command waits for");
            }
            if (!reader.read(in, head)) {
                return;
            }
            if (head.isComplete()) {
                waiting.poll();
            }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        failAll(new RedisConnectionException("the connection to " + address + " was closed"));
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        failAll(new RedisConnectionException("the connection to " + address + " failed: " + cause.getMessage(),
                cause));
        ctx.close();
    }

    private void failAll(Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
        PendingReplies replies;
        while ((replies = waiting.poll()) != null) {
            replies.fail(cause);
        }
    }
}
