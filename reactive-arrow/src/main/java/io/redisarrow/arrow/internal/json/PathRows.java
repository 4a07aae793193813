package io.redisarrow.arrow.internal.json;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.util.Arrays;
import java.util.Map;

/**
 * Rows whose raw value is the reply to {@code JSON.GET key p1 .. pn}: with one path, the array of
 * its matches, {@code [m1, m2, ...]}; with more, an object of such arrays keyed by the paths as
 * sent, {@code {"p1": [...], "p2": [...]}} (of repeated keys the first wins). Column {@code i}
 * reads the matches of path {@code i}:
 *
 * <ul>
 * <li>a definite path (see {@link JsonTypes#isDefinitePath}): no match is null, one match is the
 *     value (into a List column it must be an array: the list itself);</li>
 * <li>an indefinite path into a List column: the list of all matches (none: an empty list); its
 *     elements' paths read {@code ($..price)[2]};</li>
 * <li>an indefinite path into any other column: no match is null, one match is the value, more
 *     are a mismatch ({@code matches N values; declare the column a List}), nulled under
 *     {@link io.redisarrow.arrow.ParseErrorPolicy#NULL} when the field is nullable.</li>
 * </ul>
 *
 * <p>No match for a field declared not nullable is an error whatever the policy.
 */
final class PathRows extends RowDecoder {

    private final String[] paths;

    private final String[] matchRoots;

    private final boolean[] definite;

    private final @Nullable Map<String, Integer> columnsByPath;

    private final int[] writtenIn;

    private int reply;

    /** @param columnsByPath the column of each path, for two or more paths; null for one */
    PathRows(Cursor cursor, ValueWriter[] columns, String[] paths, boolean[] definite,
            @Nullable Map<String, Integer> columnsByPath) {
        super(cursor, columns, columnsByPath == null ? 1 : 2);
        this.paths = paths;
        this.definite = definite;
        this.columnsByPath = columnsByPath;
        this.writtenIn = new int[columns.length];
        this.matchRoots = new String[paths.length];
        for (int i = 0; i < paths.length; i++) {
            matchRoots[i] = "(" + paths[i] + ")";
        }
    }

    @Override
    void read(JsonParser parser, int row) {
        Map<String, Integer> byPath = columnsByPath;
        if (byPath == null) {
            if (first(parser) != JsonToken.START_ARRAY) {
                throw new MalformedJson("not a reply to JSON.GET key path, which is [matches]");
            }
            matches(0, parser, row);
            return;
        }
        if (first(parser) != JsonToken.START_OBJECT) {
            throw new MalformedJson("not a reply to JSON.GET key path path..., which is {\"path\": [matches], ...}");
        }
        int current = ++reply;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            Integer column = byPath.get(parser.currentName());
            JsonToken value = parser.nextToken();
            if (column == null || writtenIn[column] == current) {
                if (value.isStructStart()) {
                    parser.skipChildren();
                }
                continue;
            }
            if (value != JsonToken.START_ARRAY) {
                throw new MalformedJson("not a reply to JSON.GET key path path...: the matches of "
                        + paths[column] + " are not an array");
            }
            writtenIn[column] = current;
            matches(column, parser, row);
        }
        for (int column = 0; column < columns.length; column++) {
            if (writtenIn[column] != current) {
                none(column, row);
            }
        }
    }

    /** Reads the matches of one path, the parser on their array's start. */
    private void matches(int column, JsonParser parser, int row) {
        ValueWriter writer = columns[column];
        if (!definite[column] && writer instanceof ListWriter) {
            enter(column, matchRoots[column]);
            writer.write(parser, JsonToken.START_ARRAY, row);
            enter(-1, "$");
            return;
        }
        int start = definite[column] ? -1 : (int) parser.currentTokenLocation().getByteOffset();
        JsonToken match = parser.nextToken();
        if (match == JsonToken.END_ARRAY) {
            none(column, row);
            return;
        }
        enter(column, paths[column]);
        long nulledBefore = cursor.nulled;
        writer.write(parser, match, row);
        JsonToken next = parser.nextToken();
        if (next != JsonToken.END_ARRAY) {
            int count = 1;
            do {
                count++;
                if (next.isStructStart()) {
                    parser.skipChildren();
                }
            } while ((next = parser.nextToken()) != JsonToken.END_ARRAY);
            cursor.nulled = nulledBefore;
            writer.writeNull(row);
            byte[] text = Cursor.NO_VALUE;
            if (start >= 0) {
                int from = cursor.valueOffset() + start;
                int to = cursor.valueOffset() + (int) parser.currentTokenLocation().getByteOffset() + 1;
                text = Arrays.copyOfRange(cursor.data(), from, to);
            }
            cursor.path.reset(paths[column]);
            writer.rejected(row, text, paths[column] + " matches " + count + " values; declare the column a List");
        }
        enter(-1, "$");
    }

    private void none(int column, int row) {
        ValueWriter writer = columns[column];
        if (!writer.nullable) {
            enter(column, paths[column]);
            throw cursor.error(Cursor.NO_VALUE, writer.type(), "the path matches no value but the field is declared not nullable");
        }
        writer.writeNull(row);
    }

    @Override
    void missing(int row) {
        for (int column = 0; column < columns.length; column++) {
            none(column, row);
        }
    }
}
