package io.redisarrow.core.internal.plan;

import io.lettuce.core.api.StatefulRedisConnection;
import io.redisarrow.core.RawBatch;
import io.redisarrow.core.ReadRequest;
import io.redisarrow.core.internal.channel.RedisChannel;
import io.redisarrow.core.internal.channel.RedisEndpoint;
import io.redisarrow.core.internal.fetch.FetchStage;
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
        return Flux.usingWhen(endpoint.connect(), channel -> ReadPipeline.read(keys,
                FetchStage.of(channel, request.values(), request.withTtl(), timeout,
                        types::otherTypeSeen),
                plan.batchSize(), plan.parallel(), request.limit()), RedisChannel::close);
    }
}
