package io.redisarrow.benchmarks;

import java.util.List;

/**
 * A selectivity of the search tables: its label, the RediSearch query, and the client-side filter a
 * scan applies to find the same documents. Both data sets (the hashes and the JSON documents) hold
 * {@code balance} uniform in [0, 100000) with two decimals, so each query keeps about the share its
 * label says.
 *
 * @param label the share of documents it matches, as shown
 * @param query the query on the index's NUMERIC {@code balance}
 * @param below the filter: a document matches when its balance is below this
 */
record SearchMatch(String label, String query, double below) {

    /** Every selectivity, 100 % first (it matches every document, which the scans' checks rely on). */
    static final List<SearchMatch> ALL = List.of(new SearchMatch("100 %", "*", Double.POSITIVE_INFINITY),
            new SearchMatch("10 %", "@balance:[0 (10000]", 10_000), new SearchMatch("1 %", "@balance:[0 (1000]", 1_000));

    /** @return whether a document of this balance matches */
    boolean matches(double balance) {
        return balance < below;
    }
}
