package io.redisarrow.core.internal.command;

import io.netty.buffer.ByteBuf;
import io.redisarrow.core.internal.resp.RespWriter;

/**
 * Encodes commands about the connection rather than keys: {@code PING}, whose round trip measures
 * the latency a read sizes its batches by.
 */
public final class ServerCommands {

    private static final byte[] PING = RespWriter.bulk("PING");

    private ServerCommands() {
    }

    /** Writes {@code PING}. */
    public static void ping(ByteBuf out) {
        RespWriter.arrayHeader(out, 1);
        out.writeBytes(PING);
    }
}
