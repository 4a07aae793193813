package io.redisarrow.arrow;

import io.redisarrow.core.CollectionValues;
import io.redisarrow.core.ReadRequest;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link RedisArrow#scanLists(ListScan)} reads: which keys (SCAN MATCH and COUNT, lists
 * only), the element column's name and Arrow type (a schema of one field; by default a nullable
 * Utf8 column named {@value #DEFAULT_ELEMENT_COLUMN}), the position column, how the read is
 * batched and parallelised, and which extra columns each batch carries. Immutable; build it with
 * {@link #builder()}. The options shared with {@link HashScan} have the same defaults;
 * {@link Builder#batchSize(int) batchSize} counts elements.
 *
 * <p>Elements come in list order, head first. One row per element: row index (if asked), key
 * (unless {@link Builder#noKeyColumn()}), TTL (if asked), element, then the element's position
 * (non-null Int64, 0 at the head; unless {@link Builder#noPositionColumn()}). With
 * {@link Builder#oneRowPerKey()}, one row per list (a list longer than the batch size: one row per
 * part of it, in order), the element column being a {@code List<item: element type>} in list
 * order, without a position column.
 */
public final class ListScan extends CollectionScan {

    /** Name of the element column when no schema is given. */
    public static final String DEFAULT_ELEMENT_COLUMN = "element";

    /** Default name of the position column. */
    public static final String DEFAULT_POSITION_COLUMN = "_position";

    private final @Nullable String positionColumn;

    private ListScan(Builder b, ReadRequest read) {
        super(b, read);
        this.positionColumn = b.positionColumn;
    }

    /** @return a builder with the defaults of {@link HashScan}, a Utf8 element column and a position column */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return the position column's name, or empty when it is left out (always empty with
     *         {@link Builder#oneRowPerKey()}, which has none)
     */
    public Optional<String> positionColumn() {
        return oneRowPerKey() ? Optional.empty() : Optional.ofNullable(positionColumn);
    }

    @Override
    List<Field> elementColumns() {
        if (positionColumn == null) {
            return List.of(elementField());
        }
        return List.of(elementField(),
                new Field(positionColumn, FieldType.notNullable(new ArrowType.Int(64, true)), null));
    }

    @Override
    List<Field> itemFields() {
        return List.of(elementField());
    }

    @Override
    public String toString() {
        return "ListScan{" + commonOptions() + ", positionColumn=" + positionColumn().orElse(null) + '}';
    }

    /** Builder of {@link ListScan}; setters validate eagerly, {@link #build()} checks the whole. */
    public static final class Builder extends CollectionScanBuilder<Builder> {

        private @Nullable String positionColumn = DEFAULT_POSITION_COLUMN;

        private Builder() {
            super("element", DEFAULT_ELEMENT_COLUMN);
        }

        /**
         * Names the non-null Int64 column holding each element's position in its list (0 at the
         * head), as {@code LINDEX} and {@code LRANGE} count. Not used with {@link #oneRowPerKey()}.
         *
         * @param name the column's name; see {@link ListScan#DEFAULT_POSITION_COLUMN}
         * @return this builder
         */
        public Builder positionColumn(String name) {
            Objects.requireNonNull(name, "positionColumn must not be null");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("positionColumn must not be empty");
            }
            this.positionColumn = name;
            return this;
        }

        /**
         * Leaves the position column out.
         *
         * @return this builder
         */
        public Builder noPositionColumn() {
            this.positionColumn = null;
            return this;
        }

        /**
         * @return the scan
         * @throws IllegalArgumentException when column names collide
         */
        public ListScan build() {
            return new ListScan(this, collectionRequest(CollectionValues.Kind.LIST,
                    oneRowPerKey ? null : positionColumn));
        }
    }
}
