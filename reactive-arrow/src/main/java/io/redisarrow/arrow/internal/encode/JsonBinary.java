package io.redisarrow.arrow.internal.encode;

import org.apache.arrow.vector.VarBinaryVector;
import tools.jackson.core.JsonGenerator;

/**
 * Writes Binary cells as base64 strings (the standard alphabet, with padding, no line breaks), for
 * rows read by clients: JSON has no bytes.
 */
final class JsonBinary extends JsonNode {

    private final VarBinaryVector vector;

    private byte[] scratch = new byte[64];

    JsonBinary(VarBinaryVector vector) {
        super(vector);
        this.vector = vector;
    }

    @Override
    void write(JsonGenerator generator, int index) {
        int start = vector.getStartOffset(index);
        int length = vector.getEndOffset(index) - start;
        if (length > scratch.length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        vector.getDataBuffer().getBytes(start, scratch, 0, length);
        generator.writeBinary(scratch, 0, length);
    }
}
