package io.redisarrow.arrow.internal.json;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the writer tree of a vector, one writer per schema node, with one switch over the Arrow
 * type. The field must have passed {@link JsonTypes#checkSupported}.
 */
final class Writers {

    private Writers() {
    }

    static ValueWriter create(FieldVector vector, Cursor cursor) {
        switch (vector.getField().getType().getTypeID()) {
            case Struct: {
                List<ValueWriter> children = new ArrayList<>();
                for (FieldVector child : ((StructVector) vector).getChildrenFromFields()) {
                    children.add(create(child, cursor));
                }
                return new StructWriter((StructVector) vector, children, cursor);
            }
            case Map: {
                MapVector map = (MapVector) vector;
                List<FieldVector> entry = ((StructVector) map.getDataVector()).getChildrenFromFields();
                return new MapWriter(map, (VarCharVector) entry.get(0), create(entry.get(1), cursor), cursor);
            }
            case List: {
                ListVector list = (ListVector) vector;
                return new ListWriter(list, create(list.getDataVector(), cursor), cursor);
            }
            default:
                return new ScalarWriter(vector, cursor);
        }
    }

    /** Allocates a top-level vector for {@code rows} slots; nested vectors grow as values arrive. */
    static void allocate(FieldVector vector, int rows) {
        vector.setInitialCapacity(Math.max(1, rows));
        vector.allocateNew();
    }
}
