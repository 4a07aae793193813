package io.redisarrow.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time of the benchmark's own process, of the {@link LatencyProxy} threads inside it, and of the
 * whole machine ({@code /proc/stat}), read before and after a pass, so a table can tell the client's CPU
 * from the proxies' and say how busy the cores were with every process counted.
 */
final class CpuClock {

    private static final Path PROC_STAT = Path.of("/proc/stat");

    private CpuClock() {
    }

    /**
     * One reading.
     *
     * @param jvmNanos CPU time of this JVM so far, every thread, or -1 when unknown
     * @param proxyNanos CPU time of the live latency-proxy threads so far
     * @param machineBusy the machine's busy CPU time so far, in clock ticks summed over the cores, or -1
     * @param machineTotal the machine's CPU time so far, busy or idle, in the same ticks, or -1
     */
    record Reading(long jvmNanos, long proxyNanos, long machineBusy, long machineTotal) {
    }

    /** @return the clocks now */
    static Reading now() {
        long jvm = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            jvm = os.getProcessCpuTime();
        }
        long[] machine = machine();
        return new Reading(jvm, proxyNanos(), machine[0], machine[1]);
    }

    /** @return the CPU time of the threads whose names start with {@link LatencyProxy#THREAD_PREFIX} */
    private static long proxyNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isThreadCpuTimeSupported()) {
            return 0;
        }
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(LatencyProxy.THREAD_PREFIX)) {
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                total += Math.max(0, nanos);
            }
        }
        return total;
    }

    /** @return {busy, total} clock ticks of the machine, or {-1, -1} where {@code /proc/stat} is missing */
    private static long[] machine() {
        try {
            for (String line : Files.readAllLines(PROC_STAT, StandardCharsets.US_ASCII)) {
                if (line.startsWith("cpu ")) {
                    return busyAndTotal(line);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return new long[] { -1, -1 };
    }

    /**
     * @param line the first line of {@code /proc/stat}: {@code cpu user nice system idle iowait irq softirq
     *        steal ...}
     * @return {busy, total} ticks: total is the sum of the first eight values, busy leaves out idle and
     *         iowait (guest time is already counted in user)
     * @throws IllegalArgumentException when the line has fewer than eight values
     */
    static long[] busyAndTotal(String line) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length < 9) {
            throw new IllegalArgumentException("line must be /proc/stat's cpu line of at least 8 values, was '" + line
                    + "'");
        }
        long total = 0;
        long idle = 0;
        for (int i = 1; i <= 8; i++) {
            long value = Long.parseLong(parts[i]);
            total += value;
            if (i == 4 || i == 5) {
                idle += value;
            }
        }
        return new long[] { total - idle, total };
    }
}
