package io.redisarrow.testing;

import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Whether a cluster has settled, and waiting until it has: every running node reports
 * {@code cluster_state:ok} with all 16384 slots assigned and every node known, every running node
 * gives each slot to the same running master, and every running replica's link to its master is up.
 */
final class ClusterCheck {

    private static final long POLL_MILLIS = 50;

    private ClusterCheck() {
    }

    /**
     * @param admin admin connections
     * @param nodes every node of the cluster, running or not
     * @param masters at start, how many of the first nodes must be masters (the rest replicas); 0 to
     *        accept the roles as they are
     * @return what is not settled yet, or empty when all is
     */
    static Optional<String> problem(ClusterAdmin admin, List<ClusterNode> nodes, int masters) {
        List<ClusterNode> running = nodes.stream().filter(ClusterNode::isAlive).toList();
        if (running.isEmpty()) {
            return Optional.of("no node is running");
        }
        Set<String> runningIds = running.stream().map(ClusterNode::id).collect(Collectors.toSet());
        Map<String, String> agreed = null;
        ClusterNode agreedBy = null;
        for (ClusterNode node : running) {
            try {
                Map<String, String> info = admin.clusterInfo(node.port());
                if (!"ok".equals(info.get("cluster_state"))) {
                    return Optional.of(node + " reports cluster_state:" + info.get("cluster_state"));
                }
                if (!String.valueOf(SlotHash.SLOT_COUNT).equals(info.get("cluster_slots_assigned"))) {
                    return Optional.of(node + " reports cluster_slots_assigned:" + info.get("cluster_slots_assigned"));
                }
                if (!String.valueOf(nodes.size()).equals(info.get("cluster_known_nodes"))) {
                    return Optional.of(node + " knows " + info.get("cluster_known_nodes") + " nodes of " + nodes.size());
                }
                Partitions view = admin.view(node.port());
                Map<String, String> slots = slotMap(view);
                Optional<String> gone = slots.keySet().stream().filter(Predicate.not(runningIds::contains)).findFirst();
                if (gone.isPresent()) {
                    return Optional.of(node + " gives slots " + slots.get(gone.get()) + " to " + gone.get()
                            + ", which is not running");
                }
                if (agreed == null) {
                    agreed = slots;
                    agreedBy = node;
                } else if (!agreed.equals(slots)) {
                    return Optional.of(node + " sees the slots as " + slots + " but " + agreedBy + " as " + agreed);
                }
                RedisClusterNode myself = ClusterAdmin.myself(view)
                        .orElseThrow(() -> new IllegalStateException("no myself line in CLUSTER NODES"));
                boolean master = ClusterAdmin.isMaster(myself);
                if (masters > 0 && master != nodes.indexOf(node) < masters) {
                    return Optional.of(node + " is a " + (master ? "master" : "replica") + " yet");
                }
                if (!master) {
                    String link = admin.replication(node.port()).get("master_link_status");
                    if (!"up".equals(link)) {
                        return Optional.of(node + " reports master_link_status:" + link);
                    }
                }
            } catch (RuntimeException e) {
                return Optional.of(node + " does not answer: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * Waits until the cluster has settled, polling every {@value #POLL_MILLIS} ms.
     *
     * @param admin admin connections
     * @param nodes every node of the cluster
     * @param masters as for {@link #problem}
     * @param what what is waited for, for the message
     * @param timeout how long to wait
     * @throws IllegalStateException on timeout, with what was not settled and each node's CLUSTER INFO
     */
    static void await(ClusterAdmin admin, List<ClusterNode> nodes, int masters, String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<String> problem = problem(admin, nodes, masters);
            if (problem.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not settle within " + timeout.toMillis() + " ms: "
                        + problem.get() + "\n" + describe(admin, nodes));
            }
            sleep(POLL_MILLIS);
        }
    }

    /** @return each node's CLUSTER INFO and role, for messages */
    static String describe(ClusterAdmin admin, List<ClusterNode> nodes) {
        StringBuilder text = new StringBuilder();
        for (ClusterNode node : nodes) {
            text.append(node).append(": ");
            if (!node.isAlive()) {
                text.append("not running\n");
                continue;
            }
            try {
                Map<String, String> replication = admin.replication(node.port());
                text.append("role:").append(replication.get("role"));
                if (replication.containsKey("master_link_status")) {
                    text.append(" master_link_status:").append(replication.get("master_link_status"));
                }
                admin.clusterInfo(node.port()).forEach((name, value) -> text.append(' ').append(name).append(':')
                        .append(value));
            } catch (RuntimeException e) {
                text.append("does not answer: ").append(e.getMessage());
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** @return the masters that serve slots in a view, by id, each with its slots as ranges */
    static Map<String, String> slotMap(Partitions view) {
        Map<String, String> map = new TreeMap<>();
        for (RedisClusterNode node : view) {
            if (!node.hasNoSlots()) {
                map.put(node.getNodeId(), ranges(node.getSlots()));
            }
        }
        return map;
    }

    /** @return {@code 0-5460,6000} for those slots, sorted */
    static String ranges(List<Integer> slots) {
        int[] sorted = slots.stream().mapToInt(Integer::intValue).sorted().toArray();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sorted.length; i++) {
            int start = sorted[i];
            while (i + 1 < sorted.length && sorted[i + 1] == sorted[i] + 1) {
                i++;
            }
            text.append(text.length() == 0 ? "" : ",").append(start);
            if (sorted[i] != start) {
                text.append('-').append(sorted[i]);
            }
        }
        return text.toString();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the cluster", e);
        }
    }
}
