package io.redisarrow.core.internal.command;

import io.netty.buffer.ByteBuf;
import io.redisarrow.core.internal.resp.RespWriter;

import java.util.List;

/**
 * Encodes the string reads: {@code MGET key...} for a whole batch, or {@code GET key} per key.
 */
public final class StringCommands {

    private static final byte[] GET = RespWriter.bulk("GET");

    private static final byte[] MGET = RespWriter.bulk("MGET");

    private StringCommands() {
    }

    /** Writes {@code GET key}. */
    public static void get(ByteBuf out, byte[] key) {
        RespWriter.arrayHeader(out, 2);
        out.writeBytes(GET);
        RespWriter.bulk(out, key);
    }

    /**
     * Writes {@code MGET key...}.
     *
     * @param out the buffer
     * @param keys the keys, in order, at least one
     */
    public static void mget(ByteBuf out, List<byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("MGET needs at least one key");
        }
        RespWriter.arrayHeader(out, 1 + keys.size());
        out.writeBytes(MGET);
        for (byte[] key : keys) {
            RespWriter.bulk(out, key);
        }
    }
}
