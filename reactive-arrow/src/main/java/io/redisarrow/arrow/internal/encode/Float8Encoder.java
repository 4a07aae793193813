package io.redisarrow.arrow.internal.encode;

import org.apache.arrow.vector.Float8Vector;

/**
 * Writes Float64 cells as the shortest decimal that parses back to the same double
 * ({@code 0.1}, {@code 1.0E23}, {@code 4.9E-324}, {@code -0.0}), laid out as
 * {@link Double#toString} lays it out; infinities and NaN as {@code inf}, {@code -inf} and
 * {@code nan}. NaN payloads are not kept: every NaN reads back as the canonical one. Makes a
 * String per value (see {@link ShortestDigits}).
 */
final class Float8Encoder extends VectorEncoder<Float8Vector> {

    private final ShortestDigits shortest = new ShortestDigits();

    private final byte[] scratch = new byte[FloatText.MAX_LENGTH];

    Float8Encoder(Float8Vector vector) {
        super(vector);
    }

    @Override
    Text text(int row, Text text) {
        double value = vector.get(row);
        if (FloatSpecials.isSpecial(value)) {
            return FloatSpecials.text(value, text);
        }
        shortest.ofDouble(Math.abs(value));
        int length = FloatText.write(value < 0, shortest.digits, shortest.exponent, scratch);
        return text.set(scratch, 0, length);
    }
}
