package io.redisarrow.core.internal.plan;

import io.netty.buffer.ByteBuf;
import io.redisarrow.core.internal.channel.RedisChannel;
import io.redisarrow.core.internal.channel.Timeouts;
import io.redisarrow.core.internal.command.ServerCommands;
import io.redisarrow.core.internal.reply.PendingReplies;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Measures a read channel's round-trip latency before the first batch, for an adaptive
 * {@link BatchSizer}: the fastest of {@link #PINGS} sequential {@code PING}s, so a cold first
 * round trip (class loading, JIT) does not count as network latency.
 */
final class LatencyProbe {

    /** Sequential PINGs per read. */
    static final int PINGS = 3;

    private LatencyProbe() {
    }

    /**
     * @param channel the read's connection
     * @param timeout the longest the round trip may take
     * @return the fastest round trip in nanoseconds
     */
    static Mono<Long> measure(RedisChannel channel, Duration timeout) {
        return ping(channel, timeout).repeat(PINGS - 1).reduce(Math::min);
    }

    private static Mono<Long> ping(RedisChannel channel, Duration timeout) {
        return Mono.defer(() -> {
            ByteBuf out = channel.alloc().buffer(16);
            ServerCommands.ping(out);
            long start = System.nanoTime();
            return channel.send(out, new PendingReplies(1) {
            }).then(Mono.fromSupplier(() -> System.nanoTime() - start))
                    .timeout(timeout, Mono.error(() -> Timeouts.exception("PING", timeout)));
        });
    }
}
