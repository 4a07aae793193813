package io.redisarrow.core.internal.reply;

import java.util.List;

/**
 * Finds the column of a hash field name straight from the received bytes, without copying them.
 * Hashes written by one application usually list their fields in the same order, so the column
 * after the previous match is tried first; a byte-wise comparison of the other names follows.
 */
public final class FieldIndex {

    public static final int UNKNOWN = -1;

    private final byte[][] bytes;

    public FieldIndex(List<byte[]> fields) {
        this.bytes = new byte[fields.size()][];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = fields.get(i).clone();
        }
    }

    /**
     * @param data an array holding the field name
     * @param offset where the name starts
     * @param length its length
     * @param hint the column expected, usually one past the last match
     * @return the column, or {@link #UNKNOWN}
     */
    public int find(byte[] data, int offset, int length, int hint) {
        int count = bytes.length;
        if (count == 0) {
            return UNKNOWN;
        }
        int start = hint >= 0 && hint < count ? hint : 0;
        for (int i = 0; i < count; i++) {
            int column = start + i;
            if (column >= count) {
                column -= count;
            }
            byte[] candidate = bytes[column];
            if (candidate.length == length
                    && java.util.Arrays.equals(data, offset, offset + length, candidate, 0, length)) {
                return column;
            }
        }
        return UNKNOWN;
    }

}
