package io.redisarrow.arrow.internal.json;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.util.Map;

/**
 * Rows whose raw value is the reply to {@code JSON.GET key $}, {@code [doc]}: column {@code i}
 * reads the document's top-level member named like its field, at path {@code $.name}. Members no
 * column reads are skipped undecoded; of repeated members the first wins; a column whose member
 * is absent is null. A document that is not an object, or a missing one, makes every column null.
 * A null that a field declared not nullable cannot take is an error whatever the policy.
 */
final class MemberRows extends RowDecoder {

    private final Map<String, Integer> columnsByName;

    private final int[] writtenIn;

    private int reply;

    MemberRows(Cursor cursor, ValueWriter[] columns, Map<String, Integer> columnsByName) {
        super(cursor, columns, 1);
        this.columnsByName = columnsByName;
        this.writtenIn = new int[columns.length];
    }

    @Override
    void read(JsonParser parser, int row) {
        if (first(parser) != JsonToken.START_ARRAY) {
            throw new MalformedJson("not a reply to JSON.GET key $, which is [document]");
        }
        JsonToken document = parser.nextToken();
        if (document == JsonToken.START_OBJECT) {
            members(parser, row);
        } else if (document == JsonToken.END_ARRAY) {
            absent(row, null, "the key has no document");
            return;
        } else {
            absent(row, parser, "the document is not a JSON object");
        }
        if (parser.nextToken() != JsonToken.END_ARRAY) {
            throw new MalformedJson("not a reply to JSON.GET key $, which is [document]: more than one document");
        }
    }

    private void members(JsonParser parser, int row) {
        int current = ++reply;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            Integer column = columnsByName.get(name);
            if (column == null || writtenIn[column] == current) {
                enter(-1, "$");
                if (parser.nextToken().isStructStart()) {
                    parser.skipChildren();
                }
                continue;
            }
            writtenIn[column] = current;
            enter(column, "$");
            cursor.path.pushMember();
            cursor.path.name(name);
            columns[column].write(parser, parser.nextToken(), row);
        }
        enter(-1, "$");
        for (int column = 0; column < columns.length; column++) {
            if (writtenIn[column] != current) {
                nullOrFail(column, row, Cursor.NO_VALUE, "the member is missing");
            }
        }
    }

    /** Every column null, for a document that has no members to read ({@code parser} on it, or null). */
    private void absent(int row, @Nullable JsonParser parser, String why) {
        byte[] text = Cursor.NO_VALUE;
        for (int column = 0; column < columns.length; column++) {
            if (!columns[column].nullable) {
                if (parser != null) {
                    text = cursor.valueText(parser, parser.currentToken());
                }
                nullOrFail(column, row, text, why);
            }
        }
        if (parser != null && parser.currentToken().isStructStart()) {
            parser.skipChildren();
        }
        for (ValueWriter column : columns) {
            column.writeNull(row);
        }
    }

    @Override
    void missing(int row) {
        for (int column = 0; column < columns.length; column++) {
            nullOrFail(column, row, Cursor.NO_VALUE, "the key has no document");
        }
    }

    private void nullOrFail(int column, int row, byte[] value, String why) {
        ValueWriter writer = columns[column];
        if (!writer.nullable) {
            enter(column, "$");
            throw cursor.errorAt(cursor.path.render(writer.field.getName()), value, writer.type(),
                    why + " but the field is declared not nullable");
        }
        writer.writeNull(row);
    }
}
