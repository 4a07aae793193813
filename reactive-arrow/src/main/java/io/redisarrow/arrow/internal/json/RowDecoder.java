package io.redisarrow.arrow.internal.json;

import io.redisarrow.core.RawBatch;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Decodes one raw column, one parser per row, into the top-level writers of a decode call.
 * Subclasses read one row's input (a JSON text, or a reply to {@code JSON.GET}); this class opens
 * the parser, checks that nothing follows the value, and handles input that is not valid JSON or
 * nests too deep: under {@link io.redisarrow.arrow.ParseErrorPolicy#NULL} the row is rolled back
 * (every column of it set null, whatever it had written, and counted once per column) when every
 * column is nullable; otherwise a {@link io.redisarrow.arrow.ValueConversionException} with reason
 * {@code not valid JSON: ...} names the key, the column, where the parser was and the input.
 */
abstract class RowDecoder {

    final Cursor cursor;

    final ValueWriter[] columns;

    private final String[] names;

    private final int wrappingLevels;

    /** The column being read, or -1 between columns. */
    int current = -1;

    RowDecoder(Cursor cursor, ValueWriter[] columns, int wrappingLevels) {
        this.cursor = cursor;
        this.columns = columns;
        this.wrappingLevels = wrappingLevels;
        this.names = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            names[i] = columns[i].field.getName();
        }
    }

    /** Reads one row's input, the parser before its first token; must consume exactly one value. */
    abstract void read(JsonParser parser, int row);

    /** Writes a row whose raw value is missing. */
    abstract void missing(int row);

    /** @return values nulled by the policy */
    final long decode(RawBatch raw, int rawColumn) {
        int rows = raw.rowCount();
        byte[] data = raw.data();
        for (int row = 0; row < rows; row++) {
            int offset = raw.valueOffset(row, rawColumn);
            int length = raw.valueLength(row, rawColumn);
            cursor.row(row, offset, length);
            enter(-1, "$");
            if (length == RawBatch.MISSING) {
                missing(row);
                continue;
            }
            long nulledBefore = cursor.nulled;
            try (JsonParser parser = JsonParsers.open(data, offset, length, wrappingLevels)) {
                read(parser, row);
                if (parser.nextToken() != null) {
                    throw new MalformedJson("not valid JSON: more data after the value at byte "
                            + parser.currentTokenLocation().getByteOffset());
                }
            } catch (JacksonException | MalformedJson e) {
                cursor.nulled = nulledBefore;
                malformed(row, JsonParsers.reason(e));
            }
        }
        for (ValueWriter column : columns) {
            column.finish(rows);
        }
        return cursor.nulled;
    }

    /** Starts reading column {@code column} (-1: none) at the path {@code root}. */
    final void enter(int column, String root) {
        current = column;
        cursor.column(column >= 0 ? names[column] : names.length > 0 ? names[0] : "");
        cursor.path.reset(root);
    }

    /** @return a first token, or a clear failure where the input has none */
    static JsonToken first(JsonParser parser) {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new MalformedJson("not valid JSON: no value");
        }
        return token;
    }

    private void malformed(int row, String reason) {
        if (columns.length == 0) {
            return; // nothing was to be read from it
        }
        int column = current < 0 ? 0 : current;
        if (cursor.nullOnError) {
            for (int i = 0; i < columns.length; i++) {
                if (!columns[i].nullable) {
                    cursor.column(names[i]);
                    throw cursor.error(cursor.input(), columns[i].type(), reason + "; " + ValueWriter.NOT_NULLABLE);
                }
            }
            for (ValueWriter writer : columns) {
                writer.writeNull(row);
            }
            cursor.nulled += columns.length;
            return;
        }
        cursor.column(names[column]);
        throw cursor.error(cursor.input(), columns[column].type(), reason);
    }
}
