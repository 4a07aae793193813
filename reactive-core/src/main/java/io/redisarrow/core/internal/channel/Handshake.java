package io.redisarrow.core.internal.channel;

import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.redisarrow.core.internal.reply.PendingReplies;
import io.redisarrow.core.internal.resp.RespWriter;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The connection set-up of a read's channel: AUTH with the URL's credentials and SELECT of its
 * database, in one round trip, as the URL asks. An error reply fails the connection with
 * {@link ConnectionErrors#setUpRejected}.
 */
final class Handshake {

    private Handshake() {
    }

    /**
     * @param channel the new channel
     * @param uri credentials and database
     * @param address {@code host:port}, for messages
     * @return completes when the server accepted the set-up (at once when there is none to send)
     */
    static Mono<Void> run(RedisChannel channel, RedisURI uri, String address) {
        Mono<RedisCredentials> credentials = uri.getCredentialsProvider() == null ? Mono.empty()
                : uri.getCredentialsProvider().resolveCredentials();
        return credentials.map(List::of).defaultIfEmpty(List.of()).flatMap(found -> {
            List<List<byte[]>> commands = commands(found.isEmpty() ? null : found.get(0), uri.getDatabase());
            if (commands.isEmpty()) {
                return Mono.empty();
            }
            Replies replies = new Replies(commands.size());
            return channel.send(encode(channel.alloc(), commands), replies)
                    .then(Mono.defer(() -> replies.error == null ? Mono.<Void>empty()
                            : Mono.error(ConnectionErrors.setUpRejected(address, uri.getDatabase(), replies.error))));
        });
    }

    static List<List<byte[]>> commands(@Nullable RedisCredentials credentials, int database) {
        List<List<byte[]>> commands = new ArrayList<>();
        if (credentials != null && credentials.hasPassword()) {
            List<byte[]> auth = new ArrayList<>();
            auth.add(bytes("AUTH"));
            if (credentials.hasUsername()) {
                auth.add(bytes(credentials.getUsername()));
            }
            auth.add(bytes(new String(credentials.getPassword())));
            commands.add(auth);
        }
        if (database != 0) {
            commands.add(List.of(bytes("SELECT"), bytes(Integer.toString(database))));
        }
        return commands;
    }

    private static ByteBuf encode(ByteBufAllocator alloc, List<List<byte[]>> commands) {
        ByteBuf out = alloc.buffer();
        for (List<byte[]> command : commands) {
            RespWriter.arrayHeader(out, command.size());
            command.forEach(arg -> RespWriter.bulk(out, arg));
        }
        return out;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads the replies of AUTH and SELECT, keeping the first error. */
    private static final class Replies extends PendingReplies {

        @Nullable
        String error;

        Replies(int expected) {
            super(expected);
        }

        @Override
        public void error(String message) {
            if (error == null) {
                error = message;
            }
        }
    }
}
