package io.redisarrow.arrow.internal.json;

import tools.jackson.core.JsonParser;

/**
 * Rows whose raw value is one JSON text (a hash field or a string value) for one column; the
 * value's path is {@code $}. A missing value is null, or an error if the column is not nullable.
 */
final class TextRows extends RowDecoder {

    TextRows(Cursor cursor, ValueWriter column) {
        super(cursor, new ValueWriter[] { column }, 0);
    }

    @Override
    void read(JsonParser parser, int row) {
        enter(0, "$");
        columns[0].write(parser, first(parser), row);
    }

    @Override
    void missing(int row) {
        enter(0, "$");
        ValueWriter column = columns[0];
        if (!column.nullable) {
            throw cursor.error(Cursor.NO_VALUE, column.type(), "the field is missing but declared not nullable");
        }
        column.writeNull(row);
    }
}
