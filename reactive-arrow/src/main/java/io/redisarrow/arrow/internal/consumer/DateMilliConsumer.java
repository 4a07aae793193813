package io.redisarrow.arrow.internal.consumer;

import org.apache.arrow.vector.DateMilliVector;

/**
 * Writes Date(MILLISECOND) values: midnight UTC of the date in {@code YYYY-MM-DD} or of a
 * date-time's UTC date, or an integer count of milliseconds since the epoch as given.
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
            vector.set(row, AsciiNumbers.parseLong(data, offset, length));
            return;
        }
        long day = Temporal.parseEpochDay(data, offset, length, scratch);
        if (Math.abs(day) > Long.MAX_VALUE / MILLIS_PER_DAY) {
            throw ParseFailure.INSTANCE;
        }
        vector.set(row, day * MILLIS_PER_DAY);
    }
}
