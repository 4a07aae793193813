package io.redisarrow.core.internal.cluster;

import io.redisarrow.core.RawBatch;
import io.redisarrow.core.ReadRequest;
import io.redisarrow.core.RedisArrowException;
import io.redisarrow.core.RetryPolicy;
import io.redisarrow.core.ScanCheckpoint;
import io.redisarrow.core.internal.observe.ReadObserver;
import io.redisarrow.core.internal.plan.Reads;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A scan of a Redis Cluster: every master is scanned in parallel, each with its own SCAN and its
 * own fetch connection and at most {@code parallel} round trips in flight ({@link Reads#scan});
 * every key is fetched on the node SCAN found it on, the one serving its slot. A pattern with a
 * hash tag ({@code {user}:*}) scans only the master serving that tag's slot.
 *
 * <p>Keys move between masters while slots migrate, so a scan that sees its topology change reads
 * some slots again at its end ({@link RepairSlots}): the slots a fetch was redirected from, slots
 * that changed master and were not scanned whole on their new master, slots still migrating
 * (waited for). Those slots are read on the master serving them then, key by key
 * ({@code CLUSTER GETKEYSINSLOT}, filtered by the pattern), so a key present for the whole scan is
 * read at least once, and keys of those slots may come twice.
 */
public final class ClusterScan {

    private ClusterScan() {
    }

    /**
     * @param cluster the cluster
     * @param request what to read
     * @param timeout the longest one round trip may take
     * @param retry how transient failures are retried
     * @param replicas whether to read from replicas
     * @param observers the observer of each node's read, by operation and {@code host:port}
     * @return the batches of every master, merged
     */
    public static Flux<RawBatch> read(ClusterConnections cluster, ReadRequest request, Duration timeout,
            RetryPolicy retry, boolean replicas, BiFunction<String, ReadRequest, ReadObserver> observers) {
        return cluster.servedTopology("scan").flatMapMany(start -> {
            int tag = HashTags.slotOf(request.pattern());
            BitSet relevant = new BitSet(Slots.COUNT);
            List<ClusterShard> shards;
            if (tag >= 0) {
                relevant.set(tag);
                shards = List.of(start.ownerOf(tag));
            } else {
                relevant.set(0, Slots.COUNT);
                shards = start.shards();
            }
            ScanCheckpoint resumed = request.resumeFrom();
            RepairSlots repair = new RepairSlots();
            if (resumed != null) {
                repair.add(Slots.parse(resumed.repair()));
            }
            List<ClusterTarget> targets = new ArrayList<>();
            List<Reads.Part> parts = new ArrayList<>();
            for (ClusterShard shard : shards) {
                ClusterTarget target = new ClusterTarget(cluster, shard.slots(), replicas, timeout, repair);
                targets.add(target);
                parts.add(new Reads.Part(target, startOf(resumed, shard), observers.apply(shard.master().address(),
                        request)));
            }
            return Reads.scan(parts, request, timeout, retry, repair::ranges,
                    budget -> again(cluster, request, timeout, retry, relevant, targets, repair, budget));
        });
    }

    /** @return the checkpoint's position of the node that serves the shard, if it is the same node with the same slots */
    private static ScanCheckpoint.@Nullable Node startOf(@Nullable ScanCheckpoint resumed, ClusterShard shard) {
        if (resumed == null) {
            return null;
        }
        for (ScanCheckpoint.Node node : resumed.nodes()) {
            if (node.slots().equals(shard.slotRanges())) {
                return node;
            }
        }
        return null;
    }

    /** Reads again, at the end, the slots keys may have moved through. */
    private static Flux<RawBatch> again(ClusterConnections cluster, ReadRequest request, Duration timeout,
            RetryPolicy retry, BitSet relevant, List<ClusterTarget> targets, RepairSlots repair, Reads.Budget budget) {
        return settled(cluster, timeout, retry, 1).flatMapMany(end -> {
            BitSet uncovered = (BitSet) relevant.clone();
            for (ClusterTarget target : targets) {
                uncovered.andNot(target.covered(end));
            }
            repair.add(uncovered);
            BitSet todo = repair.snapshot();
            todo.and(relevant);
            if (todo.isEmpty()) {
                return Flux.empty();
            }
            Map<ClusterShard, BitSet> byOwner = new LinkedHashMap<>();
            for (int slot = todo.nextSetBit(0); slot >= 0; slot = todo.nextSetBit(slot + 1)) {
                byOwner.computeIfAbsent(end.ownerOf(slot), owner -> new BitSet(Slots.COUNT)).set(slot);
            }
            Glob glob = new Glob(request.pattern());
            return Flux.fromIterable(byOwner.entrySet()).concatMap(entry -> {
                ClusterNode master = entry.getKey().master();
                return cluster.node(master).flatMapMany(connection -> Reads.keys(
                        new SlotKeys(connection, master.address(), entry.getValue(), glob, timeout),
                        cluster.endpoint(master, false), request, timeout, budget));
            }, 0);
        });
    }

    /**
     * @return the topology once every slot is served and none is migrating, waiting as the retry
     *         policy allows
     */
    private static Mono<ClusterTopology> settled(ClusterConnections cluster, Duration timeout, RetryPolicy retry,
            int attempt) {
        return cluster.refresh().flatMap(topology -> Migrations.of(cluster, topology, timeout).flatMap(migrating -> {
            if (topology.unserved().isEmpty() && migrating.isEmpty()) {
                return Mono.just(topology);
            }
            if (attempt > retry.maxRetries()) {
                String what = !topology.unserved().isEmpty() ? "no master serves hash slots " + topology.unserved()
                        : "hash slots " + Slots.ranges(migrating) + " are still migrating";
                return Mono.error(new RedisArrowException("the scan of the Redis Cluster at " + cluster.address()
                        + " ended, but " + what + ", so keys that moved during the scan cannot be read again; the"
                        + " rows delivered are incomplete for those slots. Scan again once the cluster is stable"));
            }
            return Mono.delay(retry.backoff(attempt)).then(settled(cluster, timeout, retry, attempt + 1));
        }));
    }
}
