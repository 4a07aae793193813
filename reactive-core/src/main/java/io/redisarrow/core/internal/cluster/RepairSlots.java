package io.redisarrow.core.internal.cluster;

import io.redisarrow.core.internal.plan.Failures;

import java.util.BitSet;

/**
 * The hash slots a cluster scan must read again once its node scans end, because keys may have
 * moved through them while the scan ran: slots a fetch was redirected from ({@code MOVED},
 * {@code ASK}), slots a node lost or gained, slots still migrating. Thread-safe.
 */
public final class RepairSlots {

    private final BitSet slots = new BitSet(Slots.COUNT);

    /** @param slots slots to read again */
    public synchronized void add(BitSet slots) {
        this.slots.or(slots);
    }

    /**
     * Notes the slot a failure was redirected from, if it was.
     *
     * @param failure what a read failed with
     * @return whether it was a redirection ({@code MOVED} or {@code ASK})
     */
    public boolean addRedirect(Throwable failure) {
        String message = failure.getMessage();
        int slot = message == null ? -1 : Redirect.slot(Failures.reply(message));
        if (slot < 0) {
            return false;
        }
        synchronized (this) {
            slots.set(slot);
        }
        return true;
    }

    /** @return a copy of the slots to read again */
    public synchronized BitSet snapshot() {
        return (BitSet) slots.clone();
    }

    /** @return the slots to read again as ranges, empty for none */
    public synchronized String ranges() {
        return Slots.ranges(slots);
    }
}
