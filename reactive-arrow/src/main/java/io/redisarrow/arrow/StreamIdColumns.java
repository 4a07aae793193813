package io.redisarrow.arrow;

import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * How {@link RedisArrow#scanStreams(StreamScan)} lays out each entry's id ({@code ms-seq}): two
 * columns, the milliseconds part (as a number or as a timestamp) and the sequence part. Redis allows
 * both parts up to 2^64-1; a part above {@link Long#MAX_VALUE} does not fit an Int64 or a timestamp
 * and follows the scan's {@link ParseErrorPolicy} (the id columns are nullable for that reason, and
 * are null only then).
 */
public enum StreamIdColumns {

    /** {@code _id_ms} (Int64, the milliseconds part) and {@code _id_seq} (Int64, the sequence part). */
    MILLIS_AND_SEQUENCE("_id_ms", new ArrowType.Int(64, true)),

    /**
     * {@code _id_time} (Timestamp(MILLISECOND, "UTC"), the milliseconds part as an instant) and
     * {@code _id_seq} (Int64).
     */
    TIMESTAMP_AND_SEQUENCE("_id_time", new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC"));

    /** Default name of the sequence column, whatever the layout. */
    public static final String DEFAULT_SEQUENCE_COLUMN = "_id_seq";

    private final String defaultTimeColumn;

    private final ArrowType timeType;

    StreamIdColumns(String defaultTimeColumn, ArrowType timeType) {
        this.defaultTimeColumn = defaultTimeColumn;
        this.timeType = timeType;
    }

    /** @return the default name of the milliseconds column: {@code _id_ms} or {@code _id_time} */
    public String defaultTimeColumn() {
        return defaultTimeColumn;
    }

    /** @return the Arrow type of the milliseconds column */
    public ArrowType timeType() {
        return timeType;
    }
}
