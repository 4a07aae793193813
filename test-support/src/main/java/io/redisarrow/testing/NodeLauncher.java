package io.redisarrow.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts one cluster node: a {@link LocalRedisServer} with {@code cluster-enabled} on a given port, in a
 * given directory (where its {@code nodes.conf} lives, so a node started again there rejoins as the
 * same node), with a short node timeout, replicas that always try a failover, and diskless replication
 * without delay (a replica is in sync within milliseconds).
 *
 * @param binary the redis-server binary
 * @param modules module files to load, in order
 * @param nodeTimeout {@code cluster-node-timeout}
 * @param announces whether nodes announce a port of their own choosing ({@code cluster-announce-port})
 * @param extraArgs more redis-server arguments, last (so they win)
 */
record NodeLauncher(Path binary, List<Path> modules, Duration nodeTimeout, boolean announces, List<String> extraArgs) {

    NodeLauncher {
        modules = List.copyOf(modules);
        extraArgs = List.copyOf(extraArgs);
    }

    /**
     * @param port the port to listen on ({@code port + 10000} is its cluster bus)
     * @param announcedPort the port the node tells clients and other nodes, when {@link #announces()}
     * @param directory its directory, kept when it stops
     * @return the running node, answering PING, not yet part of a cluster when new
     * @throws IllegalStateException when it does not start
     */
    LocalRedisServer launch(int port, int announcedPort, Path directory) {
        List<String> args = new ArrayList<>(List.of("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                "--cluster-node-timeout", Long.toString(nodeTimeout.toMillis()),
                "--cluster-replica-validity-factor", "0", "--repl-diskless-sync", "yes",
                "--repl-diskless-sync-delay", "0"));
        if (announces) {
            args.addAll(List.of("--cluster-announce-port", Integer.toString(announcedPort),
                    "--cluster-announce-bus-port", Integer.toString(port + ClusterPorts.BUS_OFFSET)));
        }
        args.addAll(extraArgs);
        return LocalRedisServer.builder().binary(binary).modules(modules.toArray(Path[]::new)).port(port)
                .directory(directory).args(args.toArray(String[]::new)).start();
    }
}
