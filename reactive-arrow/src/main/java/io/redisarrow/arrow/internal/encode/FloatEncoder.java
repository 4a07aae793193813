package io.redisarrow.arrow.internal.encode;

import org.apache.arrow.vector.FloatingPointVector;

/**
 * Writes Float32 and Float64 cells as the shortest decimal that reads back to the same value
 * ({@code 0.1}, {@code 1.0E23}, {@code 4.9E-324}; for Float32 the shortest that the scan side,
 * which parses a double and rounds it to float, reads back to the same float, such as
 * {@code 1.4E-45}), laid out as {@link Double#toString} lays it out; zeros with their sign,
 * infinities and NaN as {@code -0.0}, {@code inf}, {@code -inf} and {@code nan}. NaN payloads are
 * not kept: every NaN reads back as the canonical one. Makes a String per value (see
 * {@link ShortestDigits}).
 */
final class FloatEncoder extends VectorEncoder<FloatingPointVector> {

    private final boolean single;

    private final ShortestDigits shortest = new ShortestDigits();

    private final byte[] scratch = new byte[FloatText.MAX_LENGTH];

    /**
     * @param vector a Float32 or Float64 vector
     * @param single whether it is Float32, whose values are written as floats
     */
    FloatEncoder(FloatingPointVector vector, boolean single) {
        super(vector);
        this.single = single;
    }

    @Override
    Text text(int row, Text text) {
        // a float widened to a double is exact, so its sign, zeros and specials read the same
        double value = vector.getValueAsDouble(row);
        if (FloatSpecials.isSpecial(value)) {
            return FloatSpecials.text(value, text);
        }
        if (single) {
            shortest.ofFloat((float) Math.abs(value));
        } else {
            shortest.ofDouble(Math.abs(value));
        }
        int length = FloatText.write(value < 0, shortest.digits, shortest.exponent, scratch);
        return text.set(scratch, 0, length);
    }
}
