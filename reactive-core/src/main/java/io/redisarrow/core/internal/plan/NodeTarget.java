package io.redisarrow.core.internal.plan;

import reactor.core.publisher.Mono;

/**
 * Finds the node one part of a read scans, at the start of each attempt: the server of a
 * standalone read, or the master (or a replica) serving a set of hash slots in a cluster, which a
 * failover may have moved to another node.
 */
public interface NodeTarget {

    /**
     * @param again whether an attempt failed before, so the topology should be read again
     * @return the node to scan now
     */
    Mono<NodeAccess> resolve(boolean again);

    /**
     * Told of every failure of an attempt, before it is retried or ends the read.
     *
     * @param failure what the attempt failed with
     */
    default void failed(Throwable failure) {
    }
}
