package io.redisarrow.benchmarks;

import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.Set;

/**
 * Touches every value of a batch, as the baselines touch what they read: the byte length of each
 * text or binary value, the value of each number, summed, so the work cannot be optimised away and
 * the sum can be compared with the baselines' (on ASCII data a byte length is a String's length).
 */
final class ColumnSums {

    private ColumnSums() {
    }

    /**
     * @param root a batch
     * @param skip the names of columns left out (the key column, columns the library adds such as a
     *        list's positions)
     * @return the sum over every non-null value of every other column
     * @throws IllegalStateException for a column that is neither text, binary nor a number
     */
    static double of(VectorSchemaRoot root, Set<String> skip) {
        double sum = 0;
        int rows = root.getRowCount();
        for (FieldVector vector : root.getFieldVectors()) {
            if (skip.contains(vector.getName())) {
                continue;
            }
            if (vector instanceof BaseVariableWidthVector text) {
                for (int i = 0; i < rows; i++) {
                    if (!text.isNull(i)) {
                        sum += text.getValueLength(i);
                    }
                }
            } else if (vector instanceof FloatingPointVector floats) {
                for (int i = 0; i < rows; i++) {
                    if (!vector.isNull(i)) {
                        sum += floats.getValueAsDouble(i);
                    }
                }
            } else if (vector instanceof BaseIntVector integers) {
                for (int i = 0; i < rows; i++) {
                    if (!vector.isNull(i)) {
                        sum += integers.getValueAsLong(i);
                    }
                }
            } else {
                throw new IllegalStateException("no sum for column " + vector.getName() + " of type "
                        + vector.getField().getType());
            }
        }
        return sum;
    }
}
