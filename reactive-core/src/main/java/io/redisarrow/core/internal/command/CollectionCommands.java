package io.redisarrow.core.internal.command;

import io.netty.buffer.ByteBuf;
import io.redisarrow.core.CollectionValues.Kind;
import io.redisarrow.core.internal.resp.RespWriter;
import java.nio.charset.StandardCharsets;

/**
 * Encodes the commands that read sets, lists, sorted sets and streams: one size command per key
 * ({@code SCARD}, {@code LLEN}, {@code ZCARD}, {@code XLEN}), then windows of elements
 * ({@code SMEMBERS}, {@code SSCAN key cursor COUNT n}, {@code LRANGE key from to},
 * {@code ZRANGE key from to WITHSCORES}, {@code XRANGE key start end COUNT n}).
 */
public final class CollectionCommands {

    private static final byte[] SCARD = RespWriter.bulk("SCARD");

    private static final byte[] LLEN = RespWriter.bulk("LLEN");

    private static final byte[] ZCARD = RespWriter.bulk("ZCARD");

    private static final byte[] XLEN = RespWriter.bulk("XLEN");

    private static final byte[] SMEMBERS = RespWriter.bulk("SMEMBERS");

    private static final byte[] SSCAN = RespWriter.bulk("SSCAN");

    private static final byte[] LRANGE = RespWriter.bulk("LRANGE");

    private static final byte[] ZRANGE = RespWriter.bulk("ZRANGE");

    private static final byte[] XRANGE = RespWriter.bulk("XRANGE");

    private static final byte[] COUNT = RespWriter.bulk("COUNT");

    private static final byte[] WITHSCORES = RespWriter.bulk("WITHSCORES");

    private CollectionCommands() {
    }

    /** @return the size command's name, for messages */
    public static String sizeCommand(Kind kind) {
        return switch (kind) {
            case SET -> "SCARD";
            case LIST -> "LLEN";
            case SORTED_SET -> "ZCARD";
            case STREAM -> "XLEN";
        };
    }

    /** Writes the size command of {@code kind} for {@code key}. */
    public static void size(ByteBuf out, Kind kind, byte[] key) {
        RespWriter.arrayHeader(out, 2);
        out.writeBytes(switch (kind) {
            case SET -> SCARD;
            case LIST -> LLEN;
            case SORTED_SET -> ZCARD;
            case STREAM -> XLEN;
        });
        RespWriter.bulk(out, key);
    }

    /** Writes {@code SMEMBERS key}. */
    public static void smembers(ByteBuf out, byte[] key) {
        RespWriter.arrayHeader(out, 2);
        out.writeBytes(SMEMBERS);
        RespWriter.bulk(out, key);
    }

    /** Writes {@code SSCAN key cursor COUNT count}. */
    public static void sscan(ByteBuf out, byte[] key, byte[] cursor, int count) {
        RespWriter.arrayHeader(out, 5);
        out.writeBytes(SSCAN);
        RespWriter.bulk(out, key);
        RespWriter.bulk(out, cursor);
        out.writeBytes(COUNT);
        number(out, count);
    }

    /** Writes {@code LRANGE key from to} (both inclusive). */
    public static void lrange(ByteBuf out, byte[] key, long from, long to) {
        RespWriter.arrayHeader(out, 4);
        out.writeBytes(LRANGE);
        RespWriter.bulk(out, key);
        number(out, from);
        number(out, to);
    }

    /** Writes {@code ZRANGE key from to WITHSCORES} (ranks, both inclusive). */
    public static void zrange(ByteBuf out, byte[] key, long from, long to) {
        RespWriter.arrayHeader(out, 5);
        out.writeBytes(ZRANGE);
        RespWriter.bulk(out, key);
        number(out, from);
        number(out, to);
        out.writeBytes(WITHSCORES);
    }

    /** Writes {@code XRANGE key start end COUNT count}. */
    public static void xrange(ByteBuf out, byte[] key, byte[] start, byte[] end, int count) {
        RespWriter.arrayHeader(out, 6);
        out.writeBytes(XRANGE);
        RespWriter.bulk(out, key);
        RespWriter.bulk(out, start);
        RespWriter.bulk(out, end);
        out.writeBytes(COUNT);
        number(out, count);
    }

    private static void number(ByteBuf out, long value) {
        RespWriter.bulk(out, Long.toString(value).getBytes(StandardCharsets.US_ASCII));
    }
}
