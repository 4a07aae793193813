package io.redisarrow.arrow.internal.write;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The rows of one batch grouped by key: one group per distinct key, in the order the keys first
 * appear, each holding its rows in row order. Rows left out (a null member) are not in any group
 * but their keys are still read, so a null or empty key fails the batch wherever it is.
 */
final class KeyGroups {

    private final byte[] keys;

    private final int[] keyOffsets;

    private final int[] keyLengths;

    private final int[] starts;

    private final int[] rows;

    private final int groups;

    private final int leftOut;

    private KeyGroups(byte[] keys, int[] keyOffsets, int[] keyLengths, int[] starts, int[] rows, int groups,
            int leftOut) {
        this.keys = keys;
        this.keyOffsets = keyOffsets;
        this.keyLengths = keyLengths;
        this.starts = starts;
        this.rows = rows;
        this.groups = groups;
        this.leftOut = leftOut;
    }

    /**
     * @param keys the rows' keys
     * @param rowCount the batch's rows
     * @param leaveOut which rows belong to no group
     * @return the groups
     * @throws IllegalArgumentException for a row without a key, naming it
     */
    static KeyGroups of(RowKeys keys, int rowCount, IntPredicate leaveOut) {
        int[] groupOf = new int[rowCount];
        int capacity = Integer.highestOneBit(Math.max(4, rowCount) * 2 - 1) << 1;
        int mask = capacity - 1;
        int[] table = new int[capacity];
        byte[] arena = new byte[Math.max(64, Math.min(1 << 20, rowCount * 16))];
        int arenaUsed = 0;
        int[] offsets = new int[Math.max(1, Math.min(rowCount, 1024))];
        int[] lengths = new int[offsets.length];
        int[] sizes = new int[offsets.length];
        int groups = 0;
        int leftOut = 0;
        for (int row = 0; row < rowCount; row++) {
            KeyBytes key = keys.key(row);
            if (leaveOut.test(row)) {
                groupOf[row] = -1;
                leftOut++;
                continue;
            }
            byte[] bytes = key.bytes();
            int length = key.length();
            int slot = hash(bytes, length) & mask;
            int group;
            while (true) {
                int entry = table[slot];
                if (entry == 0) {
                    group = groups++;
                    if (group == offsets.length) {
                        int grown = Math.min(rowCount, offsets.length * 2);
                        offsets = Arrays.copyOf(offsets, grown);
                        lengths = Arrays.copyOf(lengths, grown);
                        sizes = Arrays.copyOf(sizes, grown);
                    }
                    if (arenaUsed + length > arena.length) {
                        arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + length));
                    }
                    System.arraycopy(bytes, 0, arena, arenaUsed, length);
                    offsets[group] = arenaUsed;
                    lengths[group] = length;
                    arenaUsed += length;
                    table[slot] = group + 1;
                    break;
                }
                int candidate = entry - 1;
                if (Arrays.equals(arena, offsets[candidate], offsets[candidate] + lengths[candidate], bytes, 0,
                        length)) {
                    group = candidate;
                    break;
                }
                slot = (slot + 1) & mask;
            }
            groupOf[row] = group;
            sizes[group]++;
        }
        int[] starts = new int[groups + 1];
        for (int g = 0; g < groups; g++) {
            starts[g + 1] = starts[g] + sizes[g];
        }
        int[] ordered = new int[starts[groups]];
        int[] next = Arrays.copyOf(starts, groups);
        for (int row = 0; row < rowCount; row++) {
            int group = groupOf[row];
            if (group >= 0) {
                ordered[next[group]++] = row;
            }
        }
        return new KeyGroups(arena, offsets, lengths, starts, ordered, groups, leftOut);
    }

    private static int hash(byte[] bytes, int length) {
        int h = 1;
        for (int i = 0; i < length; i++) {
            h = 31 * h + bytes[i];
        }
        return h ^ (h >>> 16) ^ (h >>> 7);
    }

    /** @return the number of groups (distinct keys among the rows not left out) */
    int count() {
        return groups;
    }

    /** @return the rows left out of every group */
    int leftOut() {
        return leftOut;
    }

    /** @return the array holding the groups' keys */
    byte[] keyBytes() {
        return keys;
    }

    /** @return where group {@code group}'s key starts in {@link #keyBytes()} */
    int keyOffset(int group) {
        return keyOffsets[group];
    }

    /** @return the length of group {@code group}'s key */
    int keyLength(int group) {
        return keyLengths[group];
    }

    /** @return the rows of group {@code group} */
    int size(int group) {
        return starts[group + 1] - starts[group];
    }

    /** @return row {@code i} of group {@code group}, in row order */
    int row(int group, int i) {
        return rows[starts[group] + i];
    }

    /** @return the last row of group {@code group} */
    int lastRow(int group) {
        return rows[starts[group + 1] - 1];
    }
}
