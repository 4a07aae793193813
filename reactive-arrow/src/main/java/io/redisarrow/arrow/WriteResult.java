package io.redisarrow.arrow;

import io.redisarrow.core.WriteOutcome;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What became of one input batch of a write: every row is exactly one of written, skipped or
 * failed, so {@code rows() == written() + skipped() + failed()}.
 */
public final class WriteResult {

    private final long rows;

    private final long written;

    private final long skipped;

    private final long failed;

    private final List<WriteFailure> failures;

    private WriteResult(long rows, long written, long skipped, long failed, List<WriteFailure> failures) {
        this.rows = rows;
        this.written = written;
        this.skipped = skipped;
        this.failed = failed;
        this.failures = failures;
    }

    static WriteResult of(WriteOutcome outcome) {
        List<WriteFailure> failures = new ArrayList<>(outcome.failures().size());
        for (WriteOutcome.Failure failure : outcome.failures()) {
            failures.add(new WriteFailure(failure.key(), failure.reason()));
        }
        return new WriteResult(outcome.rows(), outcome.written(), outcome.skipped(), outcome.failedRows(),
                Collections.unmodifiableList(failures));
    }

    /** @return the rows of the input batch */
    public long rows() {
        return rows;
    }

    /**
     * @return rows the server applied, and rows that had nothing to change (under
     *         {@link WriteMode#MERGE}, a row whose values are all null)
     */
    public long written() {
        return written;
    }

    /**
     * @return rows not written on purpose: under {@link WriteMode#SKIP_EXISTING} a key that existed;
     *         for sets, lists and sorted sets a row whose member is null; a row that had nothing to
     *         write and no key to create
     */
    public long skipped() {
        return skipped;
    }

    /** @return rows of the keys in {@link #failures()} */
    public long failed() {
        return failed;
    }

    /** @return the keys the server refused, with its reasons, in row order; empty when none */
    public List<WriteFailure> failures() {
        return failures;
    }

    /** @return whether any key failed */
    public boolean hasFailures() {
        return !failures.isEmpty();
    }

    @Override
    public String toString() {
        return "WriteResult{rows=" + rows + ", written=" + written + ", skipped=" + skipped + ", failed=" + failed
                + (failures.isEmpty() ? "" : ", failures=" + failures.subList(0, Math.min(3, failures.size()))
                        + (failures.size() > 3 ? "..." : ""))
                + '}';
    }
}
