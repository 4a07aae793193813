package io.redisarrow.core.internal.fetch;

import io.lettuce.core.cluster.SlotHash;
import io.netty.buffer.ByteBuf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Splits a command that reads several keys ({@code MGET}, {@code JSON.MGET}) by hash slot, as a
 * cluster node answers {@code CROSSSLOT} to keys of several slots in one command: the batch's keys
 * are ordered by slot (keys of one hash tag share a command), then one command is written per slot.
 */
final class BySlot {

    private BySlot() {
    }

    /**
     * @param keys a batch's keys
     * @return the same keys ordered by hash slot, in their order within a slot
     */
    static List<byte[]> order(List<byte[]> keys) {
        List<byte[]> ordered = new ArrayList<>(keys);
        ordered.sort(Comparator.comparingInt(SlotHash::getSlot));
        return ordered;
    }

    /**
     * @param keys keys ordered by slot
     * @param encoder writes one command for some keys
     * @param out where the commands go
     * @return the commands written, one per slot
     */
    static int encode(List<byte[]> keys, BiConsumer<ByteBuf, List<byte[]>> encoder, ByteBuf out) {
        int commands = 0;
        int from = 0;
        int slot = keys.isEmpty() ? 0 : SlotHash.getSlot(keys.get(0));
        for (int i = 1; i <= keys.size(); i++) {
            int next = i < keys.size() ? SlotHash.getSlot(keys.get(i)) : -1;
            if (next != slot) {
                encoder.accept(out, keys.subList(from, i));
                commands++;
                from = i;
                slot = next;
            }
        }
        return commands;
    }
}
