package io.redisarrow.core.internal.write;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link Slot}s a write holds: every item it has received and not yet closed, so that the end
 * of the write closes them all, including any Reactor received but never subscribed to (an item
 * arriving as the write is cancelled). Once ended, an item handed in is closed at once.
 */
final class Holdings {

    private final Map<Slot<?>, Boolean> open = new IdentityHashMap<>();

    private boolean ended;

    /**
     * @param slot a new slot
     * @return whether it is held; false once the write has ended, when the caller closes it
     */
    synchronized boolean add(Slot<?> slot) {
        if (ended) {
            return false;
        }
        open.put(slot, Boolean.TRUE);
        return true;
    }

    synchronized void remove(Slot<?> slot) {
        open.remove(slot);
    }

    /** Ends the write: closes every slot still held, and those added later. */
    void end() {
        List<Slot<?>> left;
        synchronized (this) {
            ended = true;
            left = new ArrayList<>(open.keySet());
        }
        for (Slot<?> slot : left) {
            slot.close();
        }
    }
}
