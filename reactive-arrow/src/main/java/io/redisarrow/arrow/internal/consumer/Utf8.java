package io.redisarrow.arrow.internal.consumer;

/**
 * Checks that bytes are well-formed UTF-8 (no overlong forms, no surrogates, nothing above
 * U+10FFFF), with a fast loop over ASCII.
 */
final class Utf8 {

    private Utf8() {
    }

    static boolean isValid(byte[] data, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end && data[i] >= 0) {
            i++;
        }
        while (i < end) {
            int b = data[i] & 0xff;
            if (b < 0x80) {
                i++;
                continue;
            }
            int extra;
            int min;
            int code;
            if (b >= 0xc2 && b <= 0xdf) {
                extra = 1;
                min = 0x80;
                code = b & 0x1f;
            } else if (b >= 0xe0 && b <= 0xef) {
                extra = 2;
                min = 0x800;
                code = b & 0x0f;
            } else if (b >= 0xf0 && b <= 0xf4) {
                extra = 3;
                min = 0x10000;
                code = b & 0x07;
            } else {
                return false;
            }
            if (end - i <= extra) {
                return false;
            }
            for (int k = 1; k <= extra; k++) {
                int next = data[i + k] & 0xff;
                if ((next & 0xc0) != 0x80) {
                    return false;
                }
                code = (code << 6) | (next & 0x3f);
            }
            if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
                return false;
            }
            i += extra + 1;
        }
        return true;
    }
}
