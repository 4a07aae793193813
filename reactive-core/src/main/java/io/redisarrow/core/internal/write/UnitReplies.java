package io.redisarrow.core.internal.write;

import io.redisarrow.core.WriteBatch;
import io.redisarrow.core.WriteReply;
import io.redisarrow.core.internal.reply.PendingReplies;
import org.jspecify.annotations.Nullable;

/**
 * Reads the replies of the units of a {@link WriteBatch} sent together in one round trip (all of
 * them on one connection, or a master's share on a cluster) into {@link UnitResults}: a unit with
 * any error reply failed (its first error is the reason); otherwise it was skipped when its one
 * reply says the server declined ({@link WriteReply#NIL_SKIPS}, {@link WriteReply#ZERO_SKIPS}),
 * and written in every other case. With {@code asking}, each unit was sent after an
 * {@code ASKING} command, whose reply is passed over.
 */
public final class UnitReplies extends PendingReplies {

    private final WriteBatch batch;

    /** The units sent, in order; null for every unit of the batch. */
    private final int @Nullable [] units;

    private final int count;

    private final boolean asking;

    private final UnitResults results;

    /** Which of {@code units} is being read. */
    private int index;

    private int remainingInUnit;

    /** Whether the reply being read answers an {@code ASKING}. */
    private boolean askingReply;

    private boolean started;

    private boolean declined;

    private @Nullable String error;

    /**
     * @param batch the batch
     * @param units the units sent, in the order they were sent (the array is not copied); null
     *        for every unit of the batch, in order
     * @param count how many of {@code units} were sent, {@code >= 1}
     * @param asking whether an {@code ASKING} went before each unit
     * @param results where each unit's answer goes
     */
    public UnitReplies(WriteBatch batch, int @Nullable [] units, int count, boolean asking, UnitResults results) {
        super(totalReplies(batch, units, count, asking));
        this.batch = batch;
        this.units = units;
        this.count = count;
        this.asking = asking;
        this.results = results;
        this.remainingInUnit = batch.replyCount(unit(0));
        this.askingReply = asking;
    }

    /**
     * Reads the replies of every unit of the batch, sent in order in one round trip.
     *
     * @param batch the batch, with at least one unit
     * @param results where each unit's answer goes
     */
    public UnitReplies(WriteBatch batch, UnitResults results) {
        this(batch, null, batch.units(), false, results);
    }

    private static int totalReplies(WriteBatch batch, int @Nullable [] units, int count, boolean asking) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1; got " + count);
        }
        long total = asking ? count : 0;
        for (int i = 0; i < count; i++) {
            total += batch.replyCount(units == null ? i : units[i]);
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a batch of " + total + " replies is too large; use smaller batches");
        }
        return (int) total;
    }

    @Override
    public void beginReply() {
        started = false;
    }

    @Override
    public void error(String message) {
        if (askingReply) {
            return;
        }
        first(false);
        if (error == null) {
            error = message;
        }
    }

    /** @return the unit at a position of the round trip */
    private int unit(int position) {
        return units == null ? position : units[position];
    }

    @Override
    public void nil() {
        first(batch.reply(unit(index)) == WriteReply.NIL_SKIPS);
    }

    @Override
    public void integer(long value) {
        first(value == 0 && batch.reply(unit(index)) == WriteReply.ZERO_SKIPS);
    }

    @Override
    public void array(int size) {
        first(false);
    }

    @Override
    public void bulk(byte[] data, int offset, int length) {
        first(false);
    }

    @Override
    public void simple(byte[] data, int offset, int length) {
        first(false);
    }

    /** A reply of the unit being read arrived; only its first one decides. */
    private void first(boolean declines) {
        if (!started && !askingReply) {
            started = true;
            if (declines) {
                declined = true;
            }
        }
    }

    @Override
    protected void replyEnded() {
        if (askingReply) {
            askingReply = false;
            return;
        }
        if (--remainingInUnit > 0) {
            return;
        }
        int unit = unit(index);
        if (error != null) {
            results.failed(unit, error);
        } else if (declined) {
            results.skipped(unit);
        } else {
            results.written(unit);
        }
        error = null;
        declined = false;
        index++;
        if (index < count) {
            remainingInUnit = batch.replyCount(unit(index));
            askingReply = asking;
        }
    }
}
