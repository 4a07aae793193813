package io.redisarrow.arrow.internal.encode;

import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.MapVector;
import tools.jackson.core.JsonGenerator;

import java.nio.charset.StandardCharsets;

/**
 * Writes {@code Map<Utf8, T>} cells as JSON objects: a member per entry, in order, named by the
 * key; a null value as {@code null}. Each key becomes a String (the generator writes names only
 * from Strings), decoded from a reused scratch array.
 */
final class JsonMap extends JsonNode {

    private final MapVector vector;

    private final VarCharVector keys;

    private final JsonNode values;

    private byte[] scratch = new byte[64];

    JsonMap(MapVector vector, VarCharVector keys, JsonNode values) {
        super(vector);
        this.vector = vector;
        this.keys = keys;
        this.values = values;
    }

    @Override
    void write(JsonGenerator generator, int index) {
        generator.writeStartObject();
        int end = vector.getElementEndIndex(index);
        for (int entry = vector.getElementStartIndex(index); entry < end; entry++) {
            generator.writeName(key(entry));
            if (values.isNull(entry)) {
                generator.writeNull();
            } else {
                values.write(generator, entry);
            }
        }
        generator.writeEndObject();
    }

    private String key(int entry) {
        int start = keys.getStartOffset(entry);
        int length = keys.getEndOffset(entry) - start;
        if (length > scratch.length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        keys.getDataBuffer().getBytes(start, scratch, 0, length);
        return new String(scratch, 0, length, StandardCharsets.UTF_8);
    }
}
