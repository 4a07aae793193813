package io.redisarrow.core.internal.write;

import io.redisarrow.core.WriteBatch;
import io.redisarrow.core.WriteOutcome;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * What became of each unit of one {@link WriteBatch} whose units go out in several round trips (to
 * the masters of a cluster, and again after a redirect): each unit's latest answer, written,
 * skipped or failed with the server's reason, merged into the batch's one {@link WriteOutcome}.
 * Units are answered on the event loops of several connections, each unit by one at a time; the
 * outcome is read once every round trip has ended.
 */
public final class UnitResults {

    private static final byte UNANSWERED = 0;

    private static final byte WRITTEN = 1;

    private static final byte SKIPPED = 2;

    private static final byte FAILED = 3;

    private final WriteBatch batch;

    private final byte[] states;

    private final @Nullable String[] errors;

    /** @param batch the batch */
    public UnitResults(WriteBatch batch) {
        this.batch = batch;
        this.states = new byte[batch.units()];
        this.errors = new String[batch.units()];
    }

    void written(int unit) {
        states[unit] = WRITTEN;
        errors[unit] = null;
    }

    void skipped(int unit) {
        states[unit] = SKIPPED;
        errors[unit] = null;
    }

    /**
     * Records a failure: an error reply, or a unit that could not be sent.
     *
     * @param unit the unit
     * @param reason why it failed
     */
    public void failed(int unit, String reason) {
        states[unit] = FAILED;
        errors[unit] = reason;
    }

    /**
     * @param unit a unit
     * @return its failure's reason, or null when it has not failed
     */
    public @Nullable String error(int unit) {
        return states[unit] == FAILED ? errors[unit] : null;
    }

    /**
     * @return the batch's outcome: rows of units written, skipped, or failed (a unit never answered
     *         counts as failed, so no row is lost silently), failures in command order
     */
    public WriteOutcome outcome() {
        long written = batch.writtenWithoutCommand();
        long skipped = batch.skippedWithoutCommand();
        long failedRows = 0;
        List<WriteOutcome.Failure> failures = new ArrayList<>();
        for (int unit = 0; unit < states.length; unit++) {
            int rows = batch.unitRows(unit);
            switch (states[unit]) {
                case WRITTEN -> written += rows;
                case SKIPPED -> skipped += rows;
                default -> {
                    failedRows += rows;
                    String reason = errors[unit];
                    failures.add(new WriteOutcome.Failure(batch.key(unit),
                            reason != null ? reason : "no reply was read for this key"));
                }
            }
        }
        return new WriteOutcome(batch.rows(), written, skipped, failedRows, failures);
    }

    /** @return the outcome of a batch that needed no command */
    static WriteOutcome withoutCommands(WriteBatch batch) {
        return new WriteOutcome(batch.rows(), batch.writtenWithoutCommand(), batch.skippedWithoutCommand(), 0,
                List.of());
    }
}
