package io.redisarrow.core.internal.cluster;

/**
 * One node of a Redis Cluster as the topology names it.
 *
 * @param id the node id
 * @param host the host it announces
 * @param port the port it announces
 */
public record ClusterNode(String id, String host, int port) {

    /** @return {@code host:port}, for messages */
    public String address() {
        return host + ":" + port;
    }
}
