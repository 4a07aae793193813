package io.redisarrow.arrow.internal.encode;

/**
 * Writes integers as ASCII digits into byte arrays, without Strings.
 */
final class AsciiDigits {

    /** The most bytes a {@code long} takes: {@code -9223372036854775808}. */
    static final int MAX_LONG_LENGTH = 20;

    private AsciiDigits() {
    }

    /**
     * Writes {@code value} in decimal, with a {@code -} when negative, ending just before
     * {@code end}.
     *
     * @param value any long, {@link Long#MIN_VALUE} included
     * @param into the array, with at least {@link #MAX_LONG_LENGTH} bytes before {@code end}
     * @param end where the digits end (exclusive)
     * @return where the text starts
     */
    static int writeLong(long value, byte[] into, int end) {
        int at = end;
        // work on the negative magnitude, which holds Long.MIN_VALUE
        long negative = value < 0 ? value : -value;
        do {
            long quotient = negative / 10;
            into[--at] = (byte) ('0' + (quotient * 10 - negative));
            negative = quotient;
        } while (negative != 0);
        if (value < 0) {
            into[--at] = '-';
        }
        return at;
    }

    /**
     * Writes a non-negative {@code value} as exactly {@code width} digits, zero-padded on the left.
     *
     * @param value {@code 0 <= value < 10^width}
     * @param width how many digits
     * @param into the array
     * @param at where the digits start
     * @return where they end (exclusive)
     */
    static int writePadded(long value, int width, byte[] into, int at) {
        long rest = value;
        for (int i = at + width - 1; i >= at; i--) {
            into[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return at + width;
    }
}
