package io.redisarrow.arrow.internal.decode;

import io.redisarrow.arrow.ParseErrorPolicy;
import io.redisarrow.arrow.ValueConversionException;
import io.redisarrow.arrow.internal.consumer.ColumnConsumer;
import io.redisarrow.arrow.internal.consumer.Consumers;
import io.redisarrow.arrow.internal.json.JsonTexts;
import io.redisarrow.core.RawBatch;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One raw byte string per row and column, each written by its field's consumer; a column whose
 * values are JSON texts (JSON held in strings) is decoded by {@link JsonTexts}. Variable-width
 * vectors are sized from the raw lengths up front, so nothing is reallocated.
 */
public final class FieldColumns implements ValueColumns {

    private final List<Field> fields;

    private final boolean[] json;

    /**
     * @param fields the data fields, in raw column order
     * @param jsonFields names of the fields whose values are JSON texts
     */
    public FieldColumns(List<Field> fields, Set<String> jsonFields) {
        this.fields = List.copyOf(fields);
        this.json = new boolean[fields.size()];
        for (int i = 0; i < json.length; i++) {
            json[i] = jsonFields.contains(fields.get(i).getName());
        }
    }

    @Override
    public long decode(RawBatch raw, List<FieldVector> vectors, ParseErrorPolicy policy) {
        long nulled = 0;
        for (int field = 0; field < fields.size(); field++) {
            nulled += json[field]
                    ? JsonTexts.decodeColumn(raw, field, fields.get(field), vectors.get(field), policy)
                    : decodeColumn(raw, field, fields.get(field).getName(), vectors.get(field), policy);
        }
        return nulled;
    }

    /**
     * Writes one raw column into a vector, one slot per raw row, through the vector's consumer:
     * allocates the vector for the batch's rows (variable-width ones sized from the raw lengths),
     * applies the parse-error policy by the vector's field (its type and nullability), and sets the
     * value count.
     *
     * @param raw the raw values
     * @param column the raw column
     * @param name the column's name in error messages
     * @param vector the vector, created but not allocated
     * @param policy what a value that does not parse becomes
     * @return how many values were set null by {@link ParseErrorPolicy#NULL}
     * @throws ValueConversionException when a value does not parse under {@link ParseErrorPolicy#FAIL},
     *         or is missing or would be nulled in a field declared not nullable
     */
    static long decodeColumn(RawBatch raw, int column, String name, FieldVector vector, ParseErrorPolicy policy) {
        int rows = raw.rowCount();
        allocate(vector, raw, column, rows);
        ColumnConsumer consumer = Consumers.create(vector);
        Field declared = vector.getField();
        byte[] data = raw.data();
        long nulled = 0;
        for (int row = 0; row < rows; row++) {
            int length = raw.valueLength(row, column);
            if (length == RawBatch.MISSING) {
                if (!declared.isNullable()) {
                    throw new ValueConversionException(raw.key(row), name, new byte[0],
                            Consumers.describe(declared.getType()), "the field is missing but declared not nullable");
                }
                consumer.consumeNull(row);
                continue;
            }
            int offset = raw.valueOffset(row, column);
            if (consumer.consume(row, data, offset, length)) {
                continue;
            }
            if (policy == ParseErrorPolicy.NULL && declared.isNullable()) {
                consumer.consumeNull(row);
                nulled++;
            } else {
                throw new ValueConversionException(raw.key(row), name,
                        Arrays.copyOfRange(data, offset, offset + length), Consumers.describe(declared.getType()),
                        declared.isNullable() ? null : "the field is declared not nullable, so it cannot be nulled");
            }
        }
        vector.setValueCount(rows);
        return nulled;
    }

    private static void allocate(FieldVector vector, RawBatch raw, int field, int rows) {
        if (vector instanceof BaseVariableWidthVector variable) {
            variable.allocateNew(Math.max(1, totalValueBytes(raw, field, rows)), rows);
        } else {
            vector.setInitialCapacity(rows);
            vector.allocateNew();
        }
    }

    private static long totalValueBytes(RawBatch raw, int field, int rows) {
        long total = 0;
        for (int row = 0; row < rows; row++) {
            total += Math.max(0, raw.valueLength(row, field));
        }
        return total;
    }
}
