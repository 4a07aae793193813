package io.redisarrow.core.internal.cluster;

import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode.NodeFlag;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Which master serves which hash slot, at one moment: a snapshot of Lettuce's view of the
 * cluster ({@code CLUSTER NODES}). Immutable.
 */
public final class ClusterTopology {

    private final List<ClusterShard> shards;

    private final int[] owners;

    private ClusterTopology(List<ClusterShard> shards) {
        this.shards = List.copyOf(shards);
        this.owners = new int[Slots.COUNT];
        java.util.Arrays.fill(owners, -1);
        for (int i = 0; i < this.shards.size(); i++) {
            BitSet slots = this.shards.get(i).slots();
            for (int slot = slots.nextSetBit(0); slot >= 0; slot = slots.nextSetBit(slot + 1)) {
                owners[slot] = i;
            }
        }
    }

    /**
     * @param partitions Lettuce's view
     * @return the masters that serve slots and are not failing, each with its live replicas
     */
    public static ClusterTopology of(Partitions partitions) {
        List<RedisClusterNode> nodes = new ArrayList<>(partitions.getPartitions());
        List<ClusterShard> shards = new ArrayList<>();
        for (RedisClusterNode node : nodes) {
            if (!node.is(NodeFlag.UPSTREAM) || node.hasNoSlots() || failing(node)) {
                continue;
            }
            BitSet slots = new BitSet(Slots.COUNT);
            for (int slot : node.getSlots()) {
                slots.set(slot);
            }
            List<ClusterNode> replicas = new ArrayList<>();
            for (RedisClusterNode other : nodes) {
                if (node.getNodeId().equals(other.getSlaveOf()) && !failing(other)) {
                    replicas.add(node(other));
                }
            }
            shards.add(new ClusterShard(node(node), slots, List.copyOf(replicas)));
        }
        shards.sort(java.util.Comparator.comparingInt(shard -> shard.slots().nextSetBit(0)));
        return new ClusterTopology(shards);
    }

    private static boolean failing(RedisClusterNode node) {
        return node.is(NodeFlag.FAIL) || node.is(NodeFlag.EVENTUAL_FAIL) || node.is(NodeFlag.NOADDR)
                || node.is(NodeFlag.HANDSHAKE);
    }

    private static ClusterNode node(RedisClusterNode node) {
        return new ClusterNode(node.getNodeId(), node.getUri().getHost(), node.getUri().getPort());
    }

    /** @return the masters serving slots, in the order of their first slot */
    public List<ClusterShard> shards() {
        return shards;
    }

    /**
     * @param slot a hash slot
     * @return the master serving it, or null while no master does
     */
    @Nullable
    public ClusterShard ownerOf(int slot) {
        int owner = owners[slot];
        return owner < 0 ? null : shards.get(owner);
    }

    /** @return the slots no master serves, as ranges; empty when all are served */
    public String unserved() {
        BitSet missing = new BitSet(Slots.COUNT);
        for (int slot = 0; slot < Slots.COUNT; slot++) {
            if (owners[slot] < 0) {
                missing.set(slot);
            }
        }
        return Slots.ranges(missing);
    }
}
