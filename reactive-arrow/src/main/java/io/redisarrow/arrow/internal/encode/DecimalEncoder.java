package io.redisarrow.arrow.internal.encode;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.DecimalVector;

import java.nio.ByteOrder;

/**
 * Writes Decimal cells as plain digits at the column's scale, never in exponent form: at scale 2,
 * {@code 123.45}, {@code -0.10} and {@code 0.00}; at scale 0, {@code 123}; at a negative scale
 * {@code -k}, the unscaled value followed by {@code k} zeros ({@code 12300} for 123 at scale -2).
 *
 * <p>The 128-bit unscaled value is read from the vector's buffer and turned into digits by
 * dividing its magnitude, held in four 32-bit limbs, by 10^9: no {@link java.math.BigDecimal}.
 */
final class DecimalEncoder extends VectorEncoder<DecimalVector> {

    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private static final long LIMB_MASK = 0xFFFF_FFFFL;

    private static final int CHUNK = 1_000_000_000;

    private static final int CHUNK_DIGITS = 9;

    /** 2^127 has 39 digits; rounded up to whole chunks. */
    private static final int MAX_DIGITS = 45;

    private final int scale;

    private final byte[] digits = new byte[MAX_DIGITS];

    /** The text: a sign, the digits, a point and the zeros a scale adds; grown for large scales. */
    private byte[] out = new byte[MAX_DIGITS + 3];

    DecimalEncoder(DecimalVector vector) {
        super(vector);
        this.scale = vector.getScale();
    }

    @Override
    Text text(int row, Text text) {
        ArrowBuf data = vector.getDataBuffer();
        long at = (long) row * DecimalVector.TYPE_WIDTH;
        long low = littleEndian(data.getLong(at));
        long high = littleEndian(data.getLong(at + Long.BYTES));
        boolean negative = high < 0;
        if (negative) {
            low = -low;
            high = ~high + (low == 0 ? 1 : 0);
        }
        int start = magnitudeDigits(high, low);
        int count = MAX_DIGITS - start;
        long longest = 3L + count + Math.abs((long) scale);
        if (longest > out.length) {
            out = new byte[(int) Math.min(Integer.MAX_VALUE - 8, longest)];
        }
        int i = 0;
        if (negative) {
            out[i++] = '-';
        }
        if (scale <= 0) {
            boolean zero = count == 1 && digits[start] == '0';
            i = copy(digits, start, count, i);
            i = zeros(zero ? 0 : -scale, i);
        } else if (count > scale) {
            i = copy(digits, start, count - scale, i);
            out[i++] = '.';
            i = copy(digits, start + count - scale, scale, i);
        } else {
            out[i++] = '0';
            out[i++] = '.';
            i = zeros(scale - count, i);
            i = copy(digits, start, count, i);
        }
        return text.set(out, 0, i);
    }

    /**
     * Writes the digits of the unsigned 128-bit {@code high:low} at the end of {@link #digits}.
     *
     * @return where they start
     */
    private int magnitudeDigits(long high, long low) {
        long limb3 = high >>> 32;
        long limb2 = high & LIMB_MASK;
        long limb1 = low >>> 32;
        long limb0 = low & LIMB_MASK;
        int end = MAX_DIGITS;
        do {
            // long division by 10^9, limb by limb from the top: remainder * 2^32 + limb < 10^9 * 2^32 < 2^63
            long rest = limb3 % CHUNK;
            limb3 /= CHUNK;
            long part = (rest << 32) | limb2;
            limb2 = part / CHUNK;
            rest = part % CHUNK;
            part = (rest << 32) | limb1;
            limb1 = part / CHUNK;
            rest = part % CHUNK;
            part = (rest << 32) | limb0;
            limb0 = part / CHUNK;
            rest = part % CHUNK;
            end = AsciiDigits.writePadded(rest, CHUNK_DIGITS, digits, end - CHUNK_DIGITS) - CHUNK_DIGITS;
        } while ((limb3 | limb2 | limb1 | limb0) != 0);
        while (end < MAX_DIGITS - 1 && digits[end] == '0') {
            end++;
        }
        return end;
    }

    private static long littleEndian(long raw) {
        return LITTLE_ENDIAN ? raw : Long.reverseBytes(raw);
    }

    private int copy(byte[] from, int start, int length, int at) {
        System.arraycopy(from, start, out, at, length);
        return at + length;
    }

    private int zeros(int count, int at) {
        int end = at + count;
        for (int i = at; i < end; i++) {
            out[i] = '0';
        }
        return end;
    }
}
