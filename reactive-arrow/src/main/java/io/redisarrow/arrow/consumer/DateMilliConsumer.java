package io.redisarrow.arrow.consumer;

import org.apache.arrow.vector.DateMilliVector;

/**
 * Writes Date(MILLISECOND) values: midnight UTC of the date in {@code YYYY-MM-DD} or of a
 * date-time's UTC date, or an integer count of milliseconds since the epoch as given.
 */
final class DateMilliConsumer implements ColumnConsumer {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final DateMilliVector vector;

    private final int[] scratch = new int[1];

    DateMilliConsumer(DateMilliVector vector) {
        this.vector = vector;
    }

    @Override
    public boolean consume(int row, byte[] data, int offset, int length) {
        try {
            long millis = Temporals.isInteger(data, offset, length) ? AsciiNumbers.parseLong(data, offset, length)
                    : Math.multiplyExact(Temporal.parseEpochDay(data, offset, length, scratch), MILLIS_PER_DAY);
            vector.set(row, millis);
            return true;
        } catch (ParseFailure | ArithmeticException e) {
            return false;
        }
    }

    @Override
    public void consumeNull(int row) {
        vector.setNull(row);
    }
}
