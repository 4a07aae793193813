package io.redisarrow.arrow;

import io.redisarrow.arrow.internal.consumer.Consumers;
import io.redisarrow.core.CollectionValues;
import io.redisarrow.core.ReadRequest;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

import java.util.List;
import java.util.Objects;

/**
 * What {@link RedisArrow#scanSortedSets(SortedSetScan)} reads: which keys (SCAN MATCH and COUNT,
 * sorted sets only), the member column's name and Arrow type (a schema of one field; by default a
 * nullable Utf8 column named {@value #DEFAULT_MEMBER_COLUMN}), the score column, how the read is
 * batched and parallelised, and which extra columns each batch carries. Immutable; build it with
 * {@link #builder()}. The options shared with {@link HashScan} have the same defaults;
 * {@link Builder#batchSize(int) batchSize} counts members.
 *
 * <p>Members come in score order, lowest first, members of equal score in the byte order of the
 * members ({@code ZRANGE ... WITHSCORES}). One row per member: row index (if asked), key (unless
 * {@link Builder#noKeyColumn()}), TTL (if asked), member, then its score (a nullable column,
 * Float64 by default, {@code inf} and {@code -inf} as infinities). With
 * {@link Builder#oneRowPerKey()}, one row per sorted set (one larger than the batch size: one row
 * per part of it, in order), the member column being a
 * {@code List<item: Struct<member, score>>} in score order, its children named after the member
 * and score columns.
 */
public final class SortedSetScan extends CollectionScan {

    /** Name of the member column when no schema is given. */
    public static final String DEFAULT_MEMBER_COLUMN = "member";

    /** Default name of the score column. */
    public static final String DEFAULT_SCORE_COLUMN = "_score";

    /** Default type of the score column: Float64, which holds every score Redis keeps. */
    public static final ArrowType DEFAULT_SCORE_TYPE = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);

    private final String scoreColumn;

    private final ArrowType scoreType;

    private SortedSetScan(Builder b, ReadRequest read) {
        super(b, read);
        this.scoreColumn = b.scoreColumn;
        this.scoreType = b.scoreType;
    }

    /** @return a builder with the defaults of {@link HashScan}, a Utf8 member column and a Float64 score column */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the score column's name (with {@link Builder#oneRowPerKey()}, the Struct child's) */
    public String scoreColumn() {
        return scoreColumn;
    }

    /** @return the score column's Arrow type: Float64, Int64 or Decimal */
    public ArrowType scoreType() {
        return scoreType;
    }

    @Override
    List<Field> elementColumns() {
        return List.of(elementField(), new Field(scoreColumn, FieldType.nullable(scoreType), null));
    }

    @Override
    List<Field> itemFields() {
        return elementColumns();
    }

    @Override
    public String toString() {
        return "SortedSetScan{" + commonOptions() + ", scoreColumn=" + scoreColumn + ", scoreType="
                + Consumers.describe(scoreType) + '}';
    }

    /** Builder of {@link SortedSetScan}; setters validate eagerly, {@link #build()} checks the whole. */
    public static final class Builder extends CollectionScanBuilder<Builder> {

        private String scoreColumn = DEFAULT_SCORE_COLUMN;

        private ArrowType scoreType = DEFAULT_SCORE_TYPE;

        private Builder() {
            super("member", DEFAULT_MEMBER_COLUMN);
        }

        /**
         * Names the score column, keeping its type.
         *
         * @param name the column's name; see {@link SortedSetScan#DEFAULT_SCORE_COLUMN}
         * @return this builder
         */
        public Builder scoreColumn(String name) {
            return scoreColumn(name, scoreType);
        }

        /**
         * Names and types the score column. Scores are parsed from the text Redis sends for them
         * ({@code 1}, {@code 2.5}, {@code inf}, {@code -inf}) by the rules of
         * {@link RedisArrow#scanHashes(HashScan)}: Float64 reads every score exactly as Redis
         * holds it; Int64 reads integral scores; Decimal reads scores whose text fits its precision
         * and scale. A score that does not parse (an infinity or a fraction into Int64 or Decimal)
         * follows {@link #onParseError(ParseErrorPolicy)}.
         *
         * @param name the column's name; see {@link SortedSetScan#DEFAULT_SCORE_COLUMN}
         * @param type Float64 ({@link SortedSetScan#DEFAULT_SCORE_TYPE}), signed Int64, or a
         *        128-bit Decimal
         * @return this builder
         * @throws IllegalArgumentException for an empty name or another type
         */
        public Builder scoreColumn(String name, ArrowType type) {
            Objects.requireNonNull(name, "scoreColumn must not be null");
            Objects.requireNonNull(type, "score type must not be null");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("scoreColumn must not be empty");
            }
            boolean float64 = type instanceof ArrowType.FloatingPoint fp && fp.getPrecision() == FloatingPointPrecision.DOUBLE;
            boolean int64 = type instanceof ArrowType.Int integer && integer.getBitWidth() == 64 && integer.getIsSigned();
            boolean decimal = type instanceof ArrowType.Decimal d && d.getBitWidth() == 128;
            if (!float64 && !int64 && !decimal) {
                throw new IllegalArgumentException("score type must be Float64, Int64 or Decimal(precision, scale), was "
                        + Consumers.describe(type));
            }
            this.scoreColumn = name;
            this.scoreType = type;
            return this;
        }

        /**
         * @return the scan
         * @throws IllegalArgumentException when column names collide
         */
        public SortedSetScan build() {
            return new SortedSetScan(this, collectionRequest(CollectionValues.Kind.SORTED_SET, scoreColumn));
        }
    }
}
