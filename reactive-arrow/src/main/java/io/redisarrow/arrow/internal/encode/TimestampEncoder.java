package io.redisarrow.arrow.internal.encode;

import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

import java.time.ZoneId;

/**
 * Writes Timestamp cells of any unit as ISO-8601 with an offset, with as many fraction digits as
 * the unit has: {@code 2024-01-01T10:00:00Z} (seconds), {@code 2024-01-01T10:00:00.120Z}
 * (milliseconds), 6 digits for microseconds, 9 for nanoseconds. A column with a zone gets the
 * zone's offset at that instant ({@code 2024-07-01T12:00:00+02:00} in Europe/Paris), a column
 * without one (or an offset of zero) {@code Z}. The scan side applies the offset, so either reads
 * back to the same instant.
 *
 * <p>Offsets with seconds (local mean times before about 1900, such as Paris's {@code +00:09:21})
 * have no form the scan side reads: such an instant is written in UTC ({@code Z}). An instant
 * whose written date would fall outside the years 0000 to 9999 is written as its epoch count in
 * the column's unit ({@code -377705116800}), the other form the scan side reads.
 */
final class TimestampEncoder extends VectorEncoder<TimeStampVector> {

    private static final long SECONDS_PER_DAY = 86_400L;

    /** {@code YYYY-MM-DDTHH:MM:SS.nnnnnnnnn+HH:MM}, the longest ISO form. */
    private static final int MAX_LENGTH = 35;

    private final long unitsPerSecond;

    private final int fractionDigits;

    private final ZoneOffsets zone;

    private final byte[] scratch = new byte[MAX_LENGTH];

    TimestampEncoder(TimeStampVector vector) {
        super(vector);
        ArrowType.Timestamp type = (ArrowType.Timestamp) vector.getField().getType();
        switch (type.getUnit()) {
            case SECOND -> {
                unitsPerSecond = 1L;
                fractionDigits = 0;
            }
            case MILLISECOND -> {
                unitsPerSecond = 1_000L;
                fractionDigits = 3;
            }
            case MICROSECOND -> {
                unitsPerSecond = 1_000_000L;
                fractionDigits = 6;
            }
            default -> {
                unitsPerSecond = 1_000_000_000L;
                fractionDigits = 9;
            }
        }
        String timezone = type.getTimezone();
        this.zone = timezone == null ? null : new ZoneOffsets(ZoneId.of(timezone).getRules());
    }

    @Override
    Text text(int row, Text text) {
        long value = vector.get(row);
        long second = Math.floorDiv(value, unitsPerSecond);
        long fraction = Math.floorMod(value, unitsPerSecond);
        // a day either side holds every offset (at most 18 hours)
        long utcDay = Math.floorDiv(second, SECONDS_PER_DAY);
        if (utcDay < IsoDates.FIRST_DAY - 1 || utcDay > IsoDates.LAST_DAY + 1) {
            return epochCount(value, text);
        }
        int offset = zone == null ? 0 : zone.secondsAt(second);
        if (offset % 60 != 0 || !IsoDates.hasIsoForm(Math.floorDiv(second + offset, SECONDS_PER_DAY))) {
            offset = 0;
        }
        long local = second + offset;
        long day = Math.floorDiv(local, SECONDS_PER_DAY);
        if (!IsoDates.hasIsoForm(day)) {
            return epochCount(value, text);
        }
        int secondOfDay = (int) (local - day * SECONDS_PER_DAY);
        int i = IsoDates.write(day, scratch, 0);
        scratch[i++] = 'T';
        i = AsciiDigits.writePadded(secondOfDay / 3600, 2, scratch, i);
        scratch[i++] = ':';
        i = AsciiDigits.writePadded(secondOfDay / 60 % 60, 2, scratch, i);
        scratch[i++] = ':';
        i = AsciiDigits.writePadded(secondOfDay % 60, 2, scratch, i);
        if (fractionDigits > 0) {
            scratch[i++] = '.';
            i = AsciiDigits.writePadded(fraction, fractionDigits, scratch, i);
        }
        if (offset == 0) {
            scratch[i++] = 'Z';
        } else {
            int minutes = Math.abs(offset) / 60;
            scratch[i++] = (byte) (offset < 0 ? '-' : '+');
            i = AsciiDigits.writePadded(minutes / 60, 2, scratch, i);
            scratch[i++] = ':';
            i = AsciiDigits.writePadded(minutes % 60, 2, scratch, i);
        }
        return text.set(scratch, 0, i);
    }

    private Text epochCount(long value, Text text) {
        int start = AsciiDigits.writeLong(value, scratch, AsciiDigits.MAX_LONG_LENGTH);
        return text.set(scratch, start, AsciiDigits.MAX_LONG_LENGTH - start);
    }
}
