package io.redisarrow.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Ports for cluster nodes: a loopback port {@code p} that is free, with {@code p + 10000} (the node's
 * cluster bus) free too, neither handed out before by the same instance.
 */
final class ClusterPorts {

    /** How far above a node's port its cluster bus listens, as Redis has it by default. */
    static final int BUS_OFFSET = 10_000;

    private static final int ATTEMPTS = 200;

    private final Set<Integer> taken = new HashSet<>();

    /**
     * @return a port {@code p} free a moment ago, with {@code p + }{@value #BUS_OFFSET} free as well
     * @throws IllegalStateException when no such pair is found
     */
    synchronized int next() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = freePort();
            int bus = port + BUS_OFFSET;
            if (bus > 65535 || taken.contains(port) || taken.contains(bus) || !isFree(bus)) {
                continue;
            }
            taken.add(port);
            taken.add(bus);
            return port;
        }
        throw new IllegalStateException("no free loopback port p with p+" + BUS_OFFSET + " free after " + ATTEMPTS
                + " attempts");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a loopback port: " + e.getMessage(), e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
