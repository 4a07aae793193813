package io.redisarrow.core.internal.command;

import io.netty.buffer.ByteBuf;
import io.redisarrow.core.internal.resp.RespWriter;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Encodes the JSON reads: {@code JSON.GET key path...}, with the paths encoded once per read and
 * copied into every command.
 */
public final class JsonCommands {

    private static final byte[] JSON_GET = RespWriter.bulk("JSON.GET");

    private final int pathCount;

    private final byte[] encodedPaths;

    /** @param paths the paths each JSON.GET asks for, in order, as UTF-8 bytes */
    public JsonCommands(List<byte[]> paths) {
        this.pathCount = paths.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] path : paths) {
            out.writeBytes(RespWriter.bulk(path));
        }
        this.encodedPaths = out.toByteArray();
    }

    /** @return bytes one JSON.GET takes beyond its key */
    public int overhead() {
        return 32 + encodedPaths.length;
    }

    /** Writes {@code JSON.GET key path...}. */
    public void get(ByteBuf out, byte[] key) {
        RespWriter.arrayHeader(out, 2 + pathCount);
        out.writeBytes(JSON_GET);
        RespWriter.bulk(out, key);
        out.writeBytes(encodedPaths);
    }
}
