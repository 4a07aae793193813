package io.redisarrow.arrow.internal.write;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A first size for a batch's command buffer: its vectors' bytes plus the framing of each value;
 * the buffer grows past it when needed.
 */
final class Sizes {

    /** RESP framing and text per value beyond its Arrow bytes: {@code $n\r\n}, {@code \r\n}, digits. */
    private static final int PER_VALUE = 24;

    /** Per row: the command header, name, key framing, transaction ends. */
    private static final int PER_ROW = 64;

    private Sizes() {
    }

    static int estimate(VectorSchemaRoot root, int rows, int values) {
        long bytes = 0;
        for (FieldVector vector : root.getFieldVectors()) {
            bytes += vector.getBufferSize();
        }
        bytes += (long) rows * (PER_ROW + (long) values * PER_VALUE);
        return (int) Math.min(1 << 24, bytes);
    }
}
