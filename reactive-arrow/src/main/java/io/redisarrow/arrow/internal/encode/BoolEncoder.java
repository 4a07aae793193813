package io.redisarrow.arrow.internal.encode;

import org.apache.arrow.vector.BitVector;

import java.nio.charset.StandardCharsets;

/**
 * Writes Bool cells as {@code true} or {@code false}.
 */
final class BoolEncoder extends VectorEncoder<BitVector> {

    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

    BoolEncoder(BitVector vector) {
        super(vector);
    }

    @Override
    Text text(int row, Text text) {
        byte[] value = vector.get(row) != 0 ? TRUE : FALSE;
        return text.set(value, 0, value.length);
    }
}
