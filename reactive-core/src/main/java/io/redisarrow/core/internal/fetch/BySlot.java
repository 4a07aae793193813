package io.redisarrow.core.internal.fetch;

import io.lettuce.core.cluster.SlotHash;
import io.netty.buffer.ByteBuf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A batch's keys ordered by hash slot, to split a command that reads several keys ({@code MGET},
 * {@code JSON.MGET}) by slot: a cluster node answers {@code CROSSSLOT} to keys of several slots in
 * one command, so one command is written per slot, and keys of one hash tag share it. Each key's
 * slot is computed once.
 */
final class BySlot {

    private final List<byte[]> keys;

    private final int[] slots;

    private BySlot(List<byte[]> keys, int[] slots) {
        this.keys = keys;
        this.slots = slots;
    }

    /**
     * @param keys a batch's keys
     * @return the same keys ordered by hash slot, in their order within a slot
     */
    static BySlot order(List<byte[]> keys) {
        int size = keys.size();
        long[] packed = new long[size];
        for (int i = 0; i < size; i++) {
            packed[i] = (long) SlotHash.getSlot(keys.get(i)) << 32 | i;
        }
        Arrays.sort(packed);
        List<byte[]> ordered = new ArrayList<>(size);
        int[] slots = new int[size];
        for (int i = 0; i < size; i++) {
            ordered.add(keys.get((int) packed[i]));
            slots[i] = (int) (packed[i] >>> 32);
        }
        return new BySlot(ordered, slots);
    }

    /** @return the keys, ordered by slot */
    List<byte[]> keys() {
        return keys;
    }

    /**
     * @param encoder writes one command for some keys
     * @param out where the commands go
     * @return the commands written, one per slot
     */
    int encode(BiConsumer<ByteBuf, List<byte[]>> encoder, ByteBuf out) {
        int commands = 0;
        for (int from = 0, i = 1; i <= keys.size(); i++) {
            if (i == keys.size() || slots[i] != slots[from]) {
                encoder.accept(out, keys.subList(from, i));
                commands++;
                from = i;
            }
        }
        return commands;
    }
}
