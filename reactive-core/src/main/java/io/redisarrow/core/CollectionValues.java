package io.redisarrow.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What to read from each set, list, sorted set or stream: every element (or stream entry) becomes
 * one {@link RawBatch} row, keyed by its key. A key's size is asked first ({@code SCARD},
 * {@code LLEN}, {@code ZCARD}, {@code XLEN}); its elements are then read in windows of at most the
 * batch size ({@code SMEMBERS} or {@code SSCAN}, {@code LRANGE}, {@code ZRANGE ... WITHSCORES},
 * {@code XRANGE ... COUNT}), so a batch never holds more than {@code batchSize} rows whatever the
 * size of a key. A key that fits in one batch is never split across two.
 *
 * <p>Value columns per row, as Redis sends them: a set's member; a list's element and its position
 * (decimal digits, 0 at the head); a sorted set's member and score (its text); a stream entry's id
 * as two decimal columns (milliseconds, sequence) followed by the asked fields, in column order.
 * Immutable.
 */
public final class CollectionValues implements ValueRead {

    /** The Redis collection types. */
    public enum Kind {
        /** A set: SCARD, then SMEMBERS or SSCAN. */
        SET("set", 1),
        /** A list: LLEN, then LRANGE windows. */
        LIST("list", 2),
        /** A sorted set: ZCARD, then ZRANGE ... WITHSCORES windows, in score order. */
        SORTED_SET("zset", 2),
        /** A stream: XLEN, then XRANGE ... COUNT windows, in id order. */
        STREAM("stream", 2);

        private final String type;

        private final int fixedColumns;

        Kind(String type, int fixedColumns) {
            this.type = type;
            this.fixedColumns = fixedColumns;
        }

        /** @return the type name TYPE and SCAN TYPE use, such as {@code zset} */
        public String typeName() {
            return type;
        }
    }

    /** The first stream id: {@code -}. */
    public static final String STREAM_START = "-";

    /** The last stream id: {@code +}. */
    public static final String STREAM_END = "+";

    private final Kind kind;

    private final boolean groupedByKey;

    private final List<byte[]> fields;

    private final String start;

    private final String end;

    private final long countPerKey;

    private CollectionValues(Kind kind, boolean groupedByKey, List<byte[]> fields, String start, String end,
            long countPerKey) {
        this.kind = kind;
        this.groupedByKey = groupedByKey;
        this.fields = fields;
        this.start = start;
        this.end = end;
        this.countPerKey = countPerKey;
    }

    /**
     * @param kind set, list or sorted set
     * @param groupedByKey whether the decoder makes one row per key of consecutive rows of that key
     *        (the row limit and row index then count keys)
     * @return the values to read
     */
    public static CollectionValues of(Kind kind, boolean groupedByKey) {
        Objects.requireNonNull(kind, "kind must not be null");
        if (kind == Kind.STREAM) {
            throw new IllegalArgumentException("a stream read names its fields: use CollectionValues.stream");
        }
        return new CollectionValues(kind, groupedByKey, List.of(), STREAM_START, STREAM_END, Long.MAX_VALUE);
    }

    /**
     * @param fields the entry fields whose values become columns, in column order (others are ignored)
     * @param start the first id: {@code -}, an id ({@code ms} or {@code ms-seq}, inclusive), or an id
     *        after {@code (} (exclusive)
     * @param end the last id: {@code +}, an id (inclusive), or an id after {@code (} (exclusive)
     * @param countPerKey the most entries read from one stream, {@code >= 1} ({@link Long#MAX_VALUE}: all)
     * @return the values to read
     */
    public static CollectionValues stream(Collection<String> fields, String start, String end, long countPerKey) {
        Objects.requireNonNull(fields, "fields must not be null");
        List<byte[]> bytes = new ArrayList<>(fields.size());
        for (String field : fields) {
            bytes.add(Objects.requireNonNull(field, "fields must not contain null").getBytes(StandardCharsets.UTF_8));
        }
        StreamIds.start("start", start);
        StreamIds.end("end", end);
        if (countPerKey < 1) {
            throw new IllegalArgumentException("countPerKey must be >= 1, was " + countPerKey);
        }
        return new CollectionValues(Kind.STREAM, false, Collections.unmodifiableList(bytes), start, end, countPerKey);
    }

    /** @return the collection type */
    public Kind kind() {
        return kind;
    }

    /** @return whether consecutive rows of one key become one row (a list of its elements) */
    public boolean groupedByKey() {
        return groupedByKey;
    }

    /** @return a stream read's field names as UTF-8 bytes, in column order (do not modify the arrays) */
    public List<byte[]> fields() {
        return fields;
    }

    /** @return a stream read's first id, as XRANGE takes it */
    public String start() {
        return start;
    }

    /** @return a stream read's last id, as XRANGE takes it */
    public String end() {
        return end;
    }

    /** @return the most entries read from one stream */
    public long countPerKey() {
        return countPerKey;
    }

    @Override
    public String keyType() {
        return kind.type;
    }

    @Override
    public int columnCount() {
        return kind.fixedColumns + fields.size();
    }

    @Override
    public String toString() {
        return "CollectionValues{kind=" + kind + ", groupedByKey=" + groupedByKey + ", fields=" + fields.size()
                + (kind == Kind.STREAM ? ", range=" + start + ".." + end + ", countPerKey=" + countPerKey : "") + '}';
    }
}
