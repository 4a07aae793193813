package io.redisarrow.core.internal;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Finds the column of a hash field name straight from the reply buffer, without copying it.
 * Hashes written by one application usually list their fields in the same order, so the column
 * after the previous match is tried first; a byte-wise comparison of the other names follows.
 */
final class FieldIndex {

    static final int UNKNOWN = -1;

    private final ByteBuffer[] names;

    FieldIndex(List<byte[]> fields) {
        this.names = new ByteBuffer[fields.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = ByteBuffer.wrap(fields.get(i)).asReadOnlyBuffer();
        }
    }

    int size() {
        return names.length;
    }

    /**
     * @param name the field name (its readable bytes)
     * @param hint the column expected, usually one past the last match
     * @return the column, or {@link #UNKNOWN}
     */
    int find(ByteBuffer name, int hint) {
        int count = names.length;
        if (count == 0) {
            return UNKNOWN;
        }
        int start = hint >= 0 && hint < count ? hint : 0;
        for (int i = 0; i < count; i++) {
            int column = start + i;
            if (column >= count) {
                column -= count;
            }
            ByteBuffer candidate = names[column];
            if (candidate.remaining() == name.remaining() && candidate.mismatch(name) < 0) {
                return column;
            }
        }
        return UNKNOWN;
    }
}
