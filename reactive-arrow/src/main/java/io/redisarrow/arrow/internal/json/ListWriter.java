package io.redisarrow.arrow.internal.json;

import org.apache.arrow.vector.complex.ListVector;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Writes a JSON array into a List: each element through the element writer, appended to the
 * list's child vector (which grows as needed). Any value other than an array is a mismatch.
 */
final class ListWriter extends ValueWriter {

    private final ListVector vector;

    private final ValueWriter element;

    ListWriter(ListVector vector, ValueWriter element, Cursor cursor) {
        super(vector.getField(), cursor);
        this.vector = vector;
        this.element = element;
    }

    @Override
    void write(JsonParser parser, JsonToken token, int slot) {
        if (!opens(parser, token, slot, JsonToken.START_ARRAY, "a List reads a JSON array")) {
            return;
        }
        int start = vector.startNewValue(slot);
        int count = 0;
        PathStack path = cursor.path;
        path.pushElement();
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
            element.write(parser, next, start + count);
            path.index(++count); // where the parser looks next, should the input end there
        }
        path.pop();
        vector.endValue(slot, count);
    }

    @Override
    void writeNull(int slot) {
        // also ends the slot where it starts, dropping whatever a rolled-back write had appended
        vector.setNull(slot);
    }

    @Override
    void finish(int valueCount) {
        int elements = valueCount == 0 ? 0 : vector.getOffsetBuffer().getInt((long) valueCount * ListVector.OFFSET_WIDTH);
        element.finish(elements);
        vector.setLastSet(valueCount - 1);
        vector.setValueCount(valueCount);
    }
}
