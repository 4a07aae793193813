package io.redisarrow.arrow.internal.decode;

import io.redisarrow.arrow.ParseErrorPolicy;
import io.redisarrow.core.RawBatch;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;

import java.util.List;

/**
 * One List per run of raw rows of one key ({@link KeyRuns#of(RawBatch)}), as a read grouped by key
 * decodes a collection: the List column is the only data column, and its items are the run's raw
 * rows in order. Items of a scalar type read raw column 0; items of a Struct type read one raw
 * column per child, in child order (a sorted set's member and score). Every value goes through
 * the scalar consumers under the parse-error policy, like {@link FieldColumns}: a value that does
 * not parse becomes a null item (or a null child of its Struct) under {@link ParseErrorPolicy#NULL}.
 */
public final class ElementLists implements ValueColumns {

    /** Creates the decoder; it keeps no state between batches. */
    public ElementLists() {
    }

    @Override
    public KeyRuns rows(RawBatch raw) {
        return KeyRuns.of(raw);
    }

    @Override
    public long decode(RawBatch raw, List<FieldVector> vectors, ParseErrorPolicy policy) {
        return decode(raw, rows(raw), vectors, policy);
    }

    @Override
    public long decode(RawBatch raw, KeyRuns rows, List<FieldVector> vectors, ParseErrorPolicy policy) {
        ListVector list = (ListVector) vectors.get(0);
        int lists = rows.count();
        int items = raw.rowCount();
        // the items are sized exactly below, from the raw values; here only the list's own buffers
        list.setInitialCapacity(Math.max(1, lists), 0);
        list.allocateNew();
        FieldVector item = list.getDataVector();
        long nulled = 0;
        if (item instanceof StructVector struct) {
            struct.setInitialCapacity(Math.max(1, items));
            struct.allocateNew();
            List<FieldVector> children = struct.getChildrenFromFields();
            for (int child = 0; child < children.size(); child++) {
                FieldVector vector = children.get(child);
                nulled += FieldColumns.decodeColumn(raw, child, vector.getName(), vector, policy);
            }
            for (int i = 0; i < items; i++) {
                struct.setIndexDefined(i);
            }
            struct.setValueCount(items);
        } else {
            nulled += FieldColumns.decodeColumn(raw, 0, list.getName(), item, policy);
        }
        for (int row = 0; row < lists; row++) {
            list.startNewValue(row);
            list.endValue(row, rows.end(row) - rows.start(row));
        }
        list.setValueCount(lists);
        return nulled;
    }
}
