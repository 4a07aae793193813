package io.redisarrow.arrow.internal.encode;

import org.apache.arrow.vector.DateDayVector;

/**
 * Writes Date(DAY) cells as {@code YYYY-MM-DD} ({@code 1969-07-20}); a day outside the years 0000
 * to 9999 as its count of days since 1970-01-01 ({@code -1000000}), the other form the scan side
 * reads.
 */
final class DateDayEncoder extends VectorEncoder<DateDayVector> {

    private final byte[] scratch = new byte[AsciiDigits.MAX_LONG_LENGTH];

    DateDayEncoder(DateDayVector vector) {
        super(vector);
    }

    @Override
    Text text(int row, Text text) {
        int day = vector.get(row);
        if (IsoDates.hasIsoForm(day)) {
            int end = IsoDates.write(day, scratch, 0);
            return text.set(scratch, 0, end);
        }
            int start = AsciiDigits.writeLong(day, scratch, scratch.length);
        return text.set(scratch, start, scratch.length - start);
    }
}
