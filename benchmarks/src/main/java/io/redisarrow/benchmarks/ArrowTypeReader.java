package io.redisarrow.benchmarks;

import io.redisarrow.arrow.HashScan;
import io.redisarrow.arrow.ListScan;
import io.redisarrow.arrow.RecordBatch;
import io.redisarrow.arrow.RedisArrow;
import io.redisarrow.arrow.SetScan;
import io.redisarrow.arrow.SortedSetScan;
import io.redisarrow.arrow.StreamScan;
import io.redisarrow.arrow.StringScan;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import reactor.core.publisher.Flux;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * redis-arrow in the types scenario: the read of a {@link TypeData} data set with the default
 * options, the element typed as it is (string prices Float64; members and list elements Utf8,
 * with the default {@code _position} Int64 of a list and {@code _score} Float64 of a sorted set;
 * stream {@code user} Int64, {@code price} Float64, {@code sym} Utf8, ids Int64); every batch's
 * values summed ({@link ColumnSums}, the key and position columns left out) and the batch closed
 * on arrival.
 */
final class ArrowTypeReader implements TypeReader {

    private static final ArrowType FLOAT64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);

    /** The string values' column. */
    static final Schema STRING_SCHEMA = new Schema(List.of(Field.nullable("price", FLOAT64)));

    /** The set and sorted-set members' column. */
    static final Schema MEMBER_SCHEMA = new Schema(List.of(Field.nullable(SetScan.DEFAULT_MEMBER_COLUMN,
            ArrowType.Utf8.INSTANCE)));

    /** The list elements' column. */
    static final Schema ELEMENT_SCHEMA = new Schema(List.of(Field.nullable(ListScan.DEFAULT_ELEMENT_COLUMN,
            ArrowType.Utf8.INSTANCE)));

    /** The stream entries' fields. */
    static final Schema STREAM_SCHEMA = new Schema(List.of(
            Field.nullable(TypeData.STREAM_FIELDS.get(0), new ArrowType.Int(64, true)),
            Field.nullable(TypeData.STREAM_FIELDS.get(1), FLOAT64),
            Field.nullable(TypeData.STREAM_FIELDS.get(2), ArrowType.Utf8.INSTANCE)));

    /** Columns the library adds rather than reads: the key, a list element's position. */
    private static final Set<String> NOT_SUMMED = Set.of(HashScan.DEFAULT_KEY_COLUMN,
            ListScan.DEFAULT_POSITION_COLUMN);

    /**
     * One type's read with its options.
     *
     * @param batches the read, given a connection
     * @param countHint SCAN COUNT
     * @param batchSize elements per batch, the window of a big key
     * @param parallel round trips in flight
     */
    record Read(Function<RedisArrow, Flux<RecordBatch>> batches, int countHint, int batchSize, int parallel) {
    }

    private final RedisArrow redis;

    private final TypeData data;

    private final Read read;

    private double touched;

    private ArrowTypeReader(String url, TypeData data, Read read) {
        this.redis = RedisArrow.connect(url);
        this.data = data;
        this.read = read;
    }

    /**
     * @param url the server and database
     * @param data what to read
     */
    ArrowTypeReader(String url, TypeData data) {
        this(url, data, read(data));
    }

    /** @return the read of a data set with the default options */
    static Read read(TypeData data) {
        String pattern = data.pattern();
        return switch (data.kind()) {
            case STRINGS -> {
                StringScan scan = StringScan.builder().pattern(pattern).schema(STRING_SCHEMA).build();
                yield new Read(redis -> redis.scanStrings(scan), scan.countHint(), scan.batchSize(), scan.parallel());
            }
            case SETS -> {
                SetScan scan = SetScan.builder().pattern(pattern).schema(MEMBER_SCHEMA).build();
                yield new Read(redis -> redis.scanSets(scan), scan.countHint(), scan.batchSize(), scan.parallel());
            }
            case LISTS -> {
                ListScan scan = ListScan.builder().pattern(pattern).schema(ELEMENT_SCHEMA).build();
                yield new Read(redis -> redis.scanLists(scan), scan.countHint(), scan.batchSize(), scan.parallel());
            }
            case SORTED_SETS -> {
                SortedSetScan scan = SortedSetScan.builder().pattern(pattern).schema(MEMBER_SCHEMA).build();
                yield new Read(redis -> redis.scanSortedSets(scan), scan.countHint(), scan.batchSize(),
                        scan.parallel());
            }
            case STREAMS -> {
                StreamScan scan = StreamScan.builder().pattern(pattern).schema(STREAM_SCHEMA).build();
                yield new Read(redis -> redis.scanStreams(scan), scan.countHint(), scan.batchSize(), scan.parallel());
            }
        };
    }

    /** @return the name of redis-arrow's read of a type */
    static String method(TypeData.Kind kind) {
        return switch (kind) {
            case STRINGS -> "scanStrings";
            case SETS -> "scanSets";
            case LISTS -> "scanLists";
            case SORTED_SETS -> "scanSortedSets";
            case STREAMS -> "scanStreams";
        };
    }

    /** @return SCAN COUNT of the read */
    int countHint() {
        return read.countHint();
    }

    /** @return elements per batch of the read, the window of a big key */
    int batchSize() {
        return read.batchSize();
    }

    @Override
    public String name() {
        return "redis-arrow " + method(data.kind()) + ", " + data.label();
    }

    @Override
    public String parallel() {
        return Integer.toString(read.parallel());
    }

    @Override
    public long pass() {
        double[] sum = { 0 };
        Long rows = read.batches().apply(redis).map(batch -> {
            try (batch) {
                sum[0] += ColumnSums.of(batch.root(), NOT_SUMMED);
                return (long) batch.rowCount();
            }
        }).reduce(0L, Long::sum).block();
        touched = sum[0];
        return rows == null ? 0 : rows;
    }

    @Override
    public double checksum() {
        return touched;
    }

    @Override
    public void close() {
        redis.close();
    }
}
