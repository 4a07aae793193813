package io.redisarrow.core.internal.channel;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The one way a command on the session's shared Lettuce connection is bounded and its failures
 * worded: a reply later than the timeout fails with {@link Timeouts}, an error reply goes to the
 * caller's explanation, and any other failure (a lost connection) is a failed command naming
 * {@code host:port}.
 */
public final class SharedCommands {

    private SharedCommands() {
    }

    /**
     * @param reply the command's reply
     * @param what the command, for messages
     * @param address {@code host:port}
     * @param timeout the longest the reply may take
     * @param explain what an error reply becomes ({@code e -> e} to pass it on)
     * @param <T> the reply's type
     * @return the bounded reply
     */
    public static <T> Mono<T> bounded(Mono<T> reply, String what, String address, Duration timeout,
            Function<RedisCommandExecutionException, ? extends Throwable> explain) {
        return reply.timeout(timeout, Mono.error(() -> Timeouts.exception(what, timeout)))
                .onErrorMap(e -> !(e instanceof RedisCommandTimeoutException), e -> {
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    return cause instanceof RedisCommandExecutionException error ? explain.apply(error)
                            : ConnectionErrors.commandFailed(what, address, cause);
                });
    }
}
