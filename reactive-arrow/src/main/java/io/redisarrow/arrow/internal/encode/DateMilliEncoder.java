package io.redisarrow.arrow.internal.encode;

import org.apache.arrow.vector.DateMilliVector;

/**
 * Writes Date(MILLISECOND) cells as the {@code YYYY-MM-DD} of their UTC day
 * ({@code 1969-07-20}); a day outside the years 0000 to 9999 as the cell's epoch milliseconds
 * ({@code -377705116800000}), the other form the scan side reads. Arrow holds these dates at
 * midnight UTC, and so does the scan side: a cell holding a time of day reads back as its day's
 * midnight.
 */
final class DateMilliEncoder extends VectorEncoder<DateMilliVector> {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final byte[] scratch = new byte[AsciiDigits.MAX_LONG_LENGTH];

    DateMilliEncoder(DateMilliVector vector) {
        super(vector);
    }

    @Override
    Text text(int row, Text text) {
        long millis = vector.get(row);
        long day = Math.floorDiv(millis, MILLIS_PER_DAY);
        if (IsoDates.hasIsoForm(day)) {
            int end = IsoDates.write(day, scratch, 0);
            return text.set(scratch, 0, end);
        }
            int start = AsciiDigits.writeLong(millis, scratch, scratch.length);
        return text.set(scratch, start, scratch.length - start);
    }
}
