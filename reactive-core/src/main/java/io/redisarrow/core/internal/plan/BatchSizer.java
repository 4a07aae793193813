package io.redisarrow.core.internal.plan;

/**
 * How many keys the next batch takes. Fixed when the read says so; adaptive otherwise: one key
 * per microsecond of the read channel's measured round-trip latency ({@link #KEYS_PER_MS} per
 * millisecond), between a floor and the read's batch size. On loopback (tens of microseconds) that
 * is the floor, where small batches keep Redis, the I/O thread and the decoder overlapping; behind
 * a millisecond or more it is the cap, where each round trip must carry enough keys to hide the
 * wait. The benchmark's batch-size and latency tables are the measurements behind this rule.
 * Thread-safe.
 */
final class BatchSizer {

    /** Keys per batch per millisecond of round-trip latency, for an adaptive read. */
    static final int KEYS_PER_MS = 1000;

    private final int min;

    private final int max;

    private volatile int size;

    private BatchSizer(int min, int max, int size) {
        this.min = min;
        this.max = max;
        this.size = size;
    }

    /** @return a sizer that always answers {@code size} */
    static BatchSizer fixed(int size) {
        return new BatchSizer(size, size, size);
    }

    /**
     * @param min the smallest batch
     * @param max the largest batch, used until a latency is measured
     * @return a sizer that follows the measured latency
     */
    static BatchSizer adaptive(int min, int max) {
        int floor = Math.min(min, max);
        return new BatchSizer(floor, max, max);
    }

    /** @return keys for the next batch */
    int size() {
        return size;
    }

    /** @param nanos a measured round trip of a minimal command on the read's connection */
    void latency(long nanos) {
        long keys = nanos * KEYS_PER_MS / 1_000_000L;
        size = (int) Math.max(min, Math.min(max, keys));
    }
}
