package io.redisarrow.core.internal.resp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Decodes recorded RESP2 replies delivered whole, split at every byte, in random pieces and one
 * byte at a time, from heap and direct buffers: the consumer sees the same parts, each once.
 */
class RespReaderUnitTests {

    /** Records what the reader delivers; a long bulk string as its length and hash. */
    static class Recorder implements ReplyConsumer {

        final List<String> events = new ArrayList<>();

        @Override
        public void beginReply() {
            events.add("begin");
        }

        @Override
        public void endReply() {
            events.add("end");
        }

        @Override
        public void array(int count) {
            events.add("*" + count);
        }

        @Override
        public void bulk(byte[] data, int offset, int length) {
            if (length > 64) {
                events.add("$[" + length + " bytes #" + Arrays.hashCode(Arrays.copyOfRange(data, offset, offset + length))
                        + "]");
            } else {
                events.add("$" + new String(data, offset, length, StandardCharsets.UTF_8));
            }
        }

        @Override
        public void nil() {
            events.add("nil");
        }

        @Override
        public void integer(long value) {
            events.add(":" + value);
        }

        @Override
        public void simple(byte[] data, int offset, int length) {
            events.add("+" + new String(data, offset, length, StandardCharsets.UTF_8));
        }

        @Override
        public void error(String message) {
            events.add("-" + message);
        }
    }

    /** Replies as Redis sends them: HGETALL, HMGET with nils, TTL, WRONGTYPE, SCAN, and edge shapes. */
    static final String REPLIES = "*4\r\n$4\r\nname\r\n$5\r\nAlice\r\n$3\r\nage\r\n$0\r\n\r\n"
            + "*3\r\n$1\r\nx\r\n$-1\r\n$7\r\nü 🎉\r\n"
            + ":-2\r\n"
            + ":-1\r\n"
            + ":3600\r\n"
            + "*0\r\n"
            + "*-1\r\n"
            + "$-1\r\n"
            + "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"
            + "+OK\r\n"
            + "*2\r\n$1\r\n0\r\n*2\r\n$5\r\nuser1\r\n$5\r\nuser2\r\n"
            + "*2\r\n*1\r\n:7\r\n$2\r\n\r\n\r\n"
            + "*3\r\n*0\r\n*-1\r\n*1\r\n*0\r\n"
            + ":9223372036854775807\r\n"
            + ":-9223372036854775808\r\n";

    static final List<String> EXPECTED = List.of(
            "begin", "*4", "$name", "$Alice", "$age", "$", "end",
            "begin", "*3", "$x", "nil", "$ü 🎉", "end",
            "begin", ":-2", "end",
            "begin", ":-1", "end",
            "begin", ":3600", "end",
            "begin", "*0", "end",
            "begin", "*-1", "end",
            "begin", "nil", "end",
            "begin", "-WRONGTYPE Operation against a key holding the wrong kind of value", "end",
            "begin", "+OK", "end",
            "begin", "*2", "$0", "*2", "$user1", "$user2", "end",
            "begin", "*2", "*1", ":7", "$\r\n", "end",
            "begin", "*3", "*0", "*-1", "*1", "*0", "end",
            "begin", ":9223372036854775807", "end",
            "begin", ":-9223372036854775808", "end");

    private static final byte[] SMALL = REPLIES.getBytes(StandardCharsets.UTF_8);

    /** The small replies around a 1 MB bulk string (an HGETALL of one large field) and a 60 KB one. */
    private static final byte[] LARGE = concat(SMALL, hgetall(1_000_000, 1), SMALL, hgetall(60_000, 2), SMALL);

    /** Feeds pieces as a channel receives them, into one accumulating buffer. */
    private static List<String> feed(byte[] all, int[] cuts, boolean direct) {
        ByteBuf in = direct ? Unpooled.directBuffer() : Unpooled.buffer();
        try {
            RespReader reader = new RespReader();
            Recorder recorder = new Recorder();
            int from = 0;
            for (int i = 0; i <= cuts.length; i++) {
                int to = i < cuts.length ? cuts[i] : all.length;
                in.writeBytes(all, from, to - from);
                from = to;
                while (in.isReadable() && reader.read(in, recorder)) {
                    // next reply
                }
                in.discardSomeReadBytes();
            }
            assertThat(in.isReadable()).as("bytes left unread").isFalse();
            return recorder.events;
        } finally {
            in.release();
        }
    }

    private static List<String> whole(byte[] all) {
        return feed(all, new int[0], false);
    }

    @ParameterizedTest
    @ValueSource(booleans = { false, true })
    void decodesEveryReplyShape(boolean direct) {
        assertThat(feed(SMALL, new int[0], direct)).containsExactlyElementsOf(EXPECTED);
    }

    @ParameterizedTest
    @ValueSource(booleans = { false, true })
    void decodesTheSameSplitAtEveryByte(boolean direct) {
        for (int cut = 0; cut <= SMALL.length; cut++) {
            assertThat(feed(SMALL, new int[] { cut }, direct)).as("split at %d", cut).containsExactlyElementsOf(EXPECTED);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = { false, true })
    void decodesTheSameWhenBytesArriveOneAtATime(boolean direct) {
        List<String> expected = whole(LARGE);
        int[] cuts = new int[LARGE.length - 1];
        Arrays.setAll(cuts, i -> i + 1);
        assertThat(feed(LARGE, cuts, direct)).containsExactlyElementsOf(expected);
        assertThat(expected).contains("$[1000000 bytes #" + Arrays.hashCode(value(1_000_000, 1)) + "]",
                "$[60000 bytes #" + Arrays.hashCode(value(60_000, 2)) + "]");
    }

    @ParameterizedTest
    @ValueSource(booleans = { false, true })
    void decodesTheSameInRandomPieces(boolean direct) {
        List<String> expected = whole(LARGE);
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            int maxPiece = seed % 2 == 0 ? 100 : 100_000;
            List<Integer> cuts = new ArrayList<>();
            for (int at = 1 + random.nextInt(maxPiece); at < LARGE.length; at += 1 + random.nextInt(maxPiece)) {
                cuts.add(at);
            }
            assertThat(feed(LARGE, cuts.stream().mapToInt(Integer::intValue).toArray(), direct)).as("seed %d", seed)
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void decodesTheLargeReplySplitAroundEveryPartOfItsBulkString() {
        List<String> expected = whole(LARGE);
        int start = SMALL.length;
        for (int cut = start; cut < start + 40; cut++) {
            assertThat(feed(LARGE, new int[] { cut, cut + 1_000_001 - 40 }, false)).containsExactlyElementsOf(expected);
            assertThat(feed(LARGE, new int[] { cut, cut + 1_000_001 - 40 }, true)).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void hasEveryCompleteElementDeliveredAndConsumedAtOnce() {
        RespReader reader = new RespReader();
        Recorder recorder = new Recorder();
        ByteBuf in = Unpooled.buffer();
        in.writeBytes(bytes("*3\r\n$3\r\nabc\r\n:5\r\n$3\r\nde"));
        assertThat(reader.read(in, recorder)).isFalse();
        assertThat(recorder.events).containsExactly("begin", "*3", "$abc", ":5");
        assertThat(in.readerIndex()).as("past the last complete element and the pending header").isEqualTo(21);
        in.writeBytes(bytes("f\r\n"));
        assertThat(reader.read(in, recorder)).isTrue();
        assertThat(recorder.events).containsExactly("begin", "*3", "$abc", ":5", "$def", "end");
        assertThat(in.isReadable()).isFalse();
    }

    /**
     * Linearity without a clock: a 1,000,000-element array fed in 1,000 pieces is consumed up to
     * its last complete element after every piece, and each element is delivered exactly once,
     * so no byte is read again on a later piece.
     */
    @Test
    void consumesAMillionElementArrayProgressively() {
        int count = 1_000_000;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes("*" + count + "\r\n"));
        int[] ends = new int[count];
        for (int i = 0; i < count; i++) {
            out.writeBytes(bytes(i % 2 == 0 ? ":" + i + "\r\n" : "$" + String.valueOf(i).length() + "\r\n" + i + "\r\n"));
            ends[i] = out.size();
        }
        byte[] all = out.toByteArray();
        RespReader reader = new RespReader();
        int[] delivered = { 0 };
        boolean[] ended = { false };
        ReplyConsumer counter = new Recorder() {
            @Override
            public void integer(long value) {
                assertThat(value).isEqualTo(delivered[0]++);
            }

            @Override
            public void bulk(byte[] data, int offset, int length) {
                assertThat(new String(data, offset, length, StandardCharsets.US_ASCII))
                        .isEqualTo(String.valueOf(delivered[0]++));
            }

            @Override
            public void endReply() {
                ended[0] = true;
            }
        };
        ByteBuf in = Unpooled.buffer();
        int piece = all.length / 1000 + 1;
        for (int from = 0; from < all.length; from += piece) {
            int to = Math.min(all.length, from + piece);
            in.writeBytes(all, from, to - from);
            boolean done = reader.read(in, counter);
            int complete = lastEndAtOrBefore(ends, to);
            assertThat(delivered[0]).as("elements delivered after byte %d", to).isEqualTo(complete);
            int consumed = in.readerIndex();
            assertThat(consumed).as("bytes consumed after byte %d", to)
                    .isBetween(complete == 0 ? 0 : ends[complete - 1], to);
            assertThat(to - consumed).as("bytes left for a later read").isLessThan(20);
            assertThat(done).isEqualTo(to == all.length);
        }
        assertThat(delivered[0]).isEqualTo(count);
        assertThat(ended[0]).isTrue();
    }

    /** A large bulk string is gathered as it arrives: nothing stays in the buffer to be read again. */
    @Test
    void gathersALargeBulkStringAsItArrives() {
        byte[] all = hgetall(1_000_000, 3);
        RespReader reader = new RespReader();
        Recorder recorder = new Recorder();
        ByteBuf in = Unpooled.buffer();
        int headerEnd = "*2\r\n$5\r\nfield\r\n$1000000\r\n".length();
        for (int from = 0; from < all.length; from += 65_536) {
            int to = Math.min(all.length, from + 65_536);
            in.writeBytes(all, from, to - from);
            reader.read(in, recorder);
            if (to >= headerEnd && to < all.length - 2) {
                assertThat(in.isReadable()).as("unread after byte %d", to).isFalse();
            }
            in.discardReadBytes();
        }
        assertThat(recorder.events).containsExactly("begin", "*2", "$field",
                "$[1000000 bytes #" + Arrays.hashCode(value(1_000_000, 3)) + "]", "end");
    }

    /** Below the threshold a bulk string waits in the buffer, its header read once. */
    @Test
    void readsTheHeaderOfAWaitingBulkStringOnce() {
        byte[] all = bytes("$60000\r\n" + "x".repeat(60_000) + "\r\n");
        RespReader reader = new RespReader();
        Recorder recorder = new Recorder();
        ByteBuf in = Unpooled.buffer();
        for (int from = 0; from < all.length; from += 1024) {
            int to = Math.min(all.length, from + 1024);
            in.writeBytes(all, from, to - from);
            boolean done = reader.read(in, recorder);
            assertThat(done).isEqualTo(to == all.length);
            assertThat(in.readerIndex()).isEqualTo(done ? all.length : 8);
        }
        assertThat(recorder.events).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(booleans = { false, true })
    void rejectsBytesThatAreNotResp(boolean direct) {
        assertThatThrownBy(() -> feed(bytes("HTTP/1.1 400 Bad Request\r\n"), new int[0], direct))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("not a RESP2 reply: type byte 'H' in \"HTTP/1.1 400 Bad Request\\r\\n\"");
        assertThatThrownBy(() -> feed(bytes("GET / HTTP/1.1"), new int[0], direct))
                .as("fails before a line end arrives").hasMessageContaining("type byte 'G'");
        assertThatThrownBy(() -> feed(bytes("*1\r\n$3\r\nabcd\r\n"), new int[0], direct))
                .hasMessageContaining("not a RESP2 reply: a bulk string of 3 bytes not followed by CRLF in \"d\\r");
        assertThatThrownBy(() -> feed(bytes(":12a\r\n"), new int[0], direct))
                .hasMessage("not a RESP2 reply: a malformed integer in \":12a\\r\\n\"");
        assertThatThrownBy(() -> feed(bytes("+OK\rX\r\n"), new int[0], direct))
                .hasMessageContaining("a line ending in CR without LF");
        assertThatThrownBy(() -> feed(bytes("$-2\r\n"), new int[0], direct))
                .hasMessageContaining("a bulk length below -1");
        assertThatThrownBy(() -> feed(bytes(":99999999999999999999\r\n"), new int[0], direct))
                .hasMessageContaining("malformed integer");
    }

    @Test
    void boundsTheNesting() {
        String nested = "*1\r\n".repeat(RespReader.MAX_DEPTH) + ":1\r\n";
        assertThat(whole(bytes(nested))).hasSize(RespReader.MAX_DEPTH + 3);
        assertThatThrownBy(() -> whole(bytes("*1\r\n" + nested))).isInstanceOf(IllegalStateException.class)
                .hasMessage("RESP reply nested deeper than " + RespReader.MAX_DEPTH);
    }

    private static int lastEndAtOrBefore(int[] ends, int position) {
        int index = Arrays.binarySearch(ends, position);
        return index >= 0 ? index + 1 : -index - 1;
    }

    private static byte[] value(int size, int seed) {
        byte[] value = new byte[size];
        new Random(seed).nextBytes(value);
        return value;
    }

    private static byte[] hgetall(int size, int seed) {
        return concat(bytes("*2\r\n$5\r\nfield\r\n$" + size + "\r\n"), value(size, seed), bytes("\r\n"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
