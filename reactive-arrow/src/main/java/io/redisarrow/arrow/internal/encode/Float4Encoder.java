package io.redisarrow.arrow.internal.encode;

import org.apache.arrow.vector.Float4Vector;

/**
 * Writes Float32 cells as the shortest decimal that the scan side reads back to the same float
 * (it parses a double and rounds that to float): {@code 0.1}, {@code 1.4E-45}, {@code -0.0},
 * laid out as {@link Double#toString} lays it out; infinities and NaN as {@code inf},
 * {@code -inf} and {@code nan}. NaN payloads are not kept: every NaN reads back as the canonical
 * one. Makes a String per value (see {@link ShortestDigits}).
 */
final class Float4Encoder extends VectorEncoder<Float4Vector> {

    private final ShortestDigits shortest = new ShortestDigits();

    private final byte[] scratch = new byte[FloatText.MAX_LENGTH];

    Float4Encoder(Float4Vector vector) {
        super(vector);
    }

    @Override
    Text text(int row, Text text) {
        float value = vector.get(row);
        if (FloatSpecials.isSpecial(value)) {
            return FloatSpecials.text(value, text);
        }
        shortest.ofFloat(Math.abs(value));
        int length = FloatText.write(value < 0, shortest.digits, shortest.exponent, scratch);
        return text.set(scratch, 0, length);
    }
}
