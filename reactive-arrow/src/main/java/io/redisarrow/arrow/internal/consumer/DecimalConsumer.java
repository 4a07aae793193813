package io.redisarrow.arrow.internal.consumer;

import org.apache.arrow.vector.DecimalVector;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Writes Decimal values from {@code [+-]digits[.digits][(e|E)[+-]digits]} at the column's scale.
 * Never rounds: a value with non-zero digits beyond the scale, or more digits than the precision,
 * does not parse. Values of up to 18 digits take a path without allocation.
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

    private final DecimalVector vector;

    private final int scale;

    private final int precision;

    DecimalConsumer(DecimalVector vector) {
        this.vector = vector;
        this.scale = vector.getScale();
        this.precision = vector.getPrecision();
    }

    @Override
    public boolean consume(int row, byte[] data, int offset, int length) {
        if (length == 0 || length > 64 || !syntaxOk(data, offset, length)) {
            return false;
        }
        if (!hasExponent(data, offset, length) && fast(row, data, offset, length)) {
            return true;
        }
        try {
            BigDecimal value = new BigDecimal(new String(data, offset, length, StandardCharsets.US_ASCII));
            BigDecimal scaled = value.setScale(scale);
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

    /** Parses plain decimals of up to 18 significant digits at the column's scale; false to fall back. */
    private boolean fast(int row, byte[] data, int offset, int length) {
        int i = offset;
        int end = offset + length;
        boolean negative = data[i] == '-';
        if (data[i] == '-' || data[i] == '+') {
            i++;
        }
        long unscaled = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < end; i++) {
            byte c = data[i];
            if (c == '.') {
                fraction = 0;
                continue;
            }
            if (fraction >= 0) {
                if (fraction == scale) {
                    if (c != '0') {
                        return false;
                    }
                    continue;
                }
                fraction++;
            }
            if (unscaled != 0 || c != '0') {
                digits++;
            }
            if (digits > 18) {
                return false;
            }
            unscaled = unscaled * 10 + (c - '0');
        }
        int missing = scale - Math.max(0, fraction);
        if (missing > 0) {
            if (digits + missing > 18) {
                return false;
            }
            unscaled *= POWERS[missing];
            digits += unscaled == 0 ? 0 : missing;
        }
        if (digits > precision) {
            return false;
        }
        vector.set(row, negative ? -unscaled : unscaled);
        return true;
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
