package io.redisarrow.core.internal.channel;

import io.lettuce.core.RedisConnectionException;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.redisarrow.core.BatchTooLargeException;
import io.redisarrow.core.internal.reply.PendingReplies;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplyDispatcherUnitTests {

    static final class Recording extends PendingReplies {

        final StringBuilder seen = new StringBuilder();

        Recording(int expected) {
            super(expected);
        }

        @Override
        public void bulk(byte[] data, int offset, int length) {
            seen.append(new String(data, offset, length, StandardCharsets.UTF_8)).append(' ');
        }
    }

    static EmbeddedChannel channel(ReplyDispatcher dispatcher) {
        return new EmbeddedChannel(dispatcher);
    }

    @Test
    void pairsRepliesWithTheWritesWaitingForThemInOrder() {
        ReplyDispatcher dispatcher = new ReplyDispatcher("127.0.0.1:1");
        EmbeddedChannel channel = channel(dispatcher);
        Recording first = new Recording(1);
        Recording second = new Recording(2);
        dispatcher.expect(first);
        dispatcher.expect(second);
        channel.writeInbound(Unpooled.copiedBuffer("$1\r\na\r\n$1\r\nb\r\n$1", StandardCharsets.US_ASCII));
        channel.writeInbound(Unpooled.copiedBuffer("\r\nc\r\n", StandardCharsets.US_ASCII));
        assertThat(first.future()).isDone();
        assertThat(first.seen).hasToString("a ");
        assertThat(second.future()).isDone();
        assertThat(second.seen).hasToString("b c ");
        channel.finishAndReleaseAll();
    }

    @Test
    void aBatchOverItsLimitFailsWithThatLimitNotAsALostConnection() {
        ReplyDispatcher dispatcher = new ReplyDispatcher("127.0.0.1:1");
        EmbeddedChannel channel = channel(dispatcher);
        PendingReplies tooLarge = new PendingReplies(1) {
            @Override
            public void bulk(byte[] data, int offset, int length) {
                throw new BatchTooLargeException("the raw values of one batch exceed 8 bytes at key 'k'");
            }
        };
        Recording after = new Recording(1);
        dispatcher.expect(tooLarge);
        dispatcher.expect(after);
        channel.writeInbound(Unpooled.copiedBuffer("$9\r\n123456789\r\n", StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> tooLarge.future().join()).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(BatchTooLargeException.class).hasMessageContaining("at key 'k'");
        assertThatThrownBy(() -> after.future().join()).cause().isInstanceOf(BatchTooLargeException.class);
        assertThat(channel.isOpen()).isFalse();
        channel.finishAndReleaseAll();
    }

    @Test
    void bytesThatAreNotRespFailTheWaitingRepliesNamingTheServer() {
        ReplyDispatcher dispatcher = new ReplyDispatcher("127.0.0.1:1");
        EmbeddedChannel channel = channel(dispatcher);
        Recording waiting = new Recording(1);
        dispatcher.expect(waiting);
        channel.writeInbound(Unpooled.copiedBuffer("HTTP/1.1 400 Bad Request\r\n\r\n", StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> waiting.future().join()).cause().isInstanceOf(RedisConnectionException.class)
                .hasMessageContaining("127.0.0.1:1");
        channel.finishAndReleaseAll();
    }
}
