package io.redisarrow.core.internal.write;

import io.redisarrow.core.WriteBatch;
import io.redisarrow.core.WriteReply;
import org.jspecify.annotations.Nullable;

/**
 * Reads the replies of some units of a {@link WriteBatch}, sent together in one round trip, into
 * {@link UnitResults}, as {@link WriteReplies} reads a whole batch: a unit with any error reply
 * failed (its first error is the reason); otherwise it was skipped when its one reply says the
 * server declined, and written in every other case. With {@code asking}, each unit was sent after
 * an {@code ASKING} command, whose reply is passed over.
 */
public final class UnitReplies extends UnitAnswers {

    private final WriteBatch batch;

    private final int[] units;

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
     * @param units the units sent, in the order they were sent; the array is not copied
     * @param count how many of {@code units} were sent, {@code >= 1}
     * @param asking whether an {@code ASKING} went before each unit
     * @param results where each unit's answer goes
     */
    public UnitReplies(WriteBatch batch, int[] units, int count, boolean asking, UnitResults results) {
        super(totalReplies(batch, units, count, asking));
        this.batch = batch;
        this.units = units;
        this.count = count;
        this.asking = asking;
        this.results = results;
        this.remainingInUnit = batch.replyCount(units[0]);
        this.askingReply = asking;
    }

    private static int totalReplies(WriteBatch batch, int[] units, int count, boolean asking) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1; got " + count);
        }
        long total = asking ? count : 0;
        for (int i = 0; i < count; i++) {
            total += batch.replyCount(units[i]);
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

    @Override
    WriteReply unitReply() {
        return batch.reply(units[index]);
    }

    @Override
    void first(boolean declines) {
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
        int unit = units[index];
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
            remainingInUnit = batch.replyCount(units[index]);
            askingReply = asking;
        }
    }
}
