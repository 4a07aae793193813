package io.redisarrow.core.internal.resp;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * Encodes commands as RESP arrays of bulk strings into one buffer, so a whole batch goes out with
 * one write and one flush.
 */
public final class RespWriter {

    private static final byte[] CRLF = { '\r', '\n' };

    private RespWriter() {
    }

    /** @return the bytes of a command name or argument, to encode once and reuse */
    public static byte[] bulk(String text) {
        return bulk(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @return {@code $<length>\r\n<bytes>\r\n} */
    public static byte[] bulk(byte[] bytes) {
        byte[] header = ("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[header.length + bytes.length + 2];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(bytes, 0, out, header.length, bytes.length);
        out[out.length - 2] = '\r';
        out[out.length - 1] = '\n';
        return out;
    }

    /** Writes {@code *<count>\r\n}. */
    public static void arrayHeader(ByteBuf out, int count) {
        out.writeByte('*');
        writeDecimal(out, count);
        out.writeBytes(CRLF);
    }

    /** Writes a bulk string. */
    public static void bulk(ByteBuf out, byte[] bytes) {
        out.writeByte('$');
        writeDecimal(out, bytes.length);
        out.writeBytes(CRLF);
        out.writeBytes(bytes);
        out.writeBytes(CRLF);
    }

    private static void writeDecimal(ByteBuf out, int value) {
        if (value < 10) {
            out.writeByte('0' + value);
            return;
        }
        out.writeCharSequence(Integer.toString(value), StandardCharsets.US_ASCII);
    }
}
