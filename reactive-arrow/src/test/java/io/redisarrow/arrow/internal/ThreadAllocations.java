package io.redisarrow.arrow.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/** Counts the heap bytes the current thread allocates while work runs (HotSpot's per-thread counter). */
public final class ThreadAllocations {

    private static final MethodHandle ALLOCATED_BYTES = allocatedBytes();

    private ThreadAllocations() {
    }

    private static MethodHandle allocatedBytes() {
        try {
            Object threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            return MethodHandles.publicLookup()
                    .findVirtual(Class.forName("com.sun.management.ThreadMXBean"), "getThreadAllocatedBytes",
                            MethodType.methodType(long.class, long.class))
                    .bindTo(threads);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this test needs a JVM that counts allocated bytes per thread", e);
        }
    }

    /**
     * @param work what to measure, run on the calling thread
     * @return the bytes the thread allocated while it ran
     */
    public static long allocatedWhile(Runnable work) {
        long thread = Thread.currentThread().getId();
        try {
            long before = (long) ALLOCATED_BYTES.invokeExact(thread);
            work.run();
            return (long) ALLOCATED_BYTES.invokeExact(thread) - before;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
