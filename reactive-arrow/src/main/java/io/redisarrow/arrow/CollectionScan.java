package io.redisarrow.arrow;

import io.redisarrow.arrow.internal.decode.BatchLayout;
import io.redisarrow.arrow.internal.decode.ElementLists;
import io.redisarrow.arrow.internal.decode.FieldColumns;
import io.redisarrow.arrow.internal.decode.RawBatchDecoder;
import io.redisarrow.core.ReadRequest;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

import java.util.List;
import java.util.Set;

/**
 * The options every scan of a collection type shares (sets, lists, sorted sets): the element
 * column, and whether a row holds one element or the elements of one key; on top of those every
 * scan of keys shares ({@link KeyScan}). Immutable.
 */
abstract class CollectionScan extends KeyScan {

    /** Name of the child field of the List column a row per key holds. */
    static final String ITEM = "item";

    private final boolean oneRowPerKey;

    CollectionScan(CollectionScanBuilder<?> b, ReadRequest read) {
        super(b, read);
        this.oneRowPerKey = b.oneRowPerKey;
    }

    /**
     * @return whether each row holds the elements of one key (a List column) rather than one
     *         element; see {@link CollectionScanBuilder#oneRowPerKey()}
     */
    public boolean oneRowPerKey() {
        return oneRowPerKey;
    }

    /** @return the schema's one field: the element column's name and type */
    final Field elementField() {
        return schema().getFields().get(0);
    }

    /** @return the data columns of a row per element: the element, then a position or score if any */
    abstract List<Field> elementColumns();

    /** @return what each item of a row per key holds: the element, and a sorted set's score */
    abstract List<Field> itemFields();

    /** @return the data columns of every batch, in order */
    final List<Field> columns() {
        if (!oneRowPerKey) {
            return elementColumns();
        }
        List<Field> item = itemFields();
        Field itemField = item.size() == 1 ? new Field(ITEM, item.get(0).getFieldType(), null)
                : new Field(ITEM, FieldType.notNullable(ArrowType.Struct.INSTANCE), item);
        return List.of(new Field(elementField().getName(), FieldType.notNullable(ArrowType.List.INSTANCE),
                List.of(itemField)));
    }

    @Override
    BatchLayout layout() {
        return new BatchLayout(rowIndexColumn().orElse(null), keyColumn().orElse(null), binaryKeys(),
                ttlColumn().orElse(null), columns(), parseErrorPolicy());
    }

    /** @return the decoder of this scan's raw batches */
    RawBatchDecoder decoder() {
        BatchLayout layout = layout();
        return new RawBatchDecoder(layout, oneRowPerKey ? new ElementLists() : new FieldColumns(columns(), Set.of()));
    }

    @Override
    String commonOptions() {
        return "element=" + elementField() + ", oneRowPerKey=" + oneRowPerKey + ", " + super.commonOptions();
    }
}
