package io.redisarrow.arrow.internal.encode;

/**
 * Lays out a decimal {@code digits x 10^exponent} as {@link Double#toString} does: plain between
 * 10^-3 (inclusive) and 10^7 (exclusive), with at least one digit after the point ({@code 0.001},
 * {@code 1.0}, {@code 1234567.5}); otherwise one digit, the point, at least one more digit and
 * {@code E} with the power of ten ({@code 1.0E7}, {@code 4.9E-324}).
 */
final class FloatText {

    /** Enough for a sign, 17 digits and {@code 0.00} or {@code .E-324}. */
    static final int MAX_LENGTH = 32;

    private FloatText() {
    }

    /**
     * @param negative whether to write a {@code -}
     * @param digits the significant digits, positive, without trailing zeros
     * @param exponent their power of ten
     * @param into the array, with {@link #MAX_LENGTH} bytes
     * @return the text's length (it starts at 0)
     */
    static int write(boolean negative, long digits, int exponent, byte[] into) {
        int at = 0;
        if (negative) {
            into[at++] = '-';
        }
        // the digits, at the end of the array for now
        int start = AsciiDigits.writeLong(digits, into, MAX_LENGTH);
        int count = MAX_LENGTH - start;
        int power = count - 1 + exponent;
        if (power >= -3 && power < 7) {
            if (power < 0) {
                into[at++] = '0';
                into[at++] = '.';
                for (int i = 0; i < -power - 1; i++) {
                    into[at++] = '0';
                }
                return copy(into, start, count, at);
            }
            int whole = power + 1;
            if (count <= whole) {
                at = copy(into, start, count, at);
                for (int i = count; i < whole; i++) {
                    into[at++] = '0';
                }
                into[at++] = '.';
                into[at++] = '0';
                return at;
            }
            at = copy(into, start, whole, at);
            into[at++] = '.';
            return copy(into, start + whole, count - whole, at);
        }
        into[at++] = into[start];
        into[at++] = '.';
        if (count == 1) {
            into[at++] = '0';
        } else {
            at = copy(into, start + 1, count - 1, at);
        }
        into[at++] = 'E';
        int end = AsciiDigits.writeLong(power, into, MAX_LENGTH);
        // the exponent now sits at the end, where the digits were: they have been copied
        return copy(into, end, MAX_LENGTH - end, at);
    }

    private static int copy(byte[] array, int from, int length, int to) {
        System.arraycopy(array, from, array, to, length);
        return to + length;
    }
}
