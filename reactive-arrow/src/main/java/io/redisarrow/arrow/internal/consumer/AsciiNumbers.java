package io.redisarrow.arrow.internal.consumer;

import java.nio.charset.StandardCharsets;

/**
 * Parses numbers straight from ASCII bytes, without Strings on the common path.
 *
 * <p>Integers: optional {@code +} or {@code -}, then digits; no spaces, no overflow. Decimals:
 * {@code [+-]digits[.digits][(e|E)[+-]digits]} (also {@code .5} and {@code 5.}), plus
 * {@code inf}, {@code infinity} and {@code nan} in any case, as Redis writes them. Up to 18
 * significant digits with a power of ten up to 22 are computed exactly (Clinger's fast path, which
 * rounds correctly); anything else goes through {@link Double#parseDouble}, after this class has
 * checked the syntax itself (so Java-only forms such as {@code 1d} or {@code 0x1p3} are rejected).
 */
final class AsciiNumbers {

    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        double power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private AsciiNumbers() {
    }

    /** @throws ParseFailure when the bytes are not a signed 64-bit integer */
    static long parseLong(byte[] data, int offset, int length) {
        if (length <= 0) {
            throw ParseFailure.INSTANCE;
        }
        int i = offset;
        int end = offset + length;
        boolean negative = false;
        byte first = data[i];
        if (first == '-' || first == '+') {
            negative = first == '-';
            i++;
            if (i == end) {
                throw ParseFailure.INSTANCE;
            }
        }
        // accumulate negatively so that Long.MIN_VALUE fits
        long result = 0;
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long multiplyLimit = limit / 10;
        for (; i < end; i++) {
            int digit = data[i] - '0';
            if (digit < 0 || digit > 9 || result < multiplyLimit) {
                throw ParseFailure.INSTANCE;
            }
            result *= 10;
            if (result < limit + digit) {
                throw ParseFailure.INSTANCE;
            }
            result -= digit;
        }
        return negative ? result : -result;
    }

    /** @throws ParseFailure when the bytes are not an integer in {@code [min, max]} */
    static long parseLong(byte[] data, int offset, int length, long min, long max) {
        long value = parseLong(data, offset, length);
        if (value < min || value > max) {
            throw ParseFailure.INSTANCE;
        }
        return value;
    }

    /** @throws ParseFailure when the bytes are not a decimal number */
    static double parseDouble(byte[] data, int offset, int length) {
        if (length <= 0) {
            throw ParseFailure.INSTANCE;
        }
        int i = offset;
        int end = offset + length;
        boolean negative = false;
        if (data[i] == '-' || data[i] == '+') {
            negative = data[i] == '-';
            i++;
        }
        if (i < end && (data[i] | 0x20) >= 'a' && (data[i] | 0x20) <= 'z') {
            return special(data, i, end, negative);
        }
        long mantissa = 0;
        int significant = 0;
        int exponent = 0;
        int digits = 0;
        boolean dropped = false;
        for (; i < end && data[i] >= '0' && data[i] <= '9'; i++, digits++) {
            if (significant < 18) {
                mantissa = mantissa * 10 + (data[i] - '0');
                if (mantissa != 0) {
                    significant++;
                }
            } else {
                exponent++;
                dropped |= data[i] != '0';
            }
        }
        if (i < end && data[i] == '.') {
            i++;
            for (; i < end && data[i] >= '0' && data[i] <= '9'; i++, digits++) {
                if (significant < 18) {
                    mantissa = mantissa * 10 + (data[i] - '0');
                    exponent--;
                    if (mantissa != 0) {
                        significant++;
                    }
                } else {
                    dropped |= data[i] != '0';
                }
            }
        }
        if (digits == 0) {
            throw ParseFailure.INSTANCE;
        }
        if (i < end && (data[i] == 'e' || data[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < end && (data[i] == '-' || data[i] == '+')) {
                negativeExponent = data[i] == '-';
                i++;
            }
            if (i == end) {
                throw ParseFailure.INSTANCE;
            }
            int explicit = 0;
            for (; i < end && data[i] >= '0' && data[i] <= '9'; i++) {
                if (explicit < 100_000) {
                    explicit = explicit * 10 + (data[i] - '0');
                }
            }
            exponent += negativeExponent ? -explicit : explicit;
        }
        if (i != end) {
            throw ParseFailure.INSTANCE;
        }
        if (!dropped && mantissa < (1L << 53) && exponent >= -22 && exponent <= 22) {
            double value = (double) mantissa;
            value = exponent < 0 ? value / POWERS_OF_TEN[-exponent] : value * POWERS_OF_TEN[exponent];
            return negative ? -value : value;
        }
        return Double.parseDouble(new String(data, offset, length, StandardCharsets.US_ASCII));
    }

    private static double special(byte[] data, int start, int end, boolean negative) {
        if (matches(data, start, end, "inf") || matches(data, start, end, "infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (matches(data, start, end, "nan")) {
            return Double.NaN;
        }
        throw ParseFailure.INSTANCE;
    }

    static boolean matches(byte[] data, int start, int end, String lowerCase) {
        if (end - start != lowerCase.length()) {
            return false;
        }
        for (int i = 0; i < lowerCase.length(); i++) {
            if ((data[start + i] | 0x20) != lowerCase.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
