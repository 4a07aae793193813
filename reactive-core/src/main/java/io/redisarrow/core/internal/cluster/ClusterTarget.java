package io.redisarrow.core.internal.cluster;

import io.lettuce.core.RedisConnectionException;
import io.redisarrow.core.internal.plan.NodeAccess;
import io.redisarrow.core.internal.plan.NodeTarget;
import io.redisarrow.core.internal.plan.RunIds;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.BitSet;
import java.util.List;

/**
 * The node serving one master's hash slots in a cluster scan: at each attempt, the master that now
 * serves the first of them (after a failover, its promoted replica), or one of its replicas when
 * the scan reads from replicas. Slots the master no longer serves are noted for reading again, and
 * so are the slots of a redirected fetch. Remembers which master and slots its last attempt
 * scanned, so the scan can tell at its end which slots it covered.
 */
final class ClusterTarget implements NodeTarget {

    private final ClusterConnections cluster;

    private final BitSet slots;

    private final boolean replicas;

    private final Duration timeout;

    private final RepairSlots repair;

    private volatile String master = "";

    private volatile BitSet served = new BitSet();

    ClusterTarget(ClusterConnections cluster, BitSet slots, boolean replicas, Duration timeout, RepairSlots repair) {
        this.cluster = cluster;
        this.slots = slots;
        this.replicas = replicas;
        this.timeout = timeout;
        this.repair = repair;
    }

    @Override
    public Mono<NodeAccess> resolve(boolean again) {
        return (again ? cluster.refresh() : cluster.topology()).flatMap(topology -> {
            int first = slots.nextSetBit(0);
            ClusterShard owner = topology.ownerOf(first);
            if (owner == null) {
                return Mono.error(new RedisConnectionException("no master of the Redis Cluster at " + cluster.address()
                        + " serves hash slot " + first + " (the cluster is failing over or down)"));
            }
            BitSet lost = (BitSet) slots.clone();
            lost.andNot(owner.slots());
            repair.add(lost);
            List<ClusterNode> readable = owner.replicas();
            boolean replica = replicas && !readable.isEmpty();
            ClusterNode node = replica ? readable.get(Math.floorMod(first, readable.size())) : owner.master();
            return cluster.node(node).flatMap(connection -> RunIds.of(connection, node.address(), timeout)
                    .map(runId -> {
                        master = owner.master().id();
                        served = owner.slots();
                        return new NodeAccess(node.id(), node.address(), runId, owner.slotRanges(), connection,
                                cluster.endpoint(node, replica));
                    }));
        });
    }

    @Override
    public void failed(Throwable failure) {
        repair.addRedirect(failure);
    }

    /**
     * @param topology the topology at the end of the scan
     * @return the slots this target's last attempt scanned on the master that serves them now
     */
    BitSet covered(ClusterTopology topology) {
        BitSet covered = new BitSet(Slots.COUNT);
        BitSet scanned = served;
        for (int slot = scanned.nextSetBit(0); slot >= 0; slot = scanned.nextSetBit(slot + 1)) {
            ClusterShard owner = topology.ownerOf(slot);
            if (owner != null && owner.master().id().equals(master)) {
                covered.set(slot);
            }
        }
        return covered;
    }
}
