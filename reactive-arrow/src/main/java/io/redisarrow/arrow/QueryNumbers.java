package io.redisarrow.arrow;

import java.math.BigDecimal;

/**
 * Numbers as RediSearch's query parser reads them back exactly.
 *
 * <p>The parser takes {@code -?digits(.digits)?([eE]-?digits)?} and {@code +inf}/{@code -inf}, and
 * converts with C's {@code strtod}; an exponent with a {@code +} sign ({@code 1E+10}) is a syntax
 * error. A double is written as the shortest decimal that converts back to it (Java's
 * {@link Double#toString(double)} digits), in plain notation when that is at most
 * {@value #PLAIN_LIMIT} characters long, else as {@code <digit>.<digits>E<exponent>} without a
 * {@code +}. A long is written in full; the server rounds it to the nearest double like any
 * NUMERIC value.
 */
final class QueryNumbers {

    /** Longest plain-notation number written; longer ones get an exponent. */
    static final int PLAIN_LIMIT = 24;

    private QueryNumbers() {
    }

    /** @return {@code value} in decimal */
    static String of(long value) {
        return Long.toString(value);
    }

    /**
     * @param value a number, not NaN
     * @return {@code value} as query text: {@code +inf}, {@code -inf} or a decimal that converts back to it
     */
    static String of(double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("NaN is not a number RediSearch can compare with");
        }
        if (value == Double.POSITIVE_INFINITY) {
            return "+inf";
        }
        if (value == Double.NEGATIVE_INFINITY) {
            return "-inf";
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        String plain = exact.toPlainString();
        if (plain.length() <= PLAIN_LIMIT) {
            return plain;
        }
        String digits = exact.unscaledValue().abs().toString();
        long exponent = digits.length() - 1L - exact.scale();
        StringBuilder out = new StringBuilder(digits.length() + 8);
        if (exact.signum() < 0) {
            out.append('-');
        }
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        return out.append('E').append(exponent).toString();
    }
}
