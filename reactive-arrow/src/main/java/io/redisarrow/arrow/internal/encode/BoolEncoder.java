package io.redisarrow.arrow.internal.encode;

import io.netty.buffer.ByteBuf;
import org.apache.arrow.vector.BitVector;

import java.nio.charset.StandardCharsets;

/**
 * Writes Bool cells as {@code true} or {@code false}.
 */
final class BoolEncoder extends VectorEncoder<BitVector> {

    private static final byte[] TRUE = "$4\r\ntrue\r\n".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] FALSE = "$5\r\nfalse\r\n".getBytes(StandardCharsets.US_ASCII);

    BoolEncoder(BitVector vector) {
        super(vector);
    }

    @Override
    void write(int row, ByteBuf out) {
        out.writeBytes(vector.get(row) != 0 ? TRUE : FALSE);
    }
}
