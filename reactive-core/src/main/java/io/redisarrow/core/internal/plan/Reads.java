package io.redisarrow.core.internal.plan;

import io.lettuce.core.api.StatefulRedisConnection;
import io.redisarrow.core.RawBatch;
import io.redisarrow.core.ReadRequest;
import io.redisarrow.core.internal.channel.RedisChannel;
import io.redisarrow.core.internal.channel.RedisEndpoint;
import io.redisarrow.core.internal.fetch.KeyBatchFetch;
import io.redisarrow.core.internal.source.KeySource;
import io.redisarrow.core.internal.source.KeyTypeFilter;
import io.redisarrow.core.internal.source.ScanKeySource;
import reactor.core.publisher.Flux;

import java.time.Duration;

/**
 * Entry point of every keyspace read: SCAN (with TYPE as the {@link KeyTypeFilter} says) on the
 * shared connection → batches of keys → pipelined value commands (+TTL) on the read's own
 * {@link RedisChannel} → {@link RawBatch}es in key order, sized by a {@link BatchPlan}. The
 * channel lives exactly as long as the subscription.
 */
public final class Reads {

    private Reads() {
    }

    /**
     * @param connection the shared connection, used for SCAN
     * @param endpoint where the read's channel connects (credentials, database, TLS, connect timeout)
     * @param request what to read
     * @param timeout the longest one round trip may take
     * @return the batches; see {@link ReadPipeline}
     */
    public static Flux<RawBatch> read(StatefulRedisConnection<byte[], byte[]> connection, RedisEndpoint endpoint,
            ReadRequest request, Duration timeout) {
        BatchPlan plan = BatchPlan.of(request);
        KeyTypeFilter types = new KeyTypeFilter(request.typeFilter(), request.values().keyType());
        KeySource keys = new ScanKeySource(connection, endpoint.address(), request.pattern(), plan.countHint(), types,
                timeout);
        return fetch(keys, endpoint, request, plan, timeout, types::otherTypeSeen);
    }

    /**
     * Reads the keys of another source (search results, key lists) as {@link #read} reads SCAN's:
     * batches of keys, pipelined value commands on the read's own channel, in key order.
     *
     * @param keys where the keys come from
     * @param endpoint where the read's channel connects
     * @param request what to fetch per key, batch sizes, limit and TTL (its pattern and SCAN
     *        options are not used)
     * @param timeout the longest one round trip may take
     * @return the batches; see {@link ReadPipeline}
     */
    public static Flux<RawBatch> read(KeySource keys, RedisEndpoint endpoint, ReadRequest request, Duration timeout) {
        return fetch(keys, endpoint, request, BatchPlan.of(request), timeout, () -> {
        });
    }

    /**
     * Numbers the rows of batches read without keys (aggregation pages), drops empty ones and stops
     * after {@code limit} rows, cancelling the source.
     *
     * @param batches the batches
     * @param limit the most rows, {@link Long#MAX_VALUE} for no limit
     * @return the batches
     */
    public static Flux<RawBatch> rows(Flux<RawBatch> batches, long limit) {
        return limit == 0 ? Flux.empty() : RowLimit.apply(batches, limit, false);
    }

    private static Flux<RawBatch> fetch(KeySource keys, RedisEndpoint endpoint, ReadRequest request, BatchPlan plan,
            Duration timeout, Runnable otherTypeSeen) {
        return Flux.usingWhen(endpoint.connect(), channel -> ReadPipeline.read(keys,
                KeyBatchFetch.of(channel, request.values(), plan.batchSize(), request.withTtl(), timeout, otherTypeSeen),
                plan.batchSize(), plan.parallel(), request.limit()), RedisChannel::close);
    }
}
