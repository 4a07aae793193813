package io.redisarrow.arrow.internal.encode;

import java.nio.charset.StandardCharsets;

/**
 * The texts of the floating-point values that have no digits to search: zeros (with their sign),
 * infinities and NaN, in the forms Redis itself writes ({@code inf}, {@code -inf}, {@code nan}).
 */
final class FloatSpecials {

    private static final byte[] ZERO = ascii("0.0");

    private static final byte[] NEGATIVE_ZERO = ascii("-0.0");

    private static final byte[] INFINITY = ascii("inf");

    private static final byte[] NEGATIVE_INFINITY = ascii("-inf");

    private static final byte[] NAN = ascii("nan");

    private FloatSpecials() {
    }

    /**
     * @param value a double (or a float widened to one)
     * @return whether it is a zero, an infinity or NaN
     */
    static boolean isSpecial(double value) {
        return value == 0 || Double.isNaN(value) || Double.isInfinite(value);
    }

    /**
     * @param value a value for which {@link #isSpecial} holds
     * @param text the view to point at its text
     * @return {@code text}
     */
    static Text text(double value, Text text) {
        byte[] bytes;
        if (value == 0) {
            bytes = Double.doubleToRawLongBits(value) < 0 ? NEGATIVE_ZERO : ZERO;
        } else if (Double.isNaN(value)) {
            bytes = NAN;
        } else {
            bytes = value > 0 ? INFINITY : NEGATIVE_INFINITY;
        }
        return text.set(bytes, 0, bytes.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
