package io.redisarrow.core.internal.resp;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * Reads RESP2 replies from a heap buffer into a {@link ReplyConsumer}, parsing the backing array
 * directly: bulk strings are handed over by position, without copies or per-value objects. A reply
 * that is not entirely in the buffer is rolled back (the reader index is restored and the consumer
 * told to undo) and read again when more bytes arrive. A bulk string's length is checked against
 * what is readable before it is handed over, so a large value arriving in many reads costs one
 * header parse per read, not one copy.
 */
public final class RespParser {

    private static final int MAX_DEPTH = 16;

    private RespParser() {
    }

    /**
     * @param in a buffer with a backing array (the fetch channel allocates heap buffers)
     * @return {@code true} when a whole reply was read and delivered, {@code false} when the
     *         buffer holds only part of one (nothing consumed)
     * @throws IllegalStateException on bytes that are not RESP2
     */
    public static boolean read(ByteBuf in, ReplyConsumer consumer) {
        byte[] data = in.array();
        int base = in.arrayOffset();
        int start = in.readerIndex();
        consumer.beginReply();
        int end = readValue(data, base + start, base + in.writerIndex(), consumer, 0);
        if (end >= 0) {
            in.readerIndex(end - base);
            consumer.endReply();
            return true;
        }
        consumer.abortReply();
        return false;
    }

    /** @return the position after the value, or -1 when the value is incomplete */
    private static int readValue(byte[] data, int at, int limit, ReplyConsumer consumer, int depth) {
        if (at >= limit) {
            return -1;
        }
        byte type = data[at];
        int lineEnd = findLineEnd(data, at + 1, limit);
        if (lineEnd < 0) {
            return -1;
        }
        switch (type) {
            case '$': {
                long length = parseLong(data, at + 1, lineEnd);
                if (length < 0) {
                    consumer.nil();
                    return lineEnd + 2;
                }
                int start = lineEnd + 2;
                if (limit - start < length + 2) {
                    return -1;
                }
                consumer.bulk(data, start, (int) length);
                return start + (int) length + 2;
            }
            case '*': {
                long count = parseLong(data, at + 1, lineEnd);
                if (depth >= MAX_DEPTH) {
                    throw new IllegalStateException("RESP reply nested deeper than " + MAX_DEPTH);
                }
                consumer.array((int) count);
                int next = lineEnd + 2;
                for (long i = 0; i < count; i++) {
                    next = readValue(data, next, limit, consumer, depth + 1);
                    if (next < 0) {
                        return -1;
                    }
                }
                return next;
            }
            case ':':
                consumer.integer(parseLong(data, at + 1, lineEnd));
                return lineEnd + 2;
            case '+':
                consumer.simple(data, at + 1, lineEnd - at - 1);
                return lineEnd + 2;
            case '-':
                consumer.error(new String(data, at + 1, lineEnd - at - 1, StandardCharsets.UTF_8));
                return lineEnd + 2;
            default:
                throw new IllegalStateException("not a RESP2 reply: type byte " + (type & 0xff));
        }
    }

    /** @return the index of the CR of a complete CRLF line end, or -1 */
    private static int findLineEnd(byte[] data, int from, int limit) {
        for (int i = from; i < limit - 1; i++) {
            if (data[i] == '\r') {
                return data[i + 1] == '\n' ? i : -1;
            }
        }
        return -1;
    }

    private static long parseLong(byte[] data, int from, int to) {
        int i = from;
        boolean negative = i < to && data[i] == '-';
        if (negative) {
            i++;
        }
        if (i == to) {
            throw new IllegalStateException("empty RESP integer");
        }
        long value = 0;
        for (; i < to; i++) {
            int digit = data[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalStateException("malformed RESP integer");
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }
}
