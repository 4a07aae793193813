package io.redisarrow.arrow;

import io.redisarrow.core.CollectionValues;
import io.redisarrow.core.ReadRequest;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.List;

/**
 * What {@link RedisArrow#scanSets(SetScan)} reads: which keys (SCAN MATCH and COUNT, sets only),
 * the member column's name and Arrow type (a schema of one field; by default a nullable Utf8
 * column named {@value #DEFAULT_MEMBER_COLUMN}), how the read is batched and parallelised, and
 * which extra columns each batch carries. Immutable; build it with {@link #builder()}. The options
 * shared with {@link HashScan} have the same defaults; {@link Builder#batchSize(int) batchSize}
 * counts members.
 *
 * <p>A set's members come in no particular order. One row per member: row index (if asked), key
 * (unless {@link Builder#noKeyColumn()}), TTL (if asked), member. With
 * {@link Builder#oneRowPerKey()}, one row per set (a set larger than the batch size: one row per
 * part of it), the member column being a {@code List<item: member type>}.
 */
public final class SetScan extends CollectionScan {

    /** Name of the member column when no schema is given. */
    public static final String DEFAULT_MEMBER_COLUMN = "member";

    private SetScan(Builder b, ReadRequest read) {
        super(b, read);
    }

    /** @return a builder with the defaults of {@link HashScan} and a Utf8 member column */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    List<Field> elementColumns() {
        return List.of(elementField());
    }

    @Override
    List<Field> itemFields() {
        return List.of(elementField());
    }

    @Override
    public String toString() {
        return "SetScan{" + commonOptions() + '}';
    }

    /** Builder of {@link SetScan}; setters validate eagerly, {@link #build()} checks the whole. */
    public static final class Builder extends CollectionScanBuilder<Builder> {

        private Builder() {
            super("member", DEFAULT_MEMBER_COLUMN);
        }

        /**
         * @return the scan
         * @throws IllegalArgumentException when column names collide
         */
        public SetScan build() {
            return new SetScan(this, collectionRequest(CollectionValues.Kind.SET, null));
        }
    }

}
