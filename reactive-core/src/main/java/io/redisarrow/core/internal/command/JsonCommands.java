package io.redisarrow.core.internal.command;

import io.netty.buffer.ByteBuf;
import io.redisarrow.core.internal.resp.RespWriter;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Encodes the JSON reads: {@code JSON.GET key path...} per key, or {@code JSON.MGET key... path}
 * per batch, with the paths encoded once per read and copied into every command.
 */
public final class JsonCommands {

    private static final byte[] JSON_GET = RespWriter.bulk("JSON.GET");

    private static final byte[] JSON_MGET = RespWriter.bulk("JSON.MGET");

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

    /**
     * Writes {@code JSON.MGET key... path}; the read must have exactly one path.
     *
     * @param out the buffer
     * @param keys the keys, in order
     */
    public void mget(ByteBuf out, List<byte[]> keys) {
        if (pathCount != 1) {
            throw new IllegalStateException("JSON.MGET reads one path; this read has " + pathCount);
        }
        RespWriter.arrayHeader(out, 2 + keys.size());
        out.writeBytes(JSON_MGET);
        for (byte[] key : keys) {
            RespWriter.bulk(out, key);
        }
        out.writeBytes(encodedPaths);
    }
}
