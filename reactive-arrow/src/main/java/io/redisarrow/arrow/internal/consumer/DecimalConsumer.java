package io.redisarrow.arrow.internal.consumer;

import org.apache.arrow.vector.DecimalVector;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Writes Decimal values from {@code [+-]digits[.digits][(e|E)[+-]digits]} at the column's scale,
 * with Arrow's meaning of the scale: the value is the unscaled integer times {@code 10^-scale}, so
 * under a negative scale {@code -k} a value must be a multiple of {@code 10^k} (Decimal(10, -2)
 * stores {@code 12300} as 123). Never rounds: a value with non-zero digits beyond the scale, or
 * more digits than the precision, does not parse. Values of up to 18 significant digits without an
 * exponent take a path without allocation; the rest go through {@link BigDecimal}, read from a
 * reused {@code char[]} rather than a String.
 */
final class DecimalConsumer implements ColumnConsumer {

    private static final long[] POWERS = new long[19];

    static {
        long power = 1;
        for (int i = 0; i < POWERS.length; i++) {
            POWERS[i] = power;
            power *= 10;
        }
    }

    private static final int MAX_LENGTH = 64;

    private static final int WRITTEN = 1;

    private static final int REJECTED = 0;

    private static final int FALL_BACK = -1;

    private final DecimalVector vector;

    private final char[] chars = new char[MAX_LENGTH];

    private final int scale;

    private final int precision;

    DecimalConsumer(DecimalVector vector) {
        this.vector = vector;
        this.scale = vector.getScale();
        this.precision = vector.getPrecision();
    }

    @Override
    public boolean consume(int row, byte[] data, int offset, int length) {
        if (length == 0 || length > MAX_LENGTH || !syntaxOk(data, offset, length)) {
            return false;
        }
        if (!hasExponent(data, offset, length)) {
            int fast = fast(row, data, offset, length);
            if (fast != FALL_BACK) {
                return fast == WRITTEN;
            }
        }
        try {
            for (int i = 0; i < length; i++) {
                chars[i] = (char) data[offset + i];
            }
            BigDecimal scaled = new BigDecimal(chars, 0, length).setScale(scale);
            if (scaled.precision() > precision && scaled.signum() != 0) {
                return false;
            }
            BigInteger unscaled = scaled.unscaledValue();
            if (unscaled.bitLength() > 127) {
                return false;
            }
            vector.setSafe(row, scaled);
            return true;
        } catch (ArithmeticException | NumberFormatException e) {
            return false;
        }
    }

    /**
     * Parses plain decimals of up to 18 significant digits: the digits make a mantissa {@code m}
     * with {@code f} fraction digits, so the unscaled value at scale {@code s} is
     * {@code m x 10^(s - f)}, which must be a whole number (a negative scale asks for trailing
     * zeros, a positive one for no more fraction digits than it holds, bar zeros).
     *
     * @return {@link #WRITTEN}, {@link #REJECTED}, or {@link #FALL_BACK} for the exact path
     */
    private int fast(int row, byte[] data, int offset, int length) {
        int i = offset;
        int end = offset + length;
        boolean negative = data[i] == '-';
        if (data[i] == '-' || data[i] == '+') {
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fraction = 0;
        boolean dot = false;
        for (; i < end; i++) {
            byte c = data[i];
            if (c == '.') {
                dot = true;
                continue;
            }
            if (dot) {
                fraction++;
            }
            if (mantissa != 0 || c != '0') {
                digits++;
            }
            if (digits > 18) {
                return FALL_BACK;
            }
            mantissa = mantissa * 10 + (c - '0');
        }
        long unscaled;
        int shift = scale - fraction;
        if (mantissa == 0) {
            unscaled = 0;
        } else if (shift >= 0) {
            if (digits + shift > 18) {
                return FALL_BACK;
            }
            unscaled = mantissa * POWERS[shift];
        } else {
            if (-shift > 18 || mantissa % POWERS[-shift] != 0) {
                return REJECTED;
            }
            unscaled = mantissa / POWERS[-shift];
        }
        if (precision < POWERS.length && unscaled >= POWERS[precision]) {
            return REJECTED;
        }
        vector.set(row, negative ? -unscaled : unscaled);
        return WRITTEN;
    }

    private static boolean hasExponent(byte[] data, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (data[i] == 'e' || data[i] == 'E') {
                return true;
            }
        }
        return false;
    }

    private static boolean syntaxOk(byte[] data, int offset, int length) {
        int i = offset;
        int end = offset + length;
        if (data[i] == '-' || data[i] == '+') {
            i++;
        }
        int digits = 0;
        boolean dot = false;
        for (; i < end; i++) {
            byte c = data[i];
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !dot) {
                dot = true;
            } else if ((c == 'e' || c == 'E') && digits > 0) {
                i++;
                if (i < end && (data[i] == '-' || data[i] == '+')) {
                    i++;
                }
                if (i == end) {
                    return false;
                }
                for (; i < end; i++) {
                    if (data[i] < '0' || data[i] > '9') {
                        return false;
                    }
                }
                return true;
            } else {
                return false;
            }
        }
        return digits > 0;
    }

    @Override
    public void consumeNull(int row) {
        vector.setNull(row);
    }
}
