package io.redisarrow.core.internal.cluster;

import java.util.BitSet;
import java.util.List;

/**
 * A master of a Redis Cluster with the hash slots it serves and its replicas.
 *
 * @param master the master
 * @param slots its hash slots (not to be changed)
 * @param replicas its replicas that are not failing
 */
public record ClusterShard(ClusterNode master, BitSet slots, List<ClusterNode> replicas) {

    /** @return the slots as ranges, such as {@code 0-5460} or {@code 5-9,100} */
    public String slotRanges() {
        return Slots.ranges(slots);
    }
}
