package io.redisarrow.arrow.internal.consumer;

import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

import java.time.zone.ZoneRules;

/**
 * Writes Timestamp values of any unit, with or without a zone. ISO-8601 text is converted to the
 * UTC instant (offsets applied); text without an offset is a wall-clock time in the column's zone,
 * or kept as is in a column without zone. Fractions finer than the unit are truncated. An integer
 * is an epoch count in the column's unit.
 */
final class TimeStampConsumer extends ParsingConsumer<TimeStampVector> {

    private final long unitsPerSecond;

    private final ZoneRules zone;

    private final int[] scratch = new int[1];

    TimeStampConsumer(TimeStampVector vector) {
        super(vector);
        ArrowType.Timestamp type = (ArrowType.Timestamp) vector.getField().getType();
        this.unitsPerSecond = switch (type.getUnit()) {
            case SECOND -> 1L;
            case MILLISECOND -> 1_000L;
            case MICROSECOND -> 1_000_000L;
            case NANOSECOND -> 1_000_000_000L;
        };
        this.zone = Temporal.rules(type.getTimezone());
    }

    @Override
    void write(int row, byte[] data, int offset, int length) {
        long value;
        if (Temporals.isInteger(data, offset, length)) {
            value = AsciiNumbers.parseLong(data, offset, length);
        } else {
            long seconds = Temporal.parseEpochSecond(data, offset, length, zone, scratch);
            value = Temporal.toUnit(seconds, scratch[0], unitsPerSecond);
        }
        vector.set(row, value);
    }
}
