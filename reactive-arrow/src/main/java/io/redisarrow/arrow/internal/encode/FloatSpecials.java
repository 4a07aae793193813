package io.redisarrow.arrow.internal.encode;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * The bulk strings of the floating-point values that have no digits to search: zeros (with their
 * sign), infinities and NaN, in the forms Redis itself writes ({@code inf}, {@code -inf},
 * {@code nan}).
 */
final class FloatSpecials {

    private static final byte[] ZERO = bulk("0.0");

    private static final byte[] NEGATIVE_ZERO = bulk("-0.0");

    private static final byte[] INFINITY = bulk("inf");

    private static final byte[] NEGATIVE_INFINITY = bulk("-inf");

    private static final byte[] NAN = bulk("nan");

    private FloatSpecials() {
    }

    /**
     * Writes the value when it is a zero, an infinity or NaN.
     *
     * @param value a double (or a float widened to one)
     * @param out where to append
     * @return whether the value was one of those and has been written
     */
    static boolean write(double value, ByteBuf out) {
        if (value == 0) {
            out.writeBytes(Double.doubleToRawLongBits(value) < 0 ? NEGATIVE_ZERO : ZERO);
        } else if (Double.isNaN(value)) {
            out.writeBytes(NAN);
        } else if (Double.isInfinite(value)) {
            out.writeBytes(value > 0 ? INFINITY : NEGATIVE_INFINITY);
        } else {
            return false;
        }
        return true;
    }

    private static byte[] bulk(String text) {
        return ("$" + text.length() + "\r\n" + text + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
