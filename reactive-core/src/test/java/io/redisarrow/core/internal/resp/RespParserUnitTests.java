package io.redisarrow.core.internal.resp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Decodes recorded RESP2 replies, delivered whole and split at every byte.
 */
class RespParserUnitTests {

    /** Records what the parser delivers, undoing aborted replies. */
    static final class Recorder implements ReplyConsumer {

        final List<String> events = new ArrayList<>();

        int mark;

        @Override
        public void beginReply() {
            mark = events.size();
        }

        @Override
        public void abortReply() {
            events.subList(mark, events.size()).clear();
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
            events.add("$" + new String(data, offset, length, StandardCharsets.UTF_8));
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

    static final String REPLIES = "*4\r\n$4\r\nname\r\n$5\r\nAlice\r\n$3\r\nage\r\n$0\r\n\r\n"
            + "*3\r\n$1\r\nx\r\n$-1\r\n$7\r\nü 🎉\r\n"
            + ":-2\r\n"
            + "*0\r\n"
            + "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"
            + "+OK\r\n"
            + "*2\r\n*1\r\n:7\r\n$2\r\n\r\n\r\n";

    static final List<String> EXPECTED = List.of("*4", "$name", "$Alice", "$age", "$", "end",
            "*3", "$x", "nil", "$ü 🎉", "end",
            ":-2", "end",
            "*0", "end",
            "-WRONGTYPE Operation against a key holding the wrong kind of value", "end",
            "+OK", "end",
            "*2", "*1", ":7", "$\r\n", "end");

    @Test
    void decodesEveryReplyShape() {
        ByteBuf in = Unpooled.wrappedBuffer(REPLIES.getBytes(StandardCharsets.UTF_8));
        Recorder recorder = new Recorder();
        while (RespParser.read(in, recorder)) {
            // next
        }
        assertThat(recorder.events).containsExactlyElementsOf(EXPECTED);
        assertThat(in.isReadable()).isFalse();
    }

    @Test
    void decodesTheSameWhenBytesArriveOneAtATime() {
        byte[] all = REPLIES.getBytes(StandardCharsets.UTF_8);
        ByteBuf in = Unpooled.buffer();
        Recorder recorder = new Recorder();
        for (byte b : all) {
            in.writeByte(b);
            while (in.isReadable() && RespParser.read(in, recorder)) {
                // next
            }
        }
        assertThat(recorder.events).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void incompleteReplyConsumesNothing() {
        ByteBuf in = Unpooled.wrappedBuffer("*2\r\n$3\r\nab".getBytes(StandardCharsets.UTF_8));
        Recorder recorder = new Recorder();
        assertThat(RespParser.read(in, recorder)).isFalse();
        assertThat(in.readerIndex()).isZero();
        assertThat(recorder.events).isEmpty();
    }

    @Test
    void rejectsBytesThatAreNotResp() {
        ByteBuf in = Unpooled.wrappedBuffer("HTTP/1.1 400\r\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> RespParser.read(in, new Recorder())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a RESP2 reply");
    }
}
