package io.redisarrow.core.internal.fetch;

import io.redisarrow.core.CollectionValues;
import io.redisarrow.core.RawBatch;
import io.redisarrow.core.ValueRead;
import io.redisarrow.core.internal.channel.RedisChannel;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * Reads one batch of keys into raw batches: the fetch stage of a read, whatever its data type. A
 * type with one row per key answers with one batch per key batch ({@link FetchStage}); a
 * collection type with as many as its elements fill ({@link CollectionFetch}).
 */
public interface KeyBatchFetch {

    /**
     * @param keys the keys of the batch, in order
     * @return the batch's rows in key order, in batches sent as the subscriber asks for them
     */
    Flux<RawBatch> batches(List<byte[]> keys);

    /**
     * @param batchSize the most rows per batch
     * @return how many keys the next batch of keys should take: {@code batchSize} when a key yields
     *         at most one row; fewer when keys yield many, so that one batch of keys fills about one
     *         batch of rows and {@code parallel} batches of keys keep as many round trips in flight
     */
    default int keysPerBatch(int batchSize) {
        return batchSize;
    }

    /** @return whether a key yields at most one row, so a limited read can count keys as rows */
    boolean rowPerKey();

    /** @return whether the decoder makes one row of consecutive rows of one key (rows count keys) */
    default boolean groupedByKey() {
        return false;
    }

    /**
     * @param channel the read's connection
     * @param values what the read fetches from each key
     * @param batchSize the most rows per batch
     * @param withTtl whether each row carries its key's TTL
     * @param timeout the longest one round trip may take
     * @param otherTypeSeen called when a batch met keys of another type (WRONGTYPE)
     * @return the fetch stage of that data type
     */
    static KeyBatchFetch of(RedisChannel channel, ValueRead values, int batchSize, boolean withTtl, Duration timeout,
            Runnable otherTypeSeen) {
        return of(channel, values, batchSize, withTtl, timeout, otherTypeSeen, false);
    }

    /**
     * As {@link #of(RedisChannel, ValueRead, int, boolean, Duration, Runnable)}, on a cluster node
     * when {@code bySlot}: commands that read several keys are split by hash slot.
     */
    static KeyBatchFetch of(RedisChannel channel, ValueRead values, int batchSize, boolean withTtl, Duration timeout,
            Runnable otherTypeSeen, boolean bySlot) {
        if (values instanceof CollectionValues collection) {
            return new CollectionFetch(channel, collection, batchSize, withTtl, timeout, otherTypeSeen);
        }
        return FetchStage.of(channel, values, withTtl, timeout, otherTypeSeen, bySlot);
    }
}
