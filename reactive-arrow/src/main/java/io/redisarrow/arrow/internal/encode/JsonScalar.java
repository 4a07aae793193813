package io.redisarrow.arrow.internal.encode;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import tools.jackson.core.JsonGenerator;

/**
 * Writes scalar cells as JSON from the text their hash encoder makes (so a JSON member reads back
 * as a hash field does): integers, finite floats and Decimals of precision up to
 * {@link #MAX_NUMBER_PRECISION} as numbers; NaN and the infinities as the strings {@code "nan"},
 * {@code "inf"}, {@code "-inf"}; wider Decimals, dates and timestamps as strings of their text;
 * Bool as {@code true}/{@code false}; Utf8 as strings, escaped by the generator from the bytes.
 */
final class JsonScalar extends JsonNode {

    /**
     * The most digits a Decimal may have to be written as a JSON number: RedisJSON holds numbers
     * as 64-bit floats, exact to 15 significant digits.
     */
    static final int MAX_NUMBER_PRECISION = 15;

    private enum Form { NUMBER, FLOAT, ASCII_STRING, UTF8_STRING, BOOLEAN }

    private final ValueEncoder text;

    private final Form form;

    /** The number's text as chars, which the generator's raw-number call takes. */
    private char[] chars = new char[64];

    JsonScalar(FieldVector vector) {
        super(vector);
        this.text = Encoders.create(vector);
        ArrowType type = vector.getField().getType();
        this.form = switch (type.getTypeID()) {
            case Int -> Form.NUMBER;
            case FloatingPoint -> Form.FLOAT;
            case Decimal -> ((ArrowType.Decimal) type).getPrecision() <= MAX_NUMBER_PRECISION ? Form.NUMBER
                    : Form.ASCII_STRING;
            case Bool -> Form.BOOLEAN;
            case Date, Timestamp -> Form.ASCII_STRING;
            case Utf8 -> Form.UTF8_STRING;
            default -> throw new IllegalArgumentException("no JSON form for " + vector.getField());
        };
    }

    @Override
    void write(JsonGenerator generator, int index) {
        Text cell = text.text(index);
        byte[] bytes = cell.bytes();
        int offset = cell.offset();
        int length = cell.length();
        switch (form) {
            case NUMBER -> number(generator, bytes, offset, length);
            case FLOAT -> {
                byte last = bytes[offset + length - 1];
                if (last == 'n' || last == 'f') {
                    // nan, inf, -inf: JSON has no such numbers
                    generator.writeRawUTF8String(bytes, offset, length);
                } else {
                    number(generator, bytes, offset, length);
                }
            }
            case ASCII_STRING -> generator.writeRawUTF8String(bytes, offset, length);
            case UTF8_STRING -> generator.writeUTF8String(bytes, offset, length);
            case BOOLEAN -> generator.writeBoolean(bytes[offset] == 't');
        }
    }

    private void number(JsonGenerator generator, byte[] bytes, int offset, int length) {
        if (length > chars.length) {
            chars = new char[Math.max(length, chars.length * 2)];
        }
        for (int i = 0; i < length; i++) {
            chars[i] = (char) bytes[offset + i];
        }
        generator.writeNumber(chars, 0, length);
    }
}
