package io.redisarrow.core.internal;

import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.netty.channel.EventLoopGroup;
import io.redisarrow.core.HashRead;
import io.redisarrow.core.RawBatch;
import reactor.core.publisher.Flux;

import java.time.Duration;

/**
 * Entry point of the hash read path: SCAN (with TYPE hash unless turned off) on the shared connection → batches of keys
 * → pipelined HGETALL/HMGET (+TTL) on the scan's own {@link FetchChannel} → {@link RawBatch}es in
 * key order. The fetch channel lives exactly as long as the subscription.
 */
public final class HashReader {

    private HashReader() {
    }

    /**
     * @param connection the shared connection, used for SCAN
     * @param uri where the fetch channel connects (credentials, database, TLS)
     * @param connectTimeout the fetch channel's connect timeout
     * @param group the event loops of fetch channels
     * @param read what to read
     * @param timeout the longest one round trip may take
     * @return the batches; see {@link BatchPipeline}
     */
    public static Flux<RawBatch> read(StatefulRedisConnection<byte[], byte[]> connection, RedisURI uri,
            Duration connectTimeout, EventLoopGroup group, HashRead read, Duration timeout) {
        KeySource keys = new ScanKeySource(connection, uri.getHost() + ":" + uri.getPort(), read.pattern(),
                read.countHint(),
                read.typeFilter() ? "hash" : null, timeout);
        return Flux.usingWhen(FetchChannel.connect(uri, connectTimeout, group),
                channel -> BatchPipeline.read(keys, new HashFetchStage(channel, read, timeout), read.batchSize(),
                        read.parallel(), read.limit()),
                FetchChannel::close);
    }
}
