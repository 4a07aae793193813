package io.redisarrow.arrow.internal.encode;

import org.apache.arrow.vector.complex.StructVector;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;

import java.util.List;

/**
 * Writes Struct cells as JSON objects: one member per child, in the children's order, named by
 * the child; a null child is left out (it reads back as null).
 */
final class JsonStruct extends JsonNode {

    private final JsonNode[] children;

    private final SerializableString[] names;

    JsonStruct(StructVector vector, List<JsonNode> children, List<SerializableString> names) {
        super(vector);
        this.children = children.toArray(new JsonNode[0]);
        this.names = names.toArray(new SerializableString[0]);
    }

    @Override
    void write(JsonGenerator generator, int index) {
        generator.writeStartObject();
        for (int i = 0; i < children.length; i++) {
            if (!children[i].isNull(index)) {
                generator.writeName(names[i]);
                children[i].write(generator, index);
            }
        }
        generator.writeEndObject();
    }
}
