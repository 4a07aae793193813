package io.redisarrow.core.internal.write;

import io.netty.buffer.ByteBuf;
import io.redisarrow.core.WriteBatch;
import io.redisarrow.core.WriteEncoder;
import org.jspecify.annotations.Nullable;

/**
 * One input item of a write, from the moment it arrives until its commands are on the wire: the
 * item is encoded at most once and closed exactly once (right after encoding, or when the write
 * ends first), and its encoded batch is either sent or released. {@link #close()} may come from
 * any thread at any time (cancel, error, the end of the write); it never closes an item while it
 * is being encoded, whose encoding then closes it.
 *
 * @param <T> the item type
 */
final class Slot<T> {

    private final T item;

    private final WriteEncoder<T> encoder;

    private final Holdings holdings;

    /** Whether the item has been taken for encoding or closed: guarded by {@code this}. */
    private boolean itemTaken;

    private boolean closed;

    private @Nullable WriteBatch batch;

    Slot(T item, WriteEncoder<T> encoder, Holdings holdings) {
        this.item = item;
        this.encoder = encoder;
        this.holdings = holdings;
    }

    /**
     * Encodes the item and closes it.
     *
     * @return the batch, held here until sent; null when the write has ended
     */
    @Nullable
    WriteBatch encode() {
        synchronized (this) {
            if (itemTaken) {
                return null;
            }
            itemTaken = true;
        }
        WriteBatch encoded;
        try {
            encoded = encoder.encode(item);
        } finally {
            encoder.close(item);
        }
        synchronized (this) {
            if (!closed) {
                batch = encoded;
                return encoded;
            }
        }
        encoded.release();
        return null;
    }

    /**
     * Hands the encoded commands to the sender.
     *
     * @return the commands, or null when the write has ended
     */
    synchronized @Nullable ByteBuf takeCommands() {
        if (closed || batch == null) {
            return null;
        }
        return batch.takeCommands();
    }

    /** Closes the item if it was never encoded, and releases commands never sent. Idempotent. */
    void close() {
        boolean closeItem;
        WriteBatch unsent;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            closeItem = !itemTaken;
            itemTaken = true;
            unsent = batch;
            batch = null;
        }
        if (closeItem) {
            encoder.close(item);
        }
        if (unsent != null) {
            unsent.release();
        }
        holdings.remove(this);
    }
}
