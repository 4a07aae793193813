package io.redisarrow.core.internal.plan;

import io.lettuce.core.api.StatefulRedisConnection;
import io.redisarrow.core.internal.channel.RedisEndpoint;

/**
 * One node as a read finds it at the start of an attempt: who it is, and how to reach it.
 *
 * @param id the cluster node id, or empty for a standalone Redis
 * @param address {@code host:port}
 * @param runId the server process's {@code run_id}, or empty when the server will not say
 * @param slots the hash slots it serves as ranges, or empty for a standalone Redis
 * @param scan the connection SCAN is sent on
 * @param endpoint where the read's own fetch connection connects
 */
public record NodeAccess(String id, String address, String runId, String slots,
        StatefulRedisConnection<byte[], byte[]> scan, RedisEndpoint endpoint) {
}
