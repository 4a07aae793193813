package io.redisarrow.core.internal;

import io.lettuce.core.api.StatefulRedisConnection;
import io.redisarrow.core.HashRead;
import io.redisarrow.core.RawBatch;
import reactor.core.publisher.Flux;

import java.time.Duration;

/**
 * Entry point of the hash read path: SCAN (TYPE hash) → pipelined HGETALL/HMGET (+TTL) →
 * {@link RawBatch}es in key order.
 */
public final class HashReader {

    private HashReader() {
    }

    /**
     * @param connection a connection using byte-array keys and values
     * @param read what to read
     * @param timeout the longest one round trip may take
     * @return the batches; see {@link BatchPipeline}
     */
    public static Flux<RawBatch> read(StatefulRedisConnection<byte[], byte[]> connection, HashRead read,
            Duration timeout) {
        KeySource keys = new ScanKeySource(connection, read.pattern(), read.countHint(), "hash", timeout);
        FetchStage stage = new HashFetchStage(connection, read, timeout);
        return BatchPipeline.read(keys, stage, read.batchSize(), read.parallel(), read.limit());
    }
}
