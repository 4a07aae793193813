package io.redisarrow.core.internal.resp;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;

import java.nio.charset.StandardCharsets;

/**
 * Reads RESP2 replies incrementally, one connection's worth of state: every element that is
 * complete in the buffer is handed to the {@link ReplyConsumer} at once and consumed, so a reply
 * arriving in many reads is read once, whatever its size. The state between reads is the count of
 * elements still due in each open array, the line scanned so far and a bulk string whose header
 * was read.
 *
 * <p>A heap buffer is parsed in place, straight from its backing array: bulk strings are handed
 * over by position, without copies or per-value objects. A direct buffer is copied one element at
 * a time into a reused array. A bulk string still incomplete in the buffer waits there, costing
 * one length check per read; from {@link #STREAM_THRESHOLD} bytes on it is gathered into an array
 * of its own as it arrives instead, so the buffer does not grow to hold it.
 *
 * <p>Not thread-safe: one instance per connection, used on its event loop.
 */
public final class RespReader {

    /** Arrays nested deeper than this are refused. */
    public static final int MAX_DEPTH = 16;

    /** Bulk strings of at least this many bytes are gathered as they arrive. */
    public static final int STREAM_THRESHOLD = 64 * 1024;

    private static final int MAX_BULK = Integer.MAX_VALUE - 16;

    private static final int EXCERPT = 40;

    private final int[] remaining = new int[MAX_DEPTH];

    private int depth;

    /** Length of the bulk string whose header was read and whose bytes are awaited, or -1. */
    private int bulkLength = -1;

    /** The bytes of a large bulk string gathered so far, or null. */
    private byte[] body;

    private int bodyFilled;

    /** Bytes after the type byte of the current line already seen to hold no CR. */
    private int scanned;

    /** Where direct buffers are copied to, one element at a time. */
    private byte[] scratch = new byte[256];

    /**
     * Consumes every complete element in {@code in}, up to the end of the current reply.
     *
     * @param in received bytes, heap or direct; the reader index moves past what was read
     * @param consumer the consumer of the current reply
     * @return {@code true} when the current reply ended ({@link ReplyConsumer#endReply()} was
     *         called), {@code false} when more bytes are needed
     * @throws IllegalStateException on bytes that are not RESP2, naming what was seen
     */
    public boolean read(ByteBuf in, ReplyConsumer consumer) {
        if (in.hasArray()) {
            byte[] data = in.array();
            int base = in.arrayOffset();
            int end = parse(data, base + in.readerIndex(), base + in.writerIndex(), consumer);
            in.readerIndex((end < 0 ? ~end : end) - base);
            return end < 0;
        }
        return readDirect(in, consumer);
    }

    private boolean readDirect(ByteBuf in, ReplyConsumer consumer) {
        while (in.isReadable()) {
            int start = in.readerIndex();
            int span;
            if (bulkLength >= 0) {
                int wanted = bulkLength - bodyFilled + 2;
                if (body == null && bulkLength < STREAM_THRESHOLD && in.readableBytes() < wanted) {
                    return false;
                }
                span = Math.min(Math.min(in.readableBytes(), wanted), STREAM_THRESHOLD + 2);
            } else {
                byte type = in.getByte(start);
                if (!isType(type)) {
                    byte[] seen = excerpt(in);
                    throw notResp("type byte " + describe(type), seen, 0, seen.length);
                }
                int lf = in.forEachByte(start, in.readableBytes(), ByteProcessor.FIND_LF);
                if (lf < 0) {
                    return false;
                }
                if (in.getByte(lf - 1) != '\r') {
                    byte[] seen = excerpt(in);
                    throw notResp("a line ending in LF without CR", seen, 0, seen.length);
                }
                span = lf + 1 - start;
            }
            if (scratch.length < span) {
                scratch = new byte[Math.max(span, scratch.length * 2)];
            }
            in.getBytes(start, scratch, 0, span);
            int end = parse(scratch, 0, span, consumer);
            in.skipBytes(end < 0 ? ~end : end);
            if (end <= 0) {
                return end < 0;
            }
        }
        return false;
    }

    /**
     * @return the position after what was consumed, or its complement ({@code ~position}, negative)
     *         when the reply ended there
     */
    private int parse(byte[] data, int at, int limit, ReplyConsumer consumer) {
        int[] remaining = this.remaining;
        int depth = this.depth;
        // elements still due in the innermost open array: remaining[depth - 1], kept in a local
        int left = depth > 0 ? remaining[depth - 1] : 0;
        if (bulkLength >= 0) {
            at = bulk(data, at, limit, consumer);
            if (bulkLength >= 0) {
                return at;
            }
            while (depth > 0 && --left == 0) {
                if (--depth > 0) {
                    left = remaining[depth - 1];
                }
            }
            if (depth == 0) {
                return replyEnded(consumer, at);
            }
        }
        int skip = scanned;
        if (skip != 0) {
            scanned = 0;
        }
        while (at < limit) {
            byte type = data[at];
            int cr = -1;
            for (int i = at + 1 + skip; i < limit; i++) {
                if (data[i] == '\r') {
                    cr = i;
                    break;
                }
            }
            skip = 0;
            if (cr < 0 || cr + 1 == limit) {
                checkType(type, data, at, limit);
                scanned = (cr < 0 ? limit : cr) - at - 1;
                break;
            }
            if (data[cr + 1] != '\n') {
                checkType(type, data, at, limit);
                throw notResp("a line ending in CR without LF", data, at, limit);
            }
            if (depth == 0) {
                consumer.beginReply();
            }
            int next = cr + 2;
            switch (type) {
                case '$' -> {
                    long length = parseLong(data, at, cr, limit);
                    if (length >= 0) {
                        if (length > MAX_BULK) {
                            throw new IllegalStateException("RESP bulk string of " + length
                                    + " bytes is larger than a Java array holds");
                        }
                        int size = (int) length;
                        if (limit - next < size + 2) {
                            bulkLength = size;
                            save(depth, left);
                            return bulk(data, next, limit, consumer);
                        }
                        checkCrlf(data, next + size, limit, size);
                        consumer.bulk(data, next, size);
                        next += size + 2;
                    } else if (length == -1) {
                        consumer.nil();
                    } else {
                        throw notResp("a bulk length below -1", data, at, limit);
                    }
                }
                case '*' -> {
                    long count = parseLong(data, at, cr, limit);
                    if (count < -1 || count > Integer.MAX_VALUE) {
                        throw notResp("an array length out of range", data, at, limit);
                    }
                    if (count > 0) {
                        if (depth >= MAX_DEPTH) {
                            throw new IllegalStateException("RESP reply nested deeper than " + MAX_DEPTH);
                        }
                        consumer.array((int) count);
                        if (depth > 0) {
                            remaining[depth - 1] = left;
                        }
                        depth++;
                        left = (int) count;
                        at = next;
                        continue;
                    }
                    consumer.array((int) count);
                }
                case ':' -> consumer.integer(parseLong(data, at, cr, limit));
                case '+' -> consumer.simple(data, at + 1, cr - at - 1);
                case '-' -> consumer.error(new String(data, at + 1, cr - at - 1, StandardCharsets.UTF_8));
                default -> throw notResp("type byte " + describe(type), data, at, limit);
            }
            at = next;
            while (depth > 0 && --left == 0) {
                if (--depth > 0) {
                    left = remaining[depth - 1];
                }
            }
            if (depth == 0) {
                return replyEnded(consumer, at);
            }
        }
        save(depth, left);
        return at;
    }

    private void save(int depth, int left) {
        this.depth = depth;
        if (depth > 0) {
            remaining[depth - 1] = left;
        }
    }

    /**
     * Reads (more of) the bulk string whose header was read: whole when it is all there, else
     * waits for it or, when large, gathers what arrived.
     *
     * @return the position after what was consumed; {@link #bulkLength} is -1 once delivered
     */
    private int bulk(byte[] data, int at, int limit, ReplyConsumer consumer) {
        int length = bulkLength;
        if (body == null) {
            if (limit - at >= length + 2) {
                checkCrlf(data, at + length, limit, length);
                bulkLength = -1;
                consumer.bulk(data, at, length);
                return at + length + 2;
            }
            if (length < STREAM_THRESHOLD) {
                return at;
            }
            body = new byte[length];
        }
        int n = Math.min(limit - at, length - bodyFilled);
        System.arraycopy(data, at, body, bodyFilled, n);
        bodyFilled += n;
        at += n;
        if (bodyFilled < length || limit - at < 2) {
            return at;
        }
        checkCrlf(data, at, limit, length);
        byte[] value = body;
        body = null;
        bodyFilled = 0;
        bulkLength = -1;
        consumer.bulk(value, 0, length);
        return at + 2;
    }

    private int replyEnded(ReplyConsumer consumer, int at) {
        this.depth = 0;
        consumer.endReply();
        return ~at;
    }

    private static boolean isType(byte type) {
        return type == '$' || type == '*' || type == ':' || type == '+' || type == '-';
    }

    private static void checkType(byte type, byte[] data, int at, int limit) {
        if (!isType(type)) {
            throw notResp("type byte " + describe(type), data, at, limit);
        }
    }

    private static byte[] excerpt(ByteBuf in) {
        byte[] bytes = new byte[Math.min(in.readableBytes(), EXCERPT + 1)];
        in.getBytes(in.readerIndex(), bytes);
        return bytes;
    }

    private static void checkCrlf(byte[] data, int at, int limit, int length) {
        if (data[at] != '\r' || data[at + 1] != '\n') {
            throw notResp("a bulk string of " + length + " bytes not followed by CRLF", data, at, limit);
        }
    }

    private static long parseLong(byte[] data, int at, int cr, int limit) {
        int i = at + 1;
        boolean negative = i < cr && data[i] == '-';
        if (negative) {
            i++;
        }
        if (i == cr || cr - i > 19) {
            throw notResp("a malformed integer", data, at, limit);
        }
        if (cr - i == 19) {
            try {
                return Long.parseLong(new String(data, at + 1, cr - at - 1, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw notResp("an integer out of range", data, at, limit);
            }
        }
        long value = 0;
        for (; i < cr; i++) {
            int digit = data[i] - '0';
            if (digit < 0 || digit > 9) {
                throw notResp("a malformed integer", data, at, limit);
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    private static IllegalStateException notResp(String what, byte[] data, int at, int limit) {
        StringBuilder seen = new StringBuilder();
        int end = Math.min(limit, at + EXCERPT);
        for (int i = at; i < end; i++) {
            int b = data[i] & 0xff;
            switch (b) {
                case '\r' -> seen.append("\\r");
                case '\n' -> seen.append("\\n");
                case '"', '\\' -> seen.append('\\').append((char) b);
                default -> {
                    if (b >= 0x20 && b < 0x7f) {
                        seen.append((char) b);
                    } else {
                        seen.append(String.format("\\x%02x", b));
                    }
                }
            }
        }
        return new IllegalStateException("not a RESP2 reply: " + what + " in \"" + seen + "\""
                + (limit > end ? "..." : ""));
    }

    private static String describe(byte type) {
        int b = type & 0xff;
        return b >= 0x20 && b < 0x7f ? "'" + (char) b + "'" : String.format("0x%02x", b);
    }
}
