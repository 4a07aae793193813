package io.redisarrow.benchmarks;

/**
 * A reader of one {@link TypeData} data set that sums what it reads, so that readers can be checked
 * to have read the same values.
 */
interface TypeReader extends Reader {

    /**
     * @return the sum of the last pass: byte lengths of text values (members, list elements, stream
     *         {@code sym}), numbers as read (string prices, scores, stream ids as milliseconds +
     *         sequence, {@code user}, {@code price})
     */
    double checksum();
}
