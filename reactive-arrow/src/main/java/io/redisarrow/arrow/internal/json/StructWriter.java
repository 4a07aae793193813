package io.redisarrow.arrow.internal.json;

import org.apache.arrow.vector.complex.StructVector;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a JSON object into a Struct: each child reads the member of its name. Members the struct
 * does not declare are skipped without being decoded; a child whose member is absent is null (an
 * error if the child is not nullable); when an object repeats a member name, the first one wins
 * and the later ones are skipped. Any value other than an object is a mismatch.
 */
final class StructWriter extends ValueWriter {

    private final StructVector vector;

    private final ValueWriter[] children;

    private final String[] names;

    private final Map<String, Integer> index = new HashMap<>();

    /** The parser's own instance of each child's name, last seen: member names are canonical, so identity matches. */
    private final @Nullable String[] seenNames;

    /** The object in which each child was last written, to tell repeated members and absent ones. */
    private final int[] writtenIn;

    private int object;

    StructWriter(StructVector vector, List<ValueWriter> children, Cursor cursor) {
        super(vector.getField(), cursor);
        this.vector = vector;
        this.children = children.toArray(new ValueWriter[0]);
        this.names = new String[this.children.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = this.children[i].field.getName();
            index.putIfAbsent(names[i], i);
        }
        this.seenNames = new String[names.length];
        this.writtenIn = new int[names.length];
    }

    @Override
    void write(JsonParser parser, JsonToken token, int slot) {
        if (!opens(parser, token, slot, JsonToken.START_OBJECT, "a Struct reads a JSON object")) {
            return;
        }
        int current = ++object;
        PathStack path = cursor.path;
        path.pushMember();
        int expected = 0;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            int child = find(name, expected);
            path.name(name);
            JsonToken value = parser.nextToken();
            if (child < 0 || writtenIn[child] == current) {
                if (value.isStructStart()) {
                    parser.skipChildren();
                }
                continue;
            }
            writtenIn[child] = current;
            expected = child + 1;
            children[child].write(parser, value, slot);
        }
        path.pop();
        for (int child = 0; child < children.length; child++) {
            if (writtenIn[child] != current) {
                ValueWriter writer = children[child];
                if (!writer.nullable) {
                    throw cursor.errorAt(path.render(names[child]), Cursor.NO_VALUE, writer.type(),
                            "the member is missing but the field is declared not nullable");
                }
                writer.writeNull(slot);
            }
        }
        vector.setIndexDefined(slot);
    }

    /** @return the child named {@code name}, trying first the one after the last found, or -1 */
    private int find(String name, int expected) {
        if (expected < seenNames.length && seenNames[expected] == name) {
            return expected;
        }
        Integer child = index.get(name);
        if (child == null) {
            return -1;
        }
        seenNames[child] = name;
        return child;
    }

    @Override
    void writeNull(int slot) {
        vector.setNull(slot);
        for (ValueWriter child : children) {
            child.writeNull(slot);
        }
    }

    @Override
    void finish(int valueCount) {
        for (ValueWriter child : children) {
            child.finish(valueCount);
        }
        vector.setValueCount(valueCount);
    }
}
