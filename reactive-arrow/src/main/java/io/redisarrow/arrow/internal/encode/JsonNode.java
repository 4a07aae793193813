package io.redisarrow.arrow.internal.encode;

import org.apache.arrow.vector.ValueVector;
import tools.jackson.core.JsonGenerator;

/**
 * Writes the values of one vector of a schema's tree (a column, or a Struct's child, a List's
 * elements, a Map's values) as JSON values through a generator; made by {@link JsonEncoders}.
 */
abstract class JsonNode {

    private final ValueVector vector;

    JsonNode(ValueVector vector) {
        this.vector = vector;
    }

    /** @return whether slot {@code index} of the vector is null */
    final boolean isNull(int index) {
        return vector.isNull(index);
    }

    /**
     * Writes slot {@code index}, known not to be null, as one JSON value.
     *
     * @param generator where to write it
     * @param index the slot
     */
    abstract void write(JsonGenerator generator, int index);
}
