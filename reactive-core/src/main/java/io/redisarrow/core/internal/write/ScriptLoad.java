package io.redisarrow.core.internal.write;

import io.netty.buffer.ByteBuf;
import io.redisarrow.core.RedisArrowException;
import io.redisarrow.core.WriteScript;
import io.redisarrow.core.internal.channel.RedisChannel;
import io.redisarrow.core.internal.reply.PendingReplies;
import io.redisarrow.core.internal.resp.RespWriter;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Loads a write's scripts ({@code SCRIPT LOAD}, pipelined) on its connection before its first
 * batch, and checks that the server stored each under the SHA-1 the batches call.
 */
final class ScriptLoad {

    private static final byte[] SCRIPT = RespWriter.bulk("SCRIPT");

    private static final byte[] LOAD = RespWriter.bulk("LOAD");

    private ScriptLoad() {
    }

    static Mono<Void> load(RedisChannel channel, Set<WriteScript> scripts) {
        if (scripts.isEmpty()) {
            return Mono.empty();
        }
        return Mono.defer(() -> {
            List<WriteScript> order = new ArrayList<>(scripts);
            ByteBuf out = channel.alloc().buffer();
            for (WriteScript script : order) {
                RespWriter.arrayHeader(out, 3);
                out.writeBytes(SCRIPT);
                out.writeBytes(LOAD);
                RespWriter.bulk(out, script.body().getBytes(StandardCharsets.UTF_8));
            }
            ShaReplies replies = new ShaReplies(order.size());
            return channel.send(out, replies).then(Mono.defer(() -> {
                for (int i = 0; i < order.size(); i++) {
                    String sha = replies.shas[i];
                    if (!order.get(i).sha().equals(sha)) {
                        return Mono.error(new RedisArrowException("SCRIPT LOAD of the " + order.get(i)
                                + " write script at " + channel.address() + " failed: "
                                + (replies.errors[i] != null ? replies.errors[i] : "the server answered " + sha)
                                + (replies.errors[i] != null && replies.errors[i].startsWith("NOPERM")
                                        ? "; the user needs SCRIPT LOAD and EVALSHA for writes that use scripts"
                                        : "")));
                    }
                }
                return Mono.empty();
            }));
        });
    }

    private static final class ShaReplies extends PendingReplies {

        final String[] shas;

        final String[] errors;

        ShaReplies(int count) {
            super(count);
            this.shas = new String[count];
            this.errors = new String[count];
        }

        @Override
        public void bulk(byte[] data, int offset, int length) {
            shas[reply] = new String(data, offset, length, StandardCharsets.US_ASCII);
        }

        @Override
        public void error(String message) {
            errors[reply] = message;
        }
    }
}
