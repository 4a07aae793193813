package io.redisarrow.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * A reader whose passes also record the Redis process's CPU time (INFO cpu, user + system) and the
 * pass's wall time, so a table can say how busy the server was while the reader read: near 100 %
 * the server is the limit, well below it the client or the round trips are.
 */
final class CpuSampled implements Reader {

    private final Reader reader;

    private final DoubleSupplier cpuSeconds;

    private final List<double[]> passes = new ArrayList<>();

    /**
     * @param reader the reader measured
     * @param cpuSeconds the server process's CPU seconds so far ({@link WritesDatabase#cpuSeconds()})
     */
    CpuSampled(Reader reader, DoubleSupplier cpuSeconds) {
        this.reader = reader;
        this.cpuSeconds = cpuSeconds;
    }

    @Override
    public String name() {
        return reader.name();
    }

    @Override
    public String parallel() {
        return reader.parallel();
    }

    @Override
    public long pass() {
        double before = cpuSeconds.getAsDouble();
        long start = System.nanoTime();
        long rows = reader.pass();
        double wall = (System.nanoTime() - start) / 1e9;
        passes.add(new double[] { cpuSeconds.getAsDouble() - before, wall });
        return rows;
    }

    @Override
    public String detail() {
        String detail = reader.detail();
        double[] last = passes.isEmpty() ? null : passes.get(passes.size() - 1);
        if (last == null || Double.isNaN(last[0])) {
            return detail;
        }
        return (detail.isEmpty() ? "" : detail + ", ") + String.format(Locale.ROOT, "Redis CPU %.0f %%",
                100 * last[0] / last[1]);
    }

    /** @return the Redis CPU time over the wall time of every pass but the first (the warm-up), in % */
    double percent() {
        return percent(passes);
    }

    /**
     * @param passes each pass's {CPU seconds, wall seconds}, the warm-up first
     * @return their CPU over their wall time without the first, in %; NaN when unknown or no pass
     *         is left
     */
    static double percent(List<double[]> passes) {
        double cpu = 0;
        double wall = 0;
        for (double[] pass : passes.subList(Math.min(1, passes.size()), passes.size())) {
            cpu += pass[0];
            wall += pass[1];
        }
        return wall == 0 ? Double.NaN : 100 * cpu / wall;
    }

    @Override
    public void close() {
        reader.close();
    }
}
