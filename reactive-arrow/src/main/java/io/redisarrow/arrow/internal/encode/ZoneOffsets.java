package io.redisarrow.arrow.internal.encode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * A zone's offset from UTC at an instant, remembering the span between two transitions that the
 * last answer holds for: consecutive cells in the same span (the usual case) cost two
 * comparisons, with no {@link Instant} made.
 */
final class ZoneOffsets {

    private final ZoneRules rules;

    /** The span (from inclusive, until exclusive, in epoch seconds) where {@link #offset} holds. */
    private long from;

    private long until;

    private int offset;

    /**
     * @param rules the zone's rules
     */
    ZoneOffsets(ZoneRules rules) {
        this.rules = rules;
        if (rules.isFixedOffset()) {
            from = Long.MIN_VALUE;
            until = Long.MAX_VALUE;
            offset = rules.getOffset(Instant.EPOCH).getTotalSeconds();
        } else {
            from = 0;
            until = 0;
        }
    }

    /**
     * @param epochSecond an instant within {@link Instant}'s range
     * @return the zone's offset from UTC then, in seconds
     */
    int secondsAt(long epochSecond) {
        if (epochSecond >= from && epochSecond < until) {
            return offset;
        }
        Instant instant = Instant.ofEpochSecond(epochSecond);
        ZoneOffset current = rules.getOffset(instant);
        ZoneOffsetTransition previous = rules.previousTransition(instant);
        ZoneOffsetTransition next = rules.nextTransition(instant);
        from = previous != null && previous.getOffsetAfter().equals(current) ? previous.toEpochSecond() : epochSecond;
        until = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        offset = current.getTotalSeconds();
        return offset;
    }
}
