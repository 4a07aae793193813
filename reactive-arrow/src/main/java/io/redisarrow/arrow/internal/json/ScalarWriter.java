package io.redisarrow.arrow.internal.json;

import io.redisarrow.arrow.internal.consumer.ColumnConsumer;
import io.redisarrow.arrow.internal.consumer.Consumers;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a JSON scalar into a scalar vector through the same {@link ColumnConsumer} that decodes
 * hash values, so the parse rules are the same: the consumer is fed a string's unescaped UTF-8
 * text, a number's text exactly as written (never a double), or {@code true}/{@code false}. A
 * string holding a number is accepted by a numeric column, as a hash value would be. An object or
 * an array is a mismatch, except in a Utf8 or Binary column, which takes any value: objects and
 * arrays as their JSON text exactly as received (sliced from the input, not re-serialized).
 */
final class ScalarWriter extends ValueWriter {

    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] EMPTY = new byte[0];

    private final FieldVector vector;

    private final ColumnConsumer consumer;

    /** Set for vectors whose consumers write without growing them. */
    private final @Nullable BaseFixedWidthVector fixed;

    private final @Nullable BaseVariableWidthVector variable;

    private final boolean takesAnyValue;

    private int capacity;

    ScalarWriter(FieldVector vector, Cursor cursor) {
        super(vector.getField(), cursor);
        this.vector = vector;
        this.consumer = Consumers.create(vector);
        this.fixed = vector instanceof BaseFixedWidthVector f ? f : null;
        this.variable = vector instanceof BaseVariableWidthVector v ? v : null;
        ArrowType.ArrowTypeID type = field.getType().getTypeID();
        this.takesAnyValue = type == ArrowType.ArrowTypeID.Utf8 || type == ArrowType.ArrowTypeID.Binary;
        this.capacity = vector.getValueCapacity();
    }

    @Override
    void write(JsonParser parser, JsonToken token, int slot) {
        boolean written;
        switch (token) {
            case VALUE_STRING:
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: {
                Utf8Scratch text = cursor.text;
                int length = text.encode(parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength());
                written = consume(slot, text.bytes(), 0, length);
                break;
            }
            case VALUE_TRUE:
                written = consume(slot, TRUE, 0, TRUE.length);
                break;
            case VALUE_FALSE:
                written = consume(slot, FALSE, 0, FALSE.length);
                break;
            case VALUE_NULL:
                writeJsonNull(slot);
                return;
            default:
                if (!takesAnyValue) {
                    mismatch(parser, token, slot, token == JsonToken.START_OBJECT ? "a JSON object is not a scalar"
                            : "a JSON array is not a scalar");
                    return;
                }
                int start = (int) parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                int end = (int) parser.currentTokenLocation().getByteOffset() + 1;
                int from = cursor.valueOffset() + start;
                if (!consume(slot, cursor.data(), from, end - start)) {
                    rejected(slot, Arrays.copyOfRange(cursor.data(), from, from + end - start), null);
                }
                return;
        }
        if (!written) {
            mismatch(parser, token, slot, null);
        }
    }

    private boolean consume(int slot, byte[] data, int offset, int length) {
        if (slot >= capacity && fixed != null) {
            while (slot >= fixed.getValueCapacity()) {
                fixed.reAlloc();
            }
            capacity = fixed.getValueCapacity();
        }
        return consumer.consume(slot, data, offset, length);
    }

    @Override
    void writeNull(int slot) {
        if (variable != null) {
            // an empty value first, so a null holds no bytes, even one replacing a rolled-back value
            variable.setSafe(slot, EMPTY, 0, 0);
        }
        consumer.consumeNull(slot);
    }

    @Override
    void finish(int valueCount) {
        vector.setValueCount(valueCount);
    }
}
