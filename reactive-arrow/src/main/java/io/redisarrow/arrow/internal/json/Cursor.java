package io.redisarrow.arrow.internal.json;

import io.redisarrow.arrow.ParseErrorPolicy;
import io.redisarrow.arrow.ValueConversionException;
import io.redisarrow.core.RawBatch;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The state of one decode call, shared by its writers: the batch and the value being read, the
 * column and the path within the document (for messages), the parse-error policy, the count of
 * values nulled by it, and the scratch space for value text. Made per call, used by one thread.
 */
final class Cursor {

    static final byte[] NO_VALUE = new byte[0];

    static final byte[] NULL_TEXT = "null".getBytes(StandardCharsets.US_ASCII);

    final boolean nullOnError;

    final PathStack path = new PathStack();

    final Utf8Scratch text = new Utf8Scratch();

    /** Values set null by {@link ParseErrorPolicy#NULL} so far. */
    long nulled;

    private final RawBatch raw;

    private final byte[] data;

    private int row;

    private int valueOffset;

    private int valueLength;

    private String column = "";

    Cursor(RawBatch raw, ParseErrorPolicy policy) {
        this.raw = raw;
        this.data = raw.data();
        this.nullOnError = policy == ParseErrorPolicy.NULL;
    }

    /** Moves to the value of {@code row} at {@code offset} (the value's bytes in {@link #data()}). */
    void row(int row, int offset, int length) {
        this.row = row;
        this.valueOffset = offset;
        this.valueLength = length;
    }

    /** Names the column being written, for messages. */
    void column(String name) {
        this.column = name;
    }

    byte[] data() {
        return data;
    }

    /** @return where the value being read starts in {@link #data()}: token locations count from here */
    int valueOffset() {
        return valueOffset;
    }

    /** @return a copy of the whole value being read */
    byte[] input() {
        return valueLength < 0 ? NO_VALUE : Arrays.copyOfRange(data, valueOffset, valueOffset + valueLength);
    }

    /**
     * The JSON text of the value at the parser's current token, sliced from the input as received.
     * For an object or array, skips its children (the parser is left on its last token).
     */
    byte[] valueText(JsonParser parser, JsonToken token) {
        switch (token) {
            case START_OBJECT:
            case START_ARRAY: {
                int start = (int) parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                int end = (int) parser.currentTokenLocation().getByteOffset() + 1;
                return Arrays.copyOfRange(data, valueOffset + start, valueOffset + end);
            }
            case VALUE_STRING: {
                int start = (int) parser.currentTokenLocation().getByteOffset();
                parser.finishToken();
                int end = (int) parser.currentLocation().getByteOffset();
                return Arrays.copyOfRange(data, valueOffset + start, valueOffset + end);
            }
            case VALUE_NULL:
                return NULL_TEXT.clone();
            default: {
                // numbers, true, false: the token text is the input text
                int length = text.encode(parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength());
                return Arrays.copyOf(text.bytes(), length);
            }
        }
    }

    /** @return an error about a value at the current path of the current column */
    ValueConversionException error(byte[] value, String arrowType, @Nullable String reason) {
        return errorAt(path.render(), value, arrowType, reason);
    }

    /** @return an error about a value at {@code at} in the current column */
    ValueConversionException errorAt(String at, byte[] value, String arrowType, @Nullable String reason) {
        return new ValueConversionException(raw.key(row), column, at, value, arrowType, reason);
    }
}
