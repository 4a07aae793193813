package io.redisarrow.benchmarks;

/**
 * One way of reading every benchmark hash, measured as a scenario; a pass reads them all once.
 */
interface Reader extends AutoCloseable {

    /** @return the scenario's name in the report */
    String name();

    /** @return the {@code parallel} setting in the report, or {@code "-"} when it does not apply */
    default String parallel() {
        return "-";
    }

    /**
     * Reads all hashes once.
     *
     * @return the rows read
     */
    long pass();

    /** @return a note on the last pass for the progress line (such as memory held), or empty */
    default String detail() {
        return "";
    }

    @Override
    default void close() {
    }
}
