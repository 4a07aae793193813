package io.redisarrow.arrow.internal.encode;

import io.redisarrow.arrow.internal.json.JsonTypes;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * One JSON value at a time, written by a Jackson generator into a byte array reused for every
 * value: {@link #begin()}, the value through {@link #generator()}, then {@link #end(Text)} for its
 * text. Values are written one after the other at the generator's root, with no separator between
 * them. The generator is never closed: it holds no resource, only its buffers.
 */
final class JsonOutput extends OutputStream {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .rootValueSeparator((String) null)
            .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
            .streamWriteConstraints(StreamWriteConstraints.builder()
                    .maxNestingDepth(JsonTypes.MAX_DEPTH).build())
            .build();

    private final JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), this);

    private byte[] bytes = new byte[256];

    private int length;

    /** Starts a value: what was written before is dropped. */
    void begin() {
        length = 0;
    }

    /** @return the generator to write the value with */
    JsonGenerator generator() {
        return generator;
    }

    /**
     * Ends the value.
     *
     * @param text the view to point at its text
     * @return {@code text}, valid until the next {@link #begin()}
     */
    Text end(Text text) {
        generator.flush();
        return text.set(bytes, 0, length);
    }

    @Override
    public void write(int b) {
        reserve(1);
        bytes[length++] = (byte) b;
    }

    @Override
    public void write(byte[] from, int offset, int count) {
        reserve(count);
        System.arraycopy(from, offset, bytes, length, count);
        length += count;
    }

    private void reserve(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length * 2));
        }
    }
}
