package io.redisarrow.core.internal.resp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Feeds recorded replies to a consumer the way a connection would: in pieces cut where the test
 * says, each piece read as far as it goes before the next arrives.
 */
public final class RespFeed {

    private RespFeed() {
    }

    /**
     * @param all the recorded replies
     * @param cuts where to cut them, ascending, each inside {@code (0, all.length)}
     * @param consumer what reads them
     */
    public static void feed(byte[] all, int[] cuts, ReplyConsumer consumer) {
        RespReader reader = new RespReader();
        ByteBuf in = Unpooled.buffer();
        try {
            int from = 0;
            for (int i = 0; i <= cuts.length; i++) {
                int to = i < cuts.length ? cuts[i] : all.length;
                in.writeBytes(all, from, to - from);
                from = to;
                while (in.isReadable() && reader.read(in, consumer)) {
                    // next reply
                }
                in.discardSomeReadBytes();
            }
        } finally {
            in.release();
        }
    }
}
