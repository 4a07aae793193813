package io.redisarrow.core.internal.channel;

import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;
import io.netty.buffer.ByteBuf;
import io.redisarrow.core.internal.command.ConnectionCommands;
import io.redisarrow.core.internal.reply.PendingReplies;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import java.util.Optional;

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
     * @param readOnly whether to send {@code READONLY}, so that a cluster replica serves reads of its
     *        master's keys instead of redirecting them
     * @return completes when the server accepted the set-up (at once when there is none to send)
     */
    static Mono<Void> run(RedisChannel channel, RedisURI uri, String address, boolean readOnly) {
        Mono<RedisCredentials> credentials = uri.getCredentialsProvider() == null ? Mono.empty()
                : uri.getCredentialsProvider().resolveCredentials();
        return credentials.map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(found -> {
            RedisCredentials auth = found.filter(RedisCredentials::hasPassword).orElse(null);
            int commands = (auth == null ? 0 : 1) + (uri.getDatabase() == 0 ? 0 : 1) + (readOnly ? 1 : 0);
            if (commands == 0) {
                return Mono.empty();
            }
            ByteBuf out = channel.alloc().buffer();
            if (auth != null) {
                ConnectionCommands.auth(out, auth.hasUsername() ? auth.getUsername() : null, auth.getPassword());
            }
            if (uri.getDatabase() != 0) {
                ConnectionCommands.select(out, uri.getDatabase());
            }
            if (readOnly) {
                ConnectionCommands.readOnly(out);
            }
            Replies replies = new Replies(commands);
            return channel.send(out, replies)
                    .then(Mono.defer(() -> replies.error == null ? Mono.<Void>empty()
                            : Mono.error(ConnectionErrors.setUpRejected(address, uri.getDatabase(), replies.error))));
        });
    }

    /** Reads the replies of AUTH, SELECT and READONLY, keeping the first error. */
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
