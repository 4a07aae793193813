package io.redisarrow.core.internal.cluster;

import reactor.core.publisher.Mono;

import java.util.concurrent.CompletableFuture;

/**
 * The topology one cluster write routes its batches by: the one read at its start, replaced by
 * each refresh after a redirect or a transient failure. Refreshes asked for while one runs share
 * it. Thread-safe.
 */
final class WriteTopology {

    private final ClusterConnections cluster;

    private volatile ClusterTopology current;

    /** The refresh running, or null; guarded by {@code this}. */
    private CompletableFuture<ClusterTopology> refreshing;

    WriteTopology(ClusterConnections cluster, ClusterTopology start) {
        this.cluster = cluster;
        this.current = start;
    }

    /** @return the latest topology */
    ClusterTopology current() {
        return current;
    }

    /**
     * Reads the topology again, or joins the refresh running.
     *
     * @return the fresh topology; the latest one when the refresh fails (the commands sent by it
     *         then fail or are redirected in turn)
     */
    Mono<ClusterTopology> refresh() {
        CompletableFuture<ClusterTopology> refresh;
        boolean start = false;
        synchronized (this) {
            refresh = refreshing;
            if (refresh == null) {
                refresh = new CompletableFuture<>();
                refreshing = refresh;
                start = true;
            }
        }
        if (start) {
            CompletableFuture<ClusterTopology> mine = refresh;
            cluster.refresh().subscribe(topology -> {
                current = topology;
                end(mine, topology);
            }, failure -> end(mine, current), () -> end(mine, current));
        }
        return Mono.fromFuture(refresh, true);
    }

    private void end(CompletableFuture<ClusterTopology> refresh, ClusterTopology topology) {
        synchronized (this) {
            if (refreshing == refresh) {
                refreshing = null;
            }
        }
        refresh.complete(topology);
    }
}
