package io.redisarrow.core.internal.cluster;

import io.lettuce.core.api.StatefulRedisConnection;
import io.redisarrow.core.internal.channel.SharedCommands;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.BitSet;

/**
 * The hash slots a master is migrating away or importing: the {@code [slot->-id]} and
 * {@code [slot-<-id]} marks of its own line in {@code CLUSTER NODES}, which only the node itself
 * shows. While a slot migrates, its keys are split between two nodes.
 */
final class Migrations {

    private Migrations() {
    }

    /**
     * @param cluster the cluster
     * @param topology its masters
     * @param timeout the longest each command may take
     * @return the slots any master is migrating or importing
     */
    static Mono<BitSet> of(ClusterConnections cluster, ClusterTopology topology, Duration timeout) {
        return Flux.fromIterable(topology.shards())
                .flatMap(shard -> cluster.node(shard.master()).flatMap(connection -> marks(connection,
                        shard.master().address(), timeout)))
                .reduce(new BitSet(Slots.COUNT), (all, some) -> {
                    all.or(some);
                    return all;
                });
    }

    private static Mono<BitSet> marks(StatefulRedisConnection<byte[], byte[]> connection, String address,
            Duration timeout) {
        return SharedCommands.bounded(Mono.fromCompletionStage(() -> connection.async().clusterNodes()),
                "CLUSTER NODES", address, timeout, e -> e).map(Migrations::parse);
    }

    static BitSet parse(String nodes) {
        BitSet slots = new BitSet(Slots.COUNT);
        for (String line : nodes.split("\n")) {
            if (!line.contains("myself")) {
                continue;
            }
            for (String part : line.trim().split(" ")) {
                if (part.startsWith("[") && (part.contains("->-") || part.contains("-<-"))) {
                    slots.set(Integer.parseInt(part.substring(1, part.indexOf('-'))));
                }
            }
        }
        return slots;
    }
}
