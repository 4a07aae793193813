package io.redisarrow.arrow.internal.json;

import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.util.Arrays;

/**
 * Writes a JSON object into a {@code Map<Utf8, T>}: one entry per member, in order, keyed by the
 * member name (repeated names make repeated entries), its value through the value writer. Any
 * value other than an object is a mismatch, and so is an object with a member name that is not
 * valid Unicode (a lone surrogate escape), which a Utf8 key cannot hold.
 */
final class MapWriter extends ValueWriter {

    private final MapVector vector;

    private final StructVector entries;

    private final VarCharVector keys;

    private final ValueWriter values;

    MapWriter(MapVector vector, VarCharVector keys, ValueWriter values, Cursor cursor) {
        super(vector.getField(), cursor);
        this.vector = vector;
        this.entries = (StructVector) vector.getDataVector();
        this.keys = keys;
        this.values = values;
    }

    @Override
    void write(JsonParser parser, JsonToken token, int slot) {
        if (!opens(parser, token, slot, JsonToken.START_OBJECT, "a Map reads a JSON object")) {
            return;
        }
        int start = vector.startNewValue(slot);
        int count = 0;
        PathStack path = cursor.path;
        Utf8Scratch text = cursor.text;
        path.pushMember();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            int length = text.encode(parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength());
            if (!text.wellFormed()) {
                byte[] name = Arrays.copyOf(text.bytes(), length);
                skipRest(parser);
                path.pop();
                vector.setNull(slot);
                rejected(slot, name, "a member name is not valid Unicode, so it cannot be a Utf8 key");
                return;
            }
            int entry = start + count;
            keys.setSafe(entry, text.bytes(), 0, length);
            path.name(parser.currentName());
            values.write(parser, parser.nextToken(), entry);
            entries.setIndexDefined(entry);
            count++;
        }
        path.pop();
        vector.endValue(slot, count);
    }

    /** Skips the rest of an object, the parser being on one of its member names. */
    private static void skipRest(JsonParser parser) {
        do {
            if (parser.nextToken().isStructStart()) {
                parser.skipChildren();
            }
        } while (parser.nextToken() == JsonToken.PROPERTY_NAME);
    }

    @Override
    void writeNull(int slot) {
        vector.setNull(slot);
    }

    @Override
    void finish(int valueCount) {
        int count = valueCount == 0 ? 0 : vector.getOffsetBuffer().getInt((long) valueCount * MapVector.OFFSET_WIDTH);
        keys.setValueCount(count);
        values.finish(count);
        entries.setValueCount(count);
        vector.setLastSet(valueCount - 1);
        vector.setValueCount(valueCount);
    }
}
