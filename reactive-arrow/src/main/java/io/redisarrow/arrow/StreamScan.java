package io.redisarrow.arrow;

import io.redisarrow.arrow.internal.decode.BatchLayout;
import io.redisarrow.arrow.internal.decode.FieldColumns;
import io.redisarrow.arrow.internal.decode.ValueColumns;
import io.redisarrow.core.CollectionValues;
import io.redisarrow.core.ReadRequest;
import io.redisarrow.core.StreamIds;
import io.redisarrow.core.TypeFilter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link RedisArrow#scanStreams(StreamScan)} reads: which keys (SCAN MATCH and COUNT, streams
 * only), which range of entries of each stream, which entry fields become columns and their Arrow
 * types (the schema), how the read is batched and parallelised, and which extra columns each batch
 * carries. Every entry is one row. Immutable; build it with {@link #builder()}. The options shared
 * with {@link HashScan} have the same defaults ({@link HashScan#DEFAULT_BATCH_SIZE} and the others).
 *
 * <p>{@link #batchSize()} is the most entries per batch, and also the most streams whose sizes are
 * asked in one round trip. A stream with more entries than that is read in windows of
 * {@code XRANGE key start end COUNT n}, each starting after the last id read, so a stream of any
 * length streams in bounded memory; a stream that fits in a batch is never split across two.
 *
 * <p>Column order in every batch: row index (if asked), key (unless {@link Builder#noKeyColumn()}),
 * TTL (if asked), the two id columns ({@link Builder#idColumns(StreamIdColumns)}), then the entry
 * fields in schema order, or in projection order with {@link Builder#project(String...)}. A field
 * an entry lacks is null; fields the schema does not name are ignored; a field an entry repeats
 * ({@code XADD s * a 1 a 2} is legal) takes its last value.
 */
public final class StreamScan extends KeyScan {

    /**
     * Default of {@link Builder#typeFilter(TypeFilter)}: SCAN starts without {@code TYPE stream}
     * and asks for it from the first key of another type on.
     */
    public static final TypeFilter DEFAULT_TYPE_FILTER = TypeFilter.AUTO;

    /** Default of {@link Builder#idColumns(StreamIdColumns)}: {@code _id_ms} and {@code _id_seq}, both Int64. */
    public static final StreamIdColumns DEFAULT_ID_COLUMNS = StreamIdColumns.MILLIS_AND_SEQUENCE;

    /** Default start of the range: {@code -}, the first entry. */
    public static final String DEFAULT_START = CollectionValues.STREAM_START;

    /** Default end of the range: {@code +}, the last entry. */
    public static final String DEFAULT_END = CollectionValues.STREAM_END;

    /** Default of {@link Builder#countPerKey(long)}: every entry of the range. */
    public static final long DEFAULT_COUNT_PER_KEY = Long.MAX_VALUE;

    private final StreamIdColumns idColumns;

    private final String idTimeColumn;

    private final String idSequenceColumn;

    private final Set<String> jsonFields;

    private final CollectionValues values;

    private StreamScan(Builder b, ReadRequest read, CollectionValues values, String idTimeColumn) {
        super(b, read);
        this.idColumns = b.idColumns;
        this.idTimeColumn = idTimeColumn;
        this.idSequenceColumn = b.idSequenceColumn;
        this.jsonFields = Collections.unmodifiableSet(new LinkedHashSet<>(b.jsonFields));
        this.values = values;
    }

    /** @return a builder with the defaults above; {@link Builder#schema(Schema)} is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return how each entry's id is laid out */
    public StreamIdColumns idColumns() {
        return idColumns;
    }

    /** @return the name of the id's milliseconds column */
    public String idTimeColumn() {
        return idTimeColumn;
    }

    /** @return the name of the id's sequence column */
    public String idSequenceColumn() {
        return idSequenceColumn;
    }

    /** @return the first id read from each stream, as XRANGE takes it ({@code -}, an id, or {@code (id}) */
    public String start() {
        return values.start();
    }

    /** @return the last id read from each stream, as XRANGE takes it ({@code +}, an id, or {@code (id}) */
    public String end() {
        return values.end();
    }

    /** @return the most entries read from one stream ({@link Long#MAX_VALUE}: every entry of the range) */
    public long countPerKey() {
        return values.countPerKey();
    }

    /** @return the fields whose values are JSON texts, see {@link Builder#json(String...)} */
    public Set<String> jsonFields() {
        return jsonFields;
    }

    /** @return how the raw values (id parts, then the fields) become the id and data columns */
    ValueColumns values() {
        return new FieldColumns(valueFields(), jsonFields);
    }

    @Override
    BatchLayout layout() {
        return new BatchLayout(rowIndexColumn().orElse(null), keyColumn().orElse(null), binaryKeys(),
                ttlColumn().orElse(null), valueFields(), parseErrorPolicy());
    }

    /** @return the id columns, then the data fields: one per raw column, in raw column order */
    private List<Field> valueFields() {
        List<Field> fields = new ArrayList<>(dataFields().size() + 2);
        fields.add(new Field(idTimeColumn, FieldType.nullable(idColumns.timeType()), null));
        fields.add(new Field(idSequenceColumn, FieldType.nullable(new ArrowType.Int(64, true)), null));
        fields.addAll(dataFields());
        return fields;
    }

    @Override
    public String toString() {
        return "StreamScan{" + commonOptions() + ", idColumns=" + idColumns + "(" + idTimeColumn + ", "
                + idSequenceColumn + "), range=" + start() + ".." + end() + ", countPerKey=" + countPerKey()
                + ", json=" + jsonFields + '}';
    }

    /** Builder of {@link StreamScan}; setters validate eagerly, {@link #build()} checks the whole. */
    public static final class Builder extends KeyScanBuilder<Builder> {

        private final Set<String> jsonFields = new LinkedHashSet<>();

        private StreamIdColumns idColumns = DEFAULT_ID_COLUMNS;

        private String idTimeColumn;

        private String idSequenceColumn = StreamIdColumns.DEFAULT_SEQUENCE_COLUMN;

        private String start = DEFAULT_START;

        private String end = DEFAULT_END;

        private long countPerKey = DEFAULT_COUNT_PER_KEY;

        private Builder() {
        }

        /**
         * @param idColumns how each entry's id is laid out; see {@link StreamScan#DEFAULT_ID_COLUMNS}
         * @return this builder
         */
        public Builder idColumns(StreamIdColumns idColumns) {
            this.idColumns = Objects.requireNonNull(idColumns, "idColumns must not be null");
            return this;
        }

        /**
         * Renames the id columns (by default {@link StreamIdColumns#defaultTimeColumn()} and
         * {@link StreamIdColumns#DEFAULT_SEQUENCE_COLUMN}).
         *
         * @param time the name of the milliseconds column
         * @param sequence the name of the sequence column
         * @return this builder
         */
        public Builder idColumnNames(String time, String sequence) {
            Objects.requireNonNull(time, "idColumnNames time must not be null");
            Objects.requireNonNull(sequence, "idColumnNames sequence must not be null");
            if (time.isEmpty() || sequence.isEmpty()) {
                throw new IllegalArgumentException("idColumnNames must not be empty, were '" + time + "' and '"
                        + sequence + "'");
            }
            if (time.equals(sequence)) {
                throw new IllegalArgumentException("idColumnNames must differ, both were '" + time + "'");
            }
            this.idTimeColumn = time;
            this.idSequenceColumn = sequence;
            return this;
        }

        /**
         * The entries read from each stream, both bounds as {@code XRANGE} takes them: {@code -} (the
         * first entry) or {@code +} (the last), an id {@code ms-seq} or {@code ms} (inclusive; a start
         * {@code ms} means {@code ms-0}, an end {@code ms} means the last entry of that millisecond),
         * or an id after {@code (} to exclude it. A start after the end reads nothing.
         *
         * @param start the first id; see {@link StreamScan#DEFAULT_START}
         * @param end the last id; see {@link StreamScan#DEFAULT_END}
         * @return this builder
         * @throws IllegalArgumentException when a bound is not one of those, or excludes the largest
         *         (start) or smallest (end) possible id
         */
        public Builder range(String start, String end) {
            String checkedStart = StreamIds.start("range start", start);
            this.end = StreamIds.end("range end", end);
            this.start = checkedStart;
            return this;
        }

        /**
         * Reads the entries after this id only (an exclusive start: {@code (id}), such as the last id
         * a previous read saw. Replaces the start {@link #range(String, String)} set.
         *
         * @param id an id, {@code ms-seq} or {@code ms} (which stands for {@code ms-0}, as in XRANGE)
         * @return this builder
         */
        public Builder after(String id) {
            this.start = StreamIds.start("after", "(" + StreamIds.id("after", id));
            return this;
        }

        /**
         * Reads the entries before this id only (an exclusive end: {@code (id}). Replaces the end
         * {@link #range(String, String)} set.
         *
         * @param id an id, {@code ms-seq} or {@code ms}; as in XRANGE, {@code ms} alone stands for
         *        {@code ms-18446744073709551615}, so the entries of that millisecond are still read:
         *        write {@code ms-0} to exclude them
         * @return this builder
         */
        public Builder before(String id) {
            this.end = StreamIds.end("before", "(" + StreamIds.id("before", id));
            return this;
        }

        /**
         * Reads at most this many entries of each stream: the first ones of the range.
         *
         * @param countPerKey most entries per stream, {@code >= 1}; see {@link StreamScan#DEFAULT_COUNT_PER_KEY}
         * @return this builder
         */
        public Builder countPerKey(long countPerKey) {
            if (countPerKey < 1) {
                throw new IllegalArgumentException("countPerKey must be >= 1, was " + countPerKey);
            }
            this.countPerKey = countPerKey;
            return this;
        }

        /**
         * Decodes these fields' values as JSON texts, as {@link HashScan.Builder#json(String...)}
         * does for hash fields: into a Struct, List or Map column (or any other type, by the rules of
         * {@link RedisArrow#scanJson(JsonScan)}). A value that is not valid JSON follows
         * {@link #onParseError(ParseErrorPolicy)}.
         *
         * @param fields names of schema fields holding JSON texts
         * @return this builder
         */
        public Builder json(String... fields) {
            HashScan.addJsonFields(jsonFields, fields);
            return this;
        }

        /**
         * @return the scan
         * @throws IllegalArgumentException when the schema is missing, a projected or JSON field is
         *         not in it, column names collide (the id columns included), or a field's type cannot
         *         be decoded
         */
        public StreamScan build() {
            String time = idTimeColumn != null ? idTimeColumn : idColumns.defaultTimeColumn();
            HashScan.checkFields(schema, fieldNames(), jsonFields, "entry field");
            checkColumns(schema, projection, rowIndexColumn, keyColumn, ttlColumn, time, idSequenceColumn);
            CollectionValues values = CollectionValues.stream(columnNames(), start, end, countPerKey);
            return new StreamScan(this, readRequest(values), values, time);
        }
    }
}
