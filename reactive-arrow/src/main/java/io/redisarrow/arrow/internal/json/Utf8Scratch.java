package io.redisarrow.arrow.internal.json;

/**
 * A reusable byte array that holds one value's text as UTF-8 at a time: a string as the parser
 * unescaped it, or a number's ASCII text. One per decode call, so the hot path allocates nothing
 * once the array has grown to the longest value.
 */
final class Utf8Scratch {

    private byte[] bytes = new byte[64];

    private boolean wellFormed;

    /** @return the array the last {@link #encode} wrote, from index 0 */
    byte[] bytes() {
        return bytes;
    }

    /**
     * Encodes UTF-16 chars as UTF-8. A lone surrogate (possible through a {@code \\uD83D} escape)
     * is written as its own three bytes, which are not valid UTF-8, so a Utf8 column rejects it.
     *
     * @return the number of bytes written
     */
    int encode(char[] chars, int offset, int length) {
        long needed = length * 3L;
        if (bytes.length < needed) {
            bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, bytes.length * 2L))];
        }
        byte[] out = bytes;
        boolean valid = true;
        int n = 0;
        int i = offset;
        int end = offset + length;
        while (i < end && chars[i] < 0x80) {
            out[n++] = (byte) chars[i++];
        }
        while (i < end) {
            char c = chars[i++];
            if (c < 0x80) {
                out[n++] = (byte) c;
            } else if (c < 0x800) {
                out[n++] = (byte) (0xc0 | (c >> 6));
                out[n++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i < end && Character.isLowSurrogate(chars[i])) {
                int code = Character.toCodePoint(c, chars[i++]);
                out[n++] = (byte) (0xf0 | (code >> 18));
                out[n++] = (byte) (0x80 | ((code >> 12) & 0x3f));
                out[n++] = (byte) (0x80 | ((code >> 6) & 0x3f));
                out[n++] = (byte) (0x80 | (code & 0x3f));
            } else {
                valid &= !Character.isSurrogate(c);
                out[n++] = (byte) (0xe0 | (c >> 12));
                out[n++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                out[n++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        wellFormed = valid;
        return n;
    }

    /** @return whether the last {@link #encode} met no lone surrogate, so its bytes are valid UTF-8 */
    boolean wellFormed() {
        return wellFormed;
    }
}
