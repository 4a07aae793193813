package io.redisarrow.core.internal.command;

import io.netty.buffer.ByteBuf;
import io.redisarrow.core.internal.resp.RespWriter;

/**
 * Encodes the per-key commands every data type shares: TTL (asked in the same round trip as the
 * values) and EXISTS (to tell a missing key from one whose asked fields are all missing).
 */
public final class KeyCommands {

    private static final byte[] TTL = RespWriter.bulk("TTL");

    private static final byte[] EXISTS = RespWriter.bulk("EXISTS");

    private KeyCommands() {
    }

    /** Writes {@code TTL key}. */
    public static void ttl(ByteBuf out, byte[] key) {
        RespWriter.arrayHeader(out, 2);
        out.writeBytes(TTL);
        RespWriter.bulk(out, key);
    }

    /** Writes {@code EXISTS key}. */
    public static void exists(ByteBuf out, byte[] key) {
        RespWriter.arrayHeader(out, 2);
        out.writeBytes(EXISTS);
        RespWriter.bulk(out, key);
    }
}
