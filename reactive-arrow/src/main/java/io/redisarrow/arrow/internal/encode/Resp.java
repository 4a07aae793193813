package io.redisarrow.arrow.internal.encode;

import io.netty.buffer.ByteBuf;

/**
 * Frames RESP bulk strings: {@code $<length>\r\n<bytes>\r\n}, the length written as ASCII digits
 * straight into the buffer.
 */
final class Resp {

    /** {@code \r\n} as one big-endian short, the order {@link ByteBuf#writeShort} writes in. */
    private static final int CRLF = ('\r' << 8) | '\n';

    private Resp() {
    }

    /**
     * Appends a whole bulk string.
     *
     * @param out where to append
     * @param bytes the array holding the value
     * @param offset where the value starts
     * @param length its length in bytes
     */
    static void writeBulk(ByteBuf out, byte[] bytes, int offset, int length) {
        writeHeader(out, length);
        out.writeBytes(bytes, offset, length);
        writeEnd(out);
    }

    /**
     * Appends {@code $<length>\r\n}.
     *
     * @param out where to append
     * @param length the bulk string's length, {@code >= 0}
     */
    static void writeHeader(ByteBuf out, int length) {
        out.writeByte('$');
        int power = 1;
        while (length / power >= 10) {
            power *= 10;
        }
        for (; power > 0; power /= 10) {
            out.writeByte('0' + length / power % 10);
        }
        out.writeShort(CRLF);
    }

    /**
     * Appends the {@code \r\n} that ends a bulk string.
     *
     * @param out where to append
     */
    static void writeEnd(ByteBuf out) {
        out.writeShort(CRLF);
    }
}
