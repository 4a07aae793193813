package io.redisarrow.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * What the passes of one measured row cost, pass by pass (the warm-up first), and their sums over the
 * measured passes: the Redis CPU of each node, the client's and the proxies' CPU, how busy the machine
 * was, the Arrow bytes of the batches read, and the library's retries and round trips.
 */
final class PassCosts {

    /**
     * One pass.
     *
     * @param wallSeconds its wall time
     * @param rows rows read
     * @param rowsAgain rows of a key the pass had read already
     * @param batches batches read
     * @param batchBytes Arrow buffer bytes of those batches, summed
     * @param largestBatchBytes Arrow buffer bytes of the largest of them
     * @param nodeCpuSeconds each redis-server's CPU seconds over the pass
     * @param clientCpuSeconds this JVM's CPU seconds over the pass, the proxies' threads left out
     * @param proxyCpuSeconds the latency proxies' CPU seconds over the pass
     * @param machineBusyTicks the machine's busy clock ticks over the pass, every core and process, or
     *        -1 when unknown
     * @param machineTotalTicks the machine's clock ticks over the pass, every core, or -1 when unknown
     * @param meters the library's retries and round trips over the pass
     */
    record Pass(double wallSeconds, long rows, long rowsAgain, long batches, long batchBytes, long largestBatchBytes,
            double[] nodeCpuSeconds, double clientCpuSeconds, double proxyCpuSeconds, long machineBusyTicks,
            long machineTotalTicks, ReadMeters.Reading meters) {
    }

    /**
     * The measured passes summed, as the table shows them.
     *
     * @param redisPercent the nodes' CPU over the wall time, in % of one core, all nodes together
     * @param busiestPercent the busiest node's CPU over the wall time, in % of one core
     * @param shares each node's share of the nodes' CPU, in %, in node order
     * @param redisMicrosPerRow the nodes' CPU per key read, in µs
     * @param clientPercent the client's CPU over the wall time, in % of one core
     * @param proxyPercent the proxies' CPU over the wall time, in % of one core
     * @param clientMicrosPerRow the client's CPU per key read, in µs
     * @param machinePercent the machine's busy time over its total, every core and process, in %; NaN
     *        when unknown
     * @param bytesPerBatch Arrow bytes per batch read
     * @param largestBatchBytes Arrow bytes of the largest batch read
     * @param rowsAgain rows of a key already read in the same pass, summed over the passes
     * @param retries the library's retries (transient failures retried), summed over the passes
     * @param roundTripMillis the mean latency of the reads' round trips, in ms; NaN when none was timed
     */
    record Totals(double redisPercent, double busiestPercent, double[] shares, double redisMicrosPerRow,
            double clientPercent, double proxyPercent, double clientMicrosPerRow, double machinePercent,
            double bytesPerBatch, double largestBatchBytes, long rowsAgain, long retries, double roundTripMillis) {
    }

    private final List<Pass> passes = new ArrayList<>();

    /** @param pass one more pass, the warm-up first */
    void add(Pass pass) {
        passes.add(pass);
    }

    /** @return the passes so far, the warm-up first */
    List<Pass> passes() {
        return List.copyOf(passes);
    }

    /** @return the sums over every pass but the first (the warm-up) */
    Totals totals() {
        return totals(passes);
    }

    /**
     * @param passes every pass, the warm-up first
     * @return the sums over every pass but the first
     * @throws IllegalArgumentException when no pass follows the warm-up
     */
    static Totals totals(List<Pass> passes) {
        if (passes.size() < 2) {
            throw new IllegalArgumentException("passes must hold a warm-up and at least one measured pass, held "
                    + passes.size());
        }
        List<Pass> measured = passes.subList(1, passes.size());
        int nodes = measured.get(0).nodeCpuSeconds().length;
        double wall = 0;
        long rows = 0;
        long again = 0;
        long batches = 0;
        long bytes = 0;
        long largest = 0;
        double[] node = new double[nodes];
        double client = 0;
        double proxy = 0;
        long busy = 0;
        long total = 0;
        boolean machineKnown = true;
        long retries = 0;
        long trips = 0;
        double tripSeconds = 0;
        for (Pass pass : measured) {
            retries += pass.meters().retries();
            trips += pass.meters().roundTrips();
            tripSeconds += pass.meters().roundTripSeconds();
            wall += pass.wallSeconds();
            rows += pass.rows();
            again += pass.rowsAgain();
            batches += pass.batches();
            bytes += pass.batchBytes();
            largest = Math.max(largest, pass.largestBatchBytes());
            for (int i = 0; i < nodes; i++) {
                node[i] += pass.nodeCpuSeconds()[i];
            }
            client += pass.clientCpuSeconds();
            proxy += pass.proxyCpuSeconds();
            if (pass.machineBusyTicks() < 0 || pass.machineTotalTicks() <= 0) {
                machineKnown = false;
            } else {
                busy += pass.machineBusyTicks();
                total += pass.machineTotalTicks();
            }
        }
        double redis = 0;
        double busiest = 0;
        for (double seconds : node) {
            redis += seconds;
            busiest = Math.max(busiest, seconds);
        }
        double[] shares = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            shares[i] = redis > 0 ? 100 * node[i] / redis : Double.NaN;
        }
        long once = rows - again;
        return new Totals(100 * redis / wall, 100 * busiest / wall, shares, 1e6 * redis / once, 100 * client / wall,
                100 * proxy / wall, 1e6 * client / once, machineKnown ? 100.0 * busy / total : Double.NaN,
                batches == 0 ? Double.NaN : bytes / (double) batches, batches == 0 ? Double.NaN : largest, again,
                retries, trips == 0 ? Double.NaN : 1e3 * tripSeconds / trips);
    }
}
