package io.redisarrow.arrow.internal.infer;

import org.apache.arrow.vector.types.TimeUnit;

import java.util.List;

/**
 * What ISO-8601 date-times need: the finest unit their fractions call for, and whether any
 * carries an offset or {@code Z}. Values are {@code YYYY-MM-DD[(T| )HH:MM[:SS[(.|,)fraction]]][offset]},
 * as the timestamp consumer takes them.
 */
final class TimestampShapes {

    private TimestampShapes() {
    }

    /**
     * @param values dates and date-times
     * @return {@code MILLISECOND} for up to 3 fraction digits, {@code MICROSECOND} up to 6,
     *         {@code NANOSECOND} beyond
     */
    static TimeUnit unit(List<byte[]> values) {
        int digits = 0;
        for (byte[] value : values) {
            digits = Math.max(digits, fractionDigits(value));
        }
        return digits <= 3 ? TimeUnit.MILLISECOND : digits <= 6 ? TimeUnit.MICROSECOND : TimeUnit.NANOSECOND;
    }

    /** @return whether some value carries {@code Z} or an offset */
    static boolean anyOffset(List<byte[]> values) {
        for (byte[] value : values) {
            for (int i = 11; i < value.length; i++) {
                byte c = value[i];
                if (c == 'Z' || c == 'z' || c == '+' || c == '-') {
                    return true;
                }
            }
        }
        return false;
    }

    private static int fractionDigits(byte[] value) {
        // the fraction follows the seconds: YYYY-MM-DDTHH:MM:SS at 0..18
        if (value.length <= 20 || (value[19] != '.' && value[19] != ',')) {
            return 0;
        }
        int digits = 0;
        for (int i = 20; i < value.length && value[i] >= '0' && value[i] <= '9'; i++) {
            digits++;
        }
        return digits;
    }
}
