package io.redisarrow.benchmarks;

import io.redisarrow.testing.ClusterNode;
import io.redisarrow.testing.LocalRedisCluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The cluster scenario's cluster: {@link LocalRedisCluster} masters without replicas or modules, on
 * loopback or, given a delay, each node behind a {@link LatencyProxy} of its own that it announces
 * ({@code cluster-announce-port}), so every client connection, the seed's included, crosses a proxy. The
 * proxies start before their nodes (the harness asks for each node's announced port as it launches it)
 * and close after the cluster. The nodes' {@code cluster-node-timeout} is the caller's: a benchmark
 * gives Redis' default of 15 s, so nodes on a loaded machine do not mark each other failing and answer
 * {@code CLUSTERDOWN} in the middle of a pass.
 */
final class BenchCluster implements AutoCloseable {

    private final LocalRedisCluster cluster;

    private final List<LatencyProxy> proxies;

    private BenchCluster(LocalRedisCluster cluster, List<LatencyProxy> proxies) {
        this.cluster = cluster;
        this.proxies = proxies;
    }

    /**
     * @param masters how many masters
     * @param oneWay the delay each way in front of every node; zero for none (no proxy)
     * @param nodeTimeout the nodes' {@code cluster-node-timeout}
     * @return the running cluster, every slot served
     */
    static BenchCluster start(int masters, Duration oneWay, Duration nodeTimeout) {
        List<LatencyProxy> proxies = Collections.synchronizedList(new ArrayList<>());
        LocalRedisCluster.Builder builder = LocalRedisCluster.builder().masters(masters).replicasPerMaster(0)
                .nodeTimeout(nodeTimeout).noModules();
        if (!oneWay.isZero()) {
            builder.announcedPort(port -> {
                try {
                    LatencyProxy proxy = LatencyProxy.start("127.0.0.1", port, oneWay);
                    proxies.add(proxy);
                    return proxy.port();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while starting the proxy of port " + port, e);
                }
            });
        }
        try {
            return new BenchCluster(builder.start(), proxies);
        } catch (RuntimeException e) {
            synchronized (proxies) {
                proxies.forEach(LatencyProxy::close);
            }
            throw e;
        }
    }

    /** @return the seed URL a client is given: the first master's announced port (its proxy's, if any) */
    String url() {
        return "redis://127.0.0.1:" + masters().get(0).announcedPort();
    }

    /** @return the masters, in start order */
    List<ClusterNode> masters() {
        return cluster.masters();
    }

    /** @return each master's own URL, not through its proxy, in start order */
    List<String> masterUrls() {
        return masters().stream().map(ClusterNode::url).toList();
    }

    @Override
    public void close() {
        cluster.close();
        synchronized (proxies) {
            proxies.forEach(LatencyProxy::close);
        }
    }
}
