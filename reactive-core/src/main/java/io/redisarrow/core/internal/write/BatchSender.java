package io.redisarrow.core.internal.write;

import io.redisarrow.core.WriteBatch;
import io.redisarrow.core.WriteOutcome;
import reactor.core.publisher.Mono;

/**
 * Where a write's encoded batches go: one connection ({@link WritePipeline#write(org.reactivestreams.Publisher,
 * io.redisarrow.core.WriteEncoder, io.redisarrow.core.internal.channel.RedisChannel, io.redisarrow.core.WriteRequest,
 * java.time.Duration)}), or the masters of a Redis Cluster.
 */
@FunctionalInterface
public interface BatchSender {

    /**
     * Sends one batch, its turn come, and reads what became of its keys. Called at most once per
     * batch, on any thread; the pipeline calls {@link Handover#sent()} itself when the returned
     * Mono ends, so a sender that fails before handing its commands over does not hold up the
     * batches after it.
     *
     * @param batch the batch, with at least one unit; its commands stay with the pipeline until
     *        taken through {@code handover}
     * @param handover takes the commands, and lets the next batch go once they are handed over
     * @return the outcome; empty when the write ended before the commands were taken
     */
    Mono<WriteOutcome> send(WriteBatch batch, Handover handover);
}
