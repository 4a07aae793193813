package io.redisarrow.benchmarks.jmh;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A batch of one column's raw values laid out as a fetched {@code RawBatch} holds them: every
 * value's bytes in one shared array, addressed by offset and length.
 */
final class ValueSlab {

    private final byte[] data;

    private final int[] offsets;

    private final int[] lengths;

    private ValueSlab(byte[] data, int[] offsets, int[] lengths) {
        this.data = data;
        this.offsets = offsets;
        this.lengths = lengths;
    }

    /**
     * @param decoderCase the type whose values to generate
     * @param rows number of values
     * @param seed seed of the generator; the same seed gives the same slab
     * @return the slab
     */
    static ValueSlab generate(DecoderCase decoderCase, int rows, long seed) {
        Random random = new Random(seed);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rows * 16);
        int[] offsets = new int[rows];
        int[] lengths = new int[rows];
        for (int row = 0; row < rows; row++) {
            byte[] value = decoderCase.value(random).getBytes(StandardCharsets.UTF_8);
            offsets[row] = bytes.size();
            lengths[row] = value.length;
            bytes.writeBytes(value);
        }
        return new ValueSlab(bytes.toByteArray(), offsets, lengths);
    }

    /** @return the shared array; not a copy */
    byte[] data() {
        return data;
    }

    /** @return where value {@code row} starts in {@link #data()} */
    int offset(int row) {
        return offsets[row];
    }

    /** @return the length in bytes of value {@code row} */
    int length(int row) {
        return lengths[row];
    }

    /** @return number of values */
    int rows() {
        return offsets.length;
    }

    /** @return the bytes of all values together */
    int totalBytes() {
        return data.length;
    }

    /** @return value {@code row} as text */
    String text(int row) {
        return new String(data, offsets[row], lengths[row], StandardCharsets.UTF_8);
    }
}
