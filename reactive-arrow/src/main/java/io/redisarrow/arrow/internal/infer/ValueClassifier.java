package io.redisarrow.arrow.internal.infer;

import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Tells the {@link ValueKind} of a sampled value, asking the scans' consumers (through a
 * {@link ConsumerProbe}) what parses it: a hash value may be of any scalar kind, a JSON string only
 * a date, a date-time or plain text (JSON numbers and booleans carry their kind in the syntax).
 */
final class ValueClassifier {

    static final ArrowType FLOAT64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);

    static final ArrowType BOOL = ArrowType.Bool.INSTANCE;

    static final ArrowType DATE_DAY = new ArrowType.Date(DateUnit.DAY);

    /** The widest-range unit a value is classified with; the rules then pick the unit the data needs. */
    static final ArrowType TIMESTAMP = new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);

    static final ArrowType UTF8 = ArrowType.Utf8.INSTANCE;

    /** The longest text taken for a date-time: a date, a time with nine fraction digits and an offset. */
    private static final int MAX_TIMESTAMP_LENGTH = 40;

    private final ConsumerProbe probe;

    ValueClassifier(ConsumerProbe probe) {
        this.probe = probe;
    }

    /** @return the kind of a hash value */
    ValueKind hashValue(byte[] value) {
        if (isInteger(value)) {
            return ValueKind.INTEGER;
        }
        if (probe.accepts(FLOAT64, value)) {
            return ValueKind.FLOAT;
        }
        if (probe.accepts(BOOL, value)) {
            return ValueKind.BOOLEAN;
        }
        ValueKind temporal = temporal(value);
        if (temporal != null) {
            return temporal;
        }
        return probe.accepts(UTF8, value) ? ValueKind.STRING : ValueKind.BINARY;
    }

    /** @return the kind of a JSON string, given its UTF-8 bytes */
    ValueKind jsonString(byte[] value) {
        ValueKind temporal = temporal(value);
        return temporal == null ? ValueKind.STRING : temporal;
    }

    /** @return {@link ValueKind#DATE}, {@link ValueKind#TIMESTAMP}, or null for neither */
    private ValueKind temporal(byte[] value) {
        if (!startsWithDate(value)) {
            return null;
        }
        if (value.length == 10) {
            return probe.accepts(DATE_DAY, value) ? ValueKind.DATE : null;
        }
        return value.length <= MAX_TIMESTAMP_LENGTH && probe.accepts(TIMESTAMP, value) ? ValueKind.TIMESTAMP : null;
    }

    /** @return whether the value starts {@code dddd-dd-dd} (integers, which the temporal consumers also take, do not) */
    static boolean startsWithDate(byte[] value) {
        if (value.length < 10 || value[4] != '-' || value[7] != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (i != 4 && i != 7 && (value[i] < '0' || value[i] > '9')) {
                return false;
            }
        }
        return true;
    }

    /** @return whether the value is {@code [+-]digits} */
    static boolean isInteger(byte[] value) {
        int i = value.length > 0 && (value[0] == '-' || value[0] == '+') ? 1 : 0;
        if (i == value.length) {
            return false;
        }
        for (; i < value.length; i++) {
            if (value[i] < '0' || value[i] > '9') {
                return false;
            }
        }
        return true;
    }
}
