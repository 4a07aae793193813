package io.redisarrow.arrow.internal.encode;

import io.netty.buffer.ByteBuf;

/**
 * Frames RESP: bulk strings ({@code $<length>\r\n<bytes>\r\n}) and array headers
 * ({@code *<count>\r\n}), the numbers written as ASCII digits straight into the buffer.
 */
public final class Resp {

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
    public static void writeBulk(ByteBuf out, byte[] bytes, int offset, int length) {
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
    public static void writeHeader(ByteBuf out, int length) {
        out.writeByte('$');
        writeCount(out, length);
    }

    /**
     * Appends {@code *<count>\r\n}, the header of a command of {@code count} arguments.
     *
     * @param out where to append
     * @param count the arguments, {@code >= 1}
     */
    public static void writeArrayHeader(ByteBuf out, int count) {
        out.writeByte('*');
        writeCount(out, count);
    }

    /**
     * Appends a whole bulk string of a non-negative number's digits.
     *
     * @param out where to append
     * @param value the number, {@code >= 0}
     */
    public static void writeBulk(ByteBuf out, long value) {
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        writeHeader(out, digits);
        long power = 1;
        for (int i = 1; i < digits; i++) {
            power *= 10;
        }
        for (; power > 0; power /= 10) {
            out.writeByte((int) ('0' + value / power % 10));
        }
        writeEnd(out);
    }

    /** Writes a non-negative count and {@code \r\n}. */
    private static void writeCount(ByteBuf out, int length) {
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
    public static void writeEnd(ByteBuf out) {
        out.writeShort(CRLF);
    }
}
