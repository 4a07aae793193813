package io.redisarrow.benchmarks;

/**
 * What every scenario of one run shares: the server, N, the measured passes per scenario, the
 * server-cost probe, and the baselines measured first in the same run, which every table's
 * ratios refer to.
 *
 * @param url the server
 * @param keys N, the hashes loaded
 * @param repetitions measured passes per scenario, after one warm-up
 * @param cost Redis' own command time and bytes sent
 * @param baselines the server ceiling, the Jedis pipeline and Lettuce's ScanStream of this run
 */
record Bench(String url, int keys, int repetitions, ServerCost cost, Baselines baselines) {

    /**
     * The baselines of a run.
     *
     * @param ceiling the best redis-benchmark HMGET row
     * @param ceilingClients the client count of that row
     * @param jedis SCAN + pipelined HMGET with Jedis
     * @param lettuce ScanStream + flatMap(hgetall) with Lettuce
     */
    record Baselines(Measurement ceiling, int ceilingClients, Measurement jedis, Measurement lettuce) {
    }

    /** @return {@code m}'s median over the ceiling's */
    double xCeiling(Measurement m) {
        return m.median() / baselines.ceiling().median();
    }

    /** @return {@code m}'s median over the Jedis pipeline's */
    double xJedis(Measurement m) {
        return m.median() / baselines.jedis().median();
    }

    /** @return {@code m}'s median over Lettuce's */
    double xLettuce(Measurement m) {
        return m.median() / baselines.lettuce().median();
    }
}
