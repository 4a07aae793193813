package io.redisarrow.arrow.internal.consumer;

import org.apache.arrow.vector.DateDayVector;

/**
 * Writes Date(DAY) values from {@code YYYY-MM-DD}, from a date-time (its UTC date, after applying
 * any offset), or from an integer count of days since 1970-01-01.
 */
final class DateDayConsumer extends ParsingConsumer<DateDayVector> {

    private final int[] scratch = new int[1];

    DateDayConsumer(DateDayVector vector) {
        super(vector);
    }

    @Override
    void write(int row, byte[] data, int offset, int length) {
        long day = Temporals.isInteger(data, offset, length) ? AsciiNumbers.parseLong(data, offset, length)
                : Temporal.parseEpochDay(data, offset, length, scratch);
        if (day < Integer.MIN_VALUE || day > Integer.MAX_VALUE) {
            throw ParseFailure.INSTANCE;
        }
        vector.set(row, (int) day);
    }
}
