package io.redisarrow.core.internal.channel;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.redisarrow.core.RedisArrowException;
import io.redisarrow.core.internal.observe.ReadObserver;
import io.redisarrow.core.internal.reply.PendingReplies;
import io.redisarrow.core.internal.resp.RespReader;
import org.jspecify.annotations.Nullable;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Pairs the replies arriving on a fetch channel with the writes waiting for them, in order, and
 * feeds each to its {@link PendingReplies}. Accumulates partial replies across reads. When the
 * connection fails or the server closes it, every waiting write fails with the reason (bytes that
 * are not RESP fail them with {@link ConnectionErrors#notResp}); when we close it ourselves
 * ({@link #closing()}), they are cancelled instead, quietly: whoever waited for them has gone, and a
 * failure would only reach Reactor's dropped-error hook, which logs it at ERROR level.
 *
 * <p>Tells its {@link ReadObserver} of every round trip: sent when its replies are registered,
 * done exactly once when it leaves the queue (its last reply read, failed or cancelled), with the
 * time in between; a write refused before it is registered is neither. Without an observer it
 * reads no clock.
 */
final class ReplyDispatcher extends ByteToMessageDecoder {

    private final ArrayDeque<PendingReplies> waiting = new ArrayDeque<>();

    private final String address;

    private Throwable failure;

    private final RespReader reader = new RespReader();

    private volatile boolean closing;

    private final ReadObserver observer;

    private final boolean timed;

    /** When each waiting round trip was written, in the order of {@link #waiting}; a ring. */
    private long[] sentAt;

    private int sentHead;

    ReplyDispatcher(String address) {
        this(address, ReadObserver.NONE);
    }

    /**
     * @param address host:port of the server
     * @param observer told of each round trip; must not throw
     */
    ReplyDispatcher(String address, ReadObserver observer) {
        this.address = address;
        this.observer = observer;
        this.timed = observer != ReadObserver.NONE;
        this.sentAt = timed ? new long[16] : new long[0];
    }

    /** @return host:port of the server, for error messages */
    String address() {
        return address;
    }

    /** Marks the coming close as deliberate: replies still awaited are cancelled, not failed. */
    void closing() {
        closing = true;
    }

    /** Registers replies to wait for; call on the event loop, before writing their commands. */
    boolean expect(PendingReplies replies) {
        if (failure != null) {
            replies.fail(failure);
            return false;
        }
        waiting.add(replies);
        if (timed) {
            sent(replies.remaining());
        }
        return true;
    }

    private void sent(int commands) {
        int count = waiting.size();
        if (count > sentAt.length) {
            long[] grown = new long[sentAt.length * 2];
            for (int i = 0; i < count - 1; i++) {
                grown[i] = sentAt[(sentHead + i) & (sentAt.length - 1)];
            }
            sentAt = grown;
            sentHead = 0;
        }
        sentAt[(sentHead + count - 1) & (sentAt.length - 1)] = System.nanoTime();
        observer.roundTripSent(commands);
    }

    /** The head of {@link #waiting} has just left it; call with the time it ended. */
    private void done(long now, boolean failed) {
        if (timed) {
            long sent = sentAt[sentHead];
            sentHead = (sentHead + 1) & (sentAt.length - 1);
            observer.roundTripDone(now - sent, failed);
        }
    }

    private long now() {
        return timed ? System.nanoTime() : 0;
    }

    /** @return why the connection failed, if it did; else {@code otherwise} */
    Throwable failureOr(Throwable otherwise) {
        return failure != null ? failure : otherwise;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            PendingReplies head = waiting.peek();
            if (head == null) {
                throw new IllegalStateException("a reply arrived that no command waits for");
            }
            if (!reader.read(in, head)) {
                return;
            }
            // completing it may have closed the channel already (cancelAll), taking it off the queue
            if (head.isComplete() && waiting.peek() == head) {
                waiting.poll();
                done(now(), false);
            }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (closing) {
            cancelAll();
        } else {
            failAll(ConnectionErrors.closed(address));
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (closing) {
            cancelAll();
        } else {
            RedisArrowException own = readersOwn(cause);
            failAll(own != null ? own : ConnectionErrors.lost(address, cause));
        }
        ctx.close();
    }

    /**
     * @return a failure of the library's own that a reply reader raised while decoding (wrapped by
     *         Netty's decoder), such as a batch past its size limit: the read's failure, to pass on
     *         as it is, not the connection's; or null
     */
    private static @Nullable RedisArrowException readersOwn(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RedisArrowException found) {
                return found;
            }
        }
        return null;
    }

    private void failAll(Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
        long now = now();
        PendingReplies replies;
        while ((replies = waiting.poll()) != null) {
            done(now, !replies.isComplete());
            replies.fail(cause);
        }
    }

    /** Cancels every reply still awaited, quietly; call on the event loop. */
    void cancelAll() {
        if (failure == null) {
            failure = ConnectionErrors.closed(address);
        }
        long now = now();
        PendingReplies replies;
        while ((replies = waiting.poll()) != null) {
            done(now, !replies.isComplete());
            replies.future().cancel(false);
        }
    }
}
