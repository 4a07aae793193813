package io.redisarrow.arrow.internal.write;

import java.util.Arrays;

/**
 * A key being built, in a scratch array reused for every row: {@link #length()} bytes of
 * {@link #bytes()}.
 */
final class KeyBytes {

    private byte[] bytes = new byte[64];

    private int length;

    void clear() {
        length = 0;
    }

    /** Makes room for {@code more} bytes and returns the array to write them at {@link #length()}. */
    byte[] reserve(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length * 2));
        }
        return bytes;
    }

    void append(byte[] from, int offset, int count) {
        reserve(count);
        System.arraycopy(from, offset, bytes, length, count);
        length += count;
    }

    void grow(int count) {
        length += count;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }
}
