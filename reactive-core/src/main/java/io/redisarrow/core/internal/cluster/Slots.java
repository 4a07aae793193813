package io.redisarrow.core.internal.cluster;

import java.util.BitSet;

/** Hash slots written as ranges ({@code 0-5460,5462}) and read back. */
public final class Slots {

    /** The hash slots of a Redis Cluster. */
    public static final int COUNT = 16384;

    private Slots() {
    }

    /**
     * @param slots the slots
     * @return them as ascending ranges, such as {@code 0-5460,5462}; empty for none
     */
    public static String ranges(BitSet slots) {
        StringBuilder text = new StringBuilder();
        for (int from = slots.nextSetBit(0); from >= 0; ) {
            int to = slots.nextClearBit(from) - 1;
            if (text.length() > 0) {
                text.append(',');
            }
            text.append(from);
            if (to > from) {
                text.append('-').append(to);
            }
            from = slots.nextSetBit(to + 1);
        }
        return text.toString();
    }

    /**
     * @param ranges slots as {@link #ranges(BitSet)} writes them
     * @return the slots
     * @throws IllegalArgumentException when a range is malformed or outside {@code 0..16383}
     */
    public static BitSet parse(String ranges) {
        BitSet slots = new BitSet(COUNT);
        if (ranges.isEmpty()) {
            return slots;
        }
        for (String range : ranges.split(",")) {
            int dash = range.indexOf('-');
            int from = slot(dash < 0 ? range : range.substring(0, dash));
            int to = dash < 0 ? from : slot(range.substring(dash + 1));
            if (to < from) {
                throw new IllegalArgumentException("slot range " + range + " ends before it starts");
            }
            slots.set(from, to + 1);
        }
        return slots;
    }

    private static int slot(String text) {
        int slot = Integer.parseInt(text.trim());
        if (slot < 0 || slot >= COUNT) {
            throw new IllegalArgumentException("hash slot " + slot + " is outside 0.." + (COUNT - 1));
        }
        return slot;
    }
}
