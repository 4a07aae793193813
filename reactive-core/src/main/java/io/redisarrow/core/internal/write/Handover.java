package io.redisarrow.core.internal.write;

import io.netty.buffer.ByteBuf;
import org.jspecify.annotations.Nullable;

/**
 * A batch's way from its holder to the connection(s) that send it, once its turn has come: the
 * sender {@linkplain #take() takes} the encoded commands, then says they were {@linkplain #sent()
 * handed over}, which lets the next batch go (so that the server applies batches in input order).
 */
public final class Handover {

    private final Slot<?> slot;

    private final SendOrder.Turn turn;

    Handover(Slot<?> slot, SendOrder.Turn turn) {
        this.slot = slot;
        this.turn = turn;
    }

    /**
     * Takes the batch's commands; from then on the caller owns the buffer and must send or release it.
     *
     * @return the commands, or null when the write has ended (there is nothing to send)
     */
    public @Nullable ByteBuf take() {
        return slot.takeCommands();
    }

    /** Lets the next batch go: this batch's commands are with its connection(s). Idempotent. */
    public void sent() {
        turn.done();
    }
}
