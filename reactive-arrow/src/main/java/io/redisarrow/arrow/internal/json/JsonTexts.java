package io.redisarrow.arrow.internal.json;

import io.redisarrow.arrow.ParseErrorPolicy;
import io.redisarrow.arrow.ValueConversionException;
import io.redisarrow.core.RawBatch;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Decodes raw values that each hold one JSON text ("JSON held in strings": a hash field or a
 * string value) into a vector of any type {@link JsonTypes} supports, typically a Struct, List or
 * Map. The rules per type are those of {@link JsonTypes}; paths in messages start at {@code $},
 * the text's root.
 *
 * <ul>
 * <li>A missing raw value is null (an error if the field is not nullable).</li>
 * <li>A text that is not valid JSON, is empty, has anything but whitespace after its value, or
 *     nests deeper than {@link JsonTypes#MAX_DEPTH}: under {@link ParseErrorPolicy#NULL} the row's
 *     value is null and counted (whatever was written of it is rolled back), otherwise a
 *     {@link ValueConversionException} with reason {@code not valid JSON: ...}.</li>
 * </ul>
 */
public final class JsonTexts {

    private JsonTexts() {
    }

    /**
     * Each raw value of column {@code rawColumn} is one JSON text decoded into {@code vector};
     * a missing value is null (an error if the field is not nullable).
     *
     * @param raw the raw values
     * @param rawColumn the raw column to read
     * @param field the field {@code vector} was created from
     * @param vector freshly created and not yet allocated: this call allocates it for
     *        {@code raw.rowCount()} rows, fills it and sets its value count
     * @param policy what a value that does not convert becomes
     * @return how many values were set null by {@link ParseErrorPolicy#NULL}
     * @throws ValueConversionException when a value does not convert and cannot be nulled
     * @throws io.redisarrow.arrow.UnsupportedArrowTypeException when the field's type cannot be decoded from JSON
     */
    public static long decodeColumn(RawBatch raw, int rawColumn, Field field, FieldVector vector, ParseErrorPolicy policy) {
        JsonTypes.checkSupported(field);
        int rows = raw.rowCount();
        if (vector instanceof BaseVariableWidthVector variable) {
            long bytes = 0;
            for (int row = 0; row < rows; row++) {
                bytes += Math.max(0, raw.valueLength(row, rawColumn));
            }
            variable.allocateNew(Math.max(1, bytes), Math.max(1, rows));
        } else {
            Writers.allocate(vector, rows);
        }
        Cursor cursor = new Cursor(raw, policy);
        return new TextRows(cursor, Writers.create(vector, cursor)).decode(raw, rawColumn);
    }
}
