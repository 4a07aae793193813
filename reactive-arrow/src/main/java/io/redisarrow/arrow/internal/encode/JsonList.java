package io.redisarrow.arrow.internal.encode;

import org.apache.arrow.vector.complex.ListVector;
import tools.jackson.core.JsonGenerator;

/**
 * Writes List cells as JSON arrays, a null element as {@code null}.
 */
final class JsonList extends JsonNode {

    private final ListVector vector;

    private final JsonNode elements;

    JsonList(ListVector vector, JsonNode elements) {
        super(vector);
        this.vector = vector;
        this.elements = elements;
    }

    @Override
    void write(JsonGenerator generator, int index) {
        generator.writeStartArray();
        int end = vector.getElementEndIndex(index);
        for (int element = vector.getElementStartIndex(index); element < end; element++) {
            if (elements.isNull(element)) {
                generator.writeNull();
            } else {
                elements.write(generator, element);
            }
        }
        generator.writeEndArray();
    }
}
