package io.redisarrow.arrow.internal.encode;

/**
 * The text of one cell as an encoder made it: {@link #length()} bytes of {@link #bytes()} from
 * {@link #offset()}. A view into the encoder's scratch space (or a constant), valid until the
 * encoder's next call; never modify the bytes.
 */
public final class Text {

    private byte[] bytes = new byte[0];

    private int offset;

    private int length;

    Text() {
    }

    /** Points this view at a slice, and returns it. */
    Text set(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
        return this;
    }

    /** @return the array holding the text */
    public byte[] bytes() {
        return bytes;
    }

    /** @return where the text starts in {@link #bytes()} */
    public int offset() {
        return offset;
    }

    /** @return the text's length in bytes */
    public int length() {
        return length;
    }
}
