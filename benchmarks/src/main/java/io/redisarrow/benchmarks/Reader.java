package io.redisarrow.benchmarks;

/**
 * One way of reading every benchmark hash; a pass returns the rows it read.
 */
interface Reader extends AutoCloseable {

    /** @return the scenario's name in the report */
    String name();

    /** @return the {@code parallel} setting, or 0 when it does not apply */
    int parallel();

    /** Reads all hashes once. */
    long pass();

    @Override
    default void close() {
    }
}
