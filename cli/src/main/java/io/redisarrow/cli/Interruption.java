package io.redisarrow.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Cancels the work running when a user presses Ctrl-C. A command {@link #begin() begins} its
 * work, says how to cancel it, and ends it once it has cleaned up (removed its temporary file);
 * {@link #cancel()} runs the cancel action. The JVM's shutdown hook (SIGINT) calls it and then
 * waits, a few seconds at most, for the work to end before the JVM exits.
 */
final class Interruption {

    private static final long CLEANUP_WAIT_SECONDS = 10;

    private volatile Runnable cancelAction;

    private volatile boolean cancelled;

    private volatile CountDownLatch ended;

    /** @return an interruption cancelled only by {@link #cancel()} */
    static Interruption manual() {
        return new Interruption();
    }

    /** @return an interruption the JVM's shutdown hook (Ctrl-C) cancels */
    static Interruption onSigint() {
        Interruption interruption = new Interruption();
        Runtime.getRuntime().addShutdownHook(new Thread(interruption::cancelAndWait, "redis-arrow-interrupt"));
        return interruption;
    }

    /** @return the work now running; close it once cleaned up */
    Work begin() {
        CountDownLatch latch = new CountDownLatch(1);
        ended = latch;
        return new Work(latch);
    }

    /** Cancels the running work, if any; does not wait for it. */
    void cancel() {
        cancelled = true;
        Runnable action = cancelAction;
        if (action != null) {
            action.run();
        }
    }

    /** @return whether {@link #cancel()} was called */
    boolean cancelled() {
        return cancelled;
    }

    private void cancelAndWait() {
        CountDownLatch latch = ended;
        if (latch == null || latch.getCount() == 0) {
            return;
        }
        cancel();
        try {
            latch.await(CLEANUP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One piece of running work. */
    final class Work implements AutoCloseable {

        private final CountDownLatch latch;

        private Work(CountDownLatch latch) {
            this.latch = latch;
        }

        /**
         * @param action cancels the work; run at once if the interruption came already
         */
        void onCancel(Runnable action) {
            cancelAction = action;
            if (cancelled) {
                action.run();
            }
        }

        /** @return whether the work was cancelled */
        boolean cancelled() {
            return cancelled;
        }

        /** Ends the work: a waiting shutdown goes on. */
        @Override
        public void close() {
            cancelAction = null;
            latch.countDown();
        }
    }
}
