package io.redisarrow.core.internal.fetch;

import io.lettuce.core.internal.ExceptionFactory;
import io.redisarrow.core.internal.channel.Timeouts;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What every fetch stage's round trip shares: the bound on how long its replies may take, and how
 * an error reply for one key is worded.
 */
final class RoundTrips {

    private RoundTrips() {
    }

    /**
     * @param replies completes when the round trip's last reply has been read
     * @param timeout the longest the round trip may take
     * @param command the command named in a timeout
     * @param count how many commands the pipeline held
     * @return the replies, failed with a timeout when they take longer
     */
    static Mono<Void> await(Mono<Void> replies, Duration timeout, String command, int count) {
        return replies.timeout(timeout,
                Mono.error(() -> Timeouts.exception("pipeline of " + count + " " + command, timeout)));
    }

    /**
     * @param command the command that failed
     * @param key its key
     * @param error the server's error reply
     * @return the failure of the read, naming the command and the key
     */
    static RuntimeException failed(String command, byte[] key, String error) {
        return ExceptionFactory.createExecutionException(command + " " + new String(key, StandardCharsets.UTF_8)
                + " failed: " + error);
    }
}
