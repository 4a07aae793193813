package io.redisarrow.core.internal.command;

import io.netty.buffer.ByteBuf;
import io.redisarrow.core.internal.resp.RespWriter;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Encodes the hash reads: {@code HGETALL key}, or {@code HMGET key field...} with the fields
 * encoded once per read and copied into every command.
 */
public final class HashCommands {

    private static final byte[] HGETALL = RespWriter.bulk("HGETALL");

    private static final byte[] HMGET = RespWriter.bulk("HMGET");

    private final int fieldCount;

    private final byte[] encodedFields;

    /** @param fields the fields HMGET asks for, in order (empty for HGETALL only) */
    public HashCommands(List<byte[]> fields) {
        this.fieldCount = fields.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] field : fields) {
            out.writeBytes(RespWriter.bulk(field));
        }
        this.encodedFields = out.toByteArray();
    }

    /** @return bytes one HMGET takes beyond its key */
    public int hmgetOverhead() {
        return 32 + encodedFields.length;
    }

    /** Writes {@code HGETALL key}. */
    public static void hgetall(ByteBuf out, byte[] key) {
        RespWriter.arrayHeader(out, 2);
        out.writeBytes(HGETALL);
        RespWriter.bulk(out, key);
    }

    /** Writes {@code HMGET key field...}. */
    public void hmget(ByteBuf out, byte[] key) {
        RespWriter.arrayHeader(out, 2 + fieldCount);
        out.writeBytes(HMGET);
        RespWriter.bulk(out, key);
        out.writeBytes(encodedFields);
    }
}
