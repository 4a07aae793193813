package io.redisarrow.arrow;

/**
 * What a write does when the server refuses some keys of a batch ({@code WRONGTYPE}, {@code OOM},
 * a script error). The other keys of that batch are written either way.
 */
public enum WriteErrorPolicy {

    /**
     * The write fails with a {@link WriteFailedException} carrying the batch's {@link WriteResult},
     * after the results of the batches before it. Later batches already in flight (at most
     * {@code parallel - 1}) may have been written.
     */
    FAIL,

    /** The failures are reported in the batch's {@link WriteResult}, and the write goes on. */
    REPORT
}
