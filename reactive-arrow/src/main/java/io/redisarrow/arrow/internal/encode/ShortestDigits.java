package io.redisarrow.arrow.internal.encode;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Finds the shortest decimal {@code digits x 10^exponent} that parses back to a given positive
 * finite double or float, as the scan side parses: a correctly rounded {@link Double#parseDouble},
 * then, for Float32, a cast of that double to float.
 *
 * <p>The search starts from {@link Double#toString} or {@link Float#toString}, which always parse
 * back but before Java 19 are at times longer than needed ({@code 6.913699999999999E20} for
 * {@code 6.9137E20}), or from a 17-digit rounding when those do not fit. It then drops one digit at
 * a time, trying the decimals just below and just above the current one, while one of them still
 * parses back. Those that parse back form an interval that contains both the current decimal and
 * any shorter one, so when a shorter decimal exists, one of the two neighbours is in the interval:
 * the search ends at the shortest length. Of the decimals of that length that parse back, the one
 * nearest the exact value is kept.
 *
 * <p>For Float32 the check matters beyond length: a decimal that {@link Float#parseFloat} reads as
 * the float can, near the midpoint of two floats, round through the double to the other one; the
 * search then keeps a longer decimal that does not.
 *
 * <p>Fills the fields of one reused instance. Uses Strings and, rarely, {@link BigDecimal}.
 */
final class ShortestDigits {

    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        double power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    /** Enough significant digits for any double to parse back. */
    private static final int DOUBLE_DIGITS = 17;

    /** The significant digits, without trailing zeros, after {@link #ofDouble} or {@link #ofFloat}. */
    long digits;

    /** The power of ten the digits are multiplied by. */
    int exponent;

    private double targetDouble;

    private float targetFloat;

    private boolean single;

    /**
     * @param value a positive finite double
     */
    void ofDouble(double value) {
        single = false;
        targetDouble = value;
        start(Double.toString(value), value);
        shorten();
    }

    /**
     * @param value a positive finite float
     */
    void ofFloat(float value) {
        single = true;
        targetFloat = value;
        targetDouble = value;
        if (!start(Float.toString(value), value) || !parsesBack(digits, exponent)) {
            // the double's own shortest decimal gives the double, which casts to the float
            start(Double.toString(targetDouble), targetDouble);
        }
        shorten();
    }

    /**
     * Reads a {@code toString} decimal into the fields, or the 17-digit rounding of the value when
     * it has too many digits for a long.
     *
     * @return whether the text was taken as it is
     */
    private boolean start(String text, double value) {
        long mantissa = 0;
        int significant = 0;
        int scale = 0;
        boolean fraction = false;
        int i = 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                fraction = true;
            } else if (c >= '0' && c <= '9') {
                if (mantissa != 0 || c != '0') {
                    significant++;
                }
                mantissa = mantissa * 10 + (c - '0');
                if (fraction) {
                    scale--;
                }
                if (significant > DOUBLE_DIGITS) {
                    BigDecimal rounded = new BigDecimal(value).round(new MathContext(DOUBLE_DIGITS, RoundingMode.HALF_EVEN));
                    set(rounded.unscaledValue().longValueExact(), -rounded.scale());
                    return false;
                }
            } else {
                break;
            }
        }
        if (i < text.length()) {
            // the text is d.dddE[-]n
            scale += Integer.parseInt(text, i + 1, text.length(), 10);
        }
        set(mantissa, scale);
        return true;
    }

    private void shorten() {
        while (digits >= 10) {
            long below = digits / 10;
            int shorter = exponent + 1;
            if (parsesBack(below, shorter)) {
                set(below, shorter);
            } else if (parsesBack(below + 1, shorter)) {
                set(below + 1, shorter);
            } else {
                break;
            }
        }
        nearest();
    }

    /**
     * Of the decimals of the final length that parse back, keeps the one nearest the exact value
     * (the even one on a tie). As {@link Double#toString} does since Java 19, a single digit gives
     * way to the nearest two digits when those parse back ({@code 4.9E-324}, not {@code 5.0E-324}).
     * The decimals of one length that parse back are consecutive: when neither neighbour of the
     * current one does, it is the only one and the exact value need not be looked at.
     */
    private void nearest() {
        if (digits < 10 && nearestAt(digits * 10, exponent - 1)) {
            return;
        }
        nearestAt(digits, exponent);
    }

    /**
     * Moves to the decimal of scale {@code scale} nearest the exact value when it is not
     * {@code mantissa} and parses back.
     *
     * @return whether the fields now hold a decimal of that scale
     */
    private boolean nearestAt(long mantissa, int scale) {
        if (!parsesBack(mantissa - 1, scale) && !parsesBack(mantissa + 1, scale)) {
            return false;
        }
        long nearest = new BigDecimal(targetDouble).setScale(-scale, RoundingMode.HALF_EVEN).unscaledValue()
                .longValueExact();
        if (nearest == mantissa || !parsesBack(nearest, scale)) {
            return false;
        }
        set(nearest, scale);
        return true;
    }

    /** Sets the fields, dropping trailing zeros. */
    private void set(long mantissa, int scale) {
        long m = mantissa;
        int e = scale;
        while (m != 0 && m % 10 == 0) {
            m /= 10;
            e++;
        }
        digits = m;
        exponent = e;
    }

    private boolean parsesBack(long mantissa, int scale) {
        double parsed = parse(mantissa, scale);
        return single ? (float) parsed == targetFloat : parsed == targetDouble;
    }

    /** The double nearest {@code mantissa x 10^scale}, as {@link Double#parseDouble} gives it. */
    private static double parse(long mantissa, int scale) {
        if (mantissa < (1L << 53) && scale >= -22 && scale <= 22) {
            // both operands exact, so the one rounding is the correct one
            double value = mantissa;
            return scale < 0 ? value / POWERS_OF_TEN[-scale] : value * POWERS_OF_TEN[scale];
        }
        return Double.parseDouble(mantissa + "E" + scale);
    }
}
