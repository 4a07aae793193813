package io.redisarrow.arrow.internal.consumer;

import org.apache.arrow.vector.DateMilliVector;

/**
 * Writes Date(MILLISECOND) values, always midnight UTC as Arrow requires of this type: the date in
 * {@code YYYY-MM-DD}, a date-time's UTC date (after applying any offset), or the UTC day of an
 * integer count of milliseconds since the epoch (floored: {@code -1} is 1969-12-31). A time of day
 * is dropped, as it is from a date-time.
 */
final class DateMilliConsumer extends ParsingConsumer<DateMilliVector> {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final int[] scratch = new int[1];

    DateMilliConsumer(DateMilliVector vector) {
        super(vector);
    }

    @Override
    void write(int row, byte[] data, int offset, int length) {
        if (Temporals.isInteger(data, offset, length)) {
            long day = Math.floorDiv(AsciiNumbers.parseLong(data, offset, length), MILLIS_PER_DAY);
            if (day < Long.MIN_VALUE / MILLIS_PER_DAY) {
                throw ParseFailure.INSTANCE;
            }
            vector.set(row, day * MILLIS_PER_DAY);
            return;
        }
        long day = Temporal.parseEpochDay(data, offset, length, scratch);
        if (Math.abs(day) > Long.MAX_VALUE / MILLIS_PER_DAY) {
            throw ParseFailure.INSTANCE;
        }
        vector.set(row, day * MILLIS_PER_DAY);
    }
}
