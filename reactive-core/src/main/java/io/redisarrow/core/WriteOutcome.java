package io.redisarrow.core;

import java.util.List;

/**
 * What became of one input batch of a write, read from the server's replies: how many rows it
 * had, how many were written, how many skipped, and each key that failed with the server's reason.
 * Every row is exactly one of written, skipped or failed: {@code rows = written + skipped +}
 * the rows of the failed keys.
 *
 * @param rows the input rows of the batch
 * @param written rows whose write the server applied, or that needed none
 * @param skipped rows the server declined (the key existed, under write-if-absent) or that had
 *        nothing to write
 * @param failedRows rows of the failed keys
 * @param failures the failed keys, in command order
 */
public record WriteOutcome(long rows, long written, long skipped, long failedRows, List<Failure> failures) {

    /** Copies the failures. */
    public WriteOutcome {
        failures = List.copyOf(failures);
    }

    /**
     * One key whose write failed.
     *
     * @param key the key's bytes
     * @param reason the server's error message, such as {@code WRONGTYPE Operation against a key
     *        holding the wrong kind of value}
     */
    public record Failure(byte[] key, String reason) {
    }
}
