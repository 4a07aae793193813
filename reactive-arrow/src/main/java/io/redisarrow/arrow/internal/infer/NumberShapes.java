package io.redisarrow.arrow.internal.infer;

import org.apache.arrow.vector.types.pojo.ArrowType;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * What numbers need: whether Float64 holds a number without losing digits, and the narrowest
 * Decimal that holds a set of numbers exactly. Runs once per sampled number at inference time, not
 * on a scan's path, so it reads the text through {@link BigDecimal}.
 */
final class NumberShapes {

    /** The widest Decimal the scans decode (128 bits). */
    static final int MAX_DECIMAL_PRECISION = 38;

    private NumberShapes() {
    }

    /**
     * A number is exact in Float64 when the double nearest to it, written with as many significant
     * digits as the number has, gives the number back: {@code 0.1}, {@code 2.5} and
     * {@code 0.30000000000000004} are, {@code 12345678901234567.8} and {@code 1e400} are not.
     * {@code inf} and {@code nan} (any case, signed) are.
     *
     * @param value a number's ASCII text that Float64 parses
     * @return whether Float64 keeps every digit of it
     */
    static boolean exactInDouble(byte[] value) {
        String text = new String(value, StandardCharsets.US_ASCII);
        BigDecimal exact = decimal(text);
        if (exact == null) {
            return isSpecial(text);
        }
        double nearest;
        try {
            nearest = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Double.isInfinite(nearest)) {
            return false;
        }
        if (exact.signum() == 0) {
            return true;
        }
        int digits = exact.stripTrailingZeros().precision();
        return new BigDecimal(nearest).round(new MathContext(digits, RoundingMode.HALF_EVEN)).compareTo(exact) == 0;
    }

    /**
     * @param values numbers' ASCII texts
     * @return the narrowest Decimal(precision, scale) holding every one exactly: the scale is the
     *         most fraction digits written, the precision that plus the most integer digits; empty
     *         when a value is not a finite decimal number or the precision would pass 38
     */
    static Optional<ArrowType.Decimal> decimal(List<byte[]> values) {
        int integerDigits = 0;
        int scale = 0;
        for (byte[] value : values) {
            BigDecimal number = decimal(new String(value, StandardCharsets.US_ASCII));
            if (number == null) {
                return Optional.empty();
            }
            integerDigits = Math.max(integerDigits, number.precision() - number.scale());
            scale = Math.max(scale, number.scale());
            if (integerDigits > MAX_DECIMAL_PRECISION || scale > MAX_DECIMAL_PRECISION) {
                return Optional.empty();
            }
        }
        int precision = Math.max(1, integerDigits + scale);
        return precision > MAX_DECIMAL_PRECISION ? Optional.empty()
                : Optional.of(new ArrowType.Decimal(precision, scale, 128));
    }

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isSpecial(String text) {
        String unsigned = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        return unsigned.equalsIgnoreCase("inf") || unsigned.equalsIgnoreCase("infinity")
                || unsigned.equalsIgnoreCase("nan");
    }
}
