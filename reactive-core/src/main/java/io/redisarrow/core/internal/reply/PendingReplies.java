package io.redisarrow.core.internal.reply;

import io.redisarrow.core.internal.resp.ReplyConsumer;

import java.util.concurrent.CompletableFuture;

/**
 * The replies one pipelined write is waiting for: a {@link ReplyConsumer} that completes its
 * future when the expected number of replies has been read, or fails it when the connection does.
 * Subclasses decode the parts, each delivered once as it arrives; every method runs on the
 * channel's event loop.
 */
public abstract class PendingReplies implements ReplyConsumer {

    private final CompletableFuture<Void> done = new CompletableFuture<>();

    private int remaining;

    /** index of the reply being read, 0-based */
    protected int reply;

    protected PendingReplies(int expected) {
        if (expected < 1) {
            throw new IllegalArgumentException("expected must be >= 1: a write without replies is never sent");
        }
        this.remaining = expected;
    }

    public CompletableFuture<Void> future() {
        return done;
    }

    /** @return the replies still to come: before the first arrives, the commands written */
    public int remaining() {
        return remaining;
    }

    public boolean isComplete() {
        return remaining == 0;
    }

    public void fail(Throwable cause) {
        done.completeExceptionally(cause);
    }

    @Override
    public void beginReply() {
    }

    @Override
    public final void endReply() {
        replyEnded();
        reply++;
        if (--remaining == 0) {
            done.complete(null);
        }
    }

    /** Called when reply number {@link #reply} is complete. */
    protected void replyEnded() {
    }

    @Override
    public void array(int count) {
    }

    @Override
    public void bulk(byte[] data, int offset, int length) {
    }

    @Override
    public void nil() {
    }

    @Override
    public void integer(long value) {
    }

    @Override
    public void simple(byte[] data, int offset, int length) {
    }

    @Override
    public void error(String message) {
    }
}
