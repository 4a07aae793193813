package io.redisarrow.core.internal.write;

import io.redisarrow.core.WriteBatch;
import io.redisarrow.core.WriteOutcome;
import io.redisarrow.core.WriteReply;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the replies of one {@link WriteBatch}, unit by unit, into its {@link WriteOutcome}: a unit
 * with any error reply failed (its first error is the reason); otherwise it was skipped when its
 * one reply says the server declined ({@link WriteReply#NIL_SKIPS}, {@link WriteReply#ZERO_SKIPS}),
 * and written in every other case.
 */
final class WriteReplies extends UnitAnswers {

    private final WriteBatch batch;

    private final List<WriteOutcome.Failure> failures = new ArrayList<>();

    private int unit;

    /** Replies of the current unit still to come. */
    private int remainingInUnit;

    /** Whether the current reply has had its first part. */
    private boolean started;

    private boolean declined;

    private String error;

    private long written;

    private long skipped;

    private long failedRows;

    WriteReplies(WriteBatch batch) {
        super(totalReplies(batch));
        this.batch = batch;
        this.remainingInUnit = batch.replyCount(0);
        this.written = batch.writtenWithoutCommand();
        this.skipped = batch.skippedWithoutCommand();
    }

    private static int totalReplies(WriteBatch batch) {
        long total = 0;
        for (int unit = 0; unit < batch.units(); unit++) {
            total += batch.replyCount(unit);
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
        first(false);
        if (error == null) {
            error = message;
        }
    }

    /** Notes whether a single-reply unit's reply (its first part) says the server declined. */
    @Override
    WriteReply unitReply() {
        return batch.reply(unit);
    }

    @Override
    void first(boolean declines) {
        if (!started) {
            started = true;
            if (declines) {
                declined = true;
            }
        }
    }

    @Override
    protected void replyEnded() {
        if (--remainingInUnit > 0) {
            return;
        }
        int rows = batch.unitRows(unit);
        if (error != null) {
            failures.add(new WriteOutcome.Failure(batch.key(unit), error));
            failedRows += rows;
        } else if (declined) {
            skipped += rows;
        } else {
            written += rows;
        }
        error = null;
        declined = false;
        unit++;
        if (unit < batch.units()) {
            remainingInUnit = batch.replyCount(unit);
        }
    }

    /** @return the outcome, once every reply has been read */
    WriteOutcome outcome() {
        return new WriteOutcome(batch.rows(), written, skipped, failedRows, failures);
    }

    /** @return the outcome of a batch that needed no command */
    static WriteOutcome withoutCommands(WriteBatch batch) {
        return new WriteOutcome(batch.rows(), batch.writtenWithoutCommand(), batch.skippedWithoutCommand(), 0,
                List.of());
    }
}
