package io.redisarrow.testing;

import io.lettuce.core.MigrateArgs;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntUnaryOperator;
import java.util.stream.Stream;

/**
 * A Redis Cluster of {@code redis-server} processes on 127.0.0.1, for tests and benchmarks: each node
 * on a free port {@code p} (its cluster bus on {@code p + 10000}) in its own temporary directory,
 * without persistence, loading the modules {@code REDIS_ARROW_MODULES} names (see {@link ModulePaths});
 * joined by {@code redis-cli --cluster create}, masters first. {@link Builder#start()} returns once
 * every node reports {@code cluster_state:ok}, all nodes agree on who serves each of the 16384 slots,
 * and every replica's link to its master is up. {@link #close()} kills every process and removes the
 * directories (a JVM shutdown hook does it too).
 *
 * <p>Tests can take nodes down ({@link ClusterNode#kill()}), wait for the failover
 * ({@link #waitForFailover}) and move a slot between masters step by step ({@link #startMigration},
 * {@link #migrateKeys}, {@link #finishMigration}) while a scan runs.
 *
 * <p>RediSearch without its cluster coordinator (as in the shared 2.6 build) works per node: an
 * {@code FT.*} command goes to the node that serves the index name's slot (others answer MOVED), and
 * that index sees only the keys of that node.
 *
 * <pre>{@code
 * try (LocalRedisCluster cluster = LocalRedisCluster.builder().masters(3).replicasPerMaster(1).start()) {
 *     RedisClusterClient client = RedisClusterClient.create(cluster.url());
 *     ...
 * }
 * }</pre>
 */
public final class LocalRedisCluster implements AutoCloseable {

    /** How many hash slots a Redis Cluster has. */
    public static final int SLOTS = SlotHash.SLOT_COUNT;

    private static final long MIGRATE_TIMEOUT_MILLIS = 10_000;

    private static final Duration CREATE_TIMEOUT = Duration.ofSeconds(60);

    private final int masters;

    private final NodeLauncher launcher;

    private final Duration settleTimeout;

    private final Path root;

    private final ClusterAdmin admin = new ClusterAdmin();

    private final List<ClusterNode> nodes = new ArrayList<>();

    private final Thread shutdownHook;

    private volatile boolean closed;

    private LocalRedisCluster(int masters, NodeLauncher launcher, Duration settleTimeout, Path root) {
        this.masters = masters;
        this.launcher = launcher;
        this.settleTimeout = settleTimeout;
        this.root = root;
        this.shutdownHook = new Thread(this::close, "redis-cluster-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** @return a cluster of 3 masters with one replica each, with the other defaults */
    public static LocalRedisCluster start() {
        return builder().start();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return {@code redis://127.0.0.1:<port>} of the first node that runs, in start order: the first
     *         master unless it was killed; a seed for {@code RedisClusterClient}
     * @throws IllegalStateException when no node runs
     */
    public String url() {
        return firstRunning().url();
    }

    /** @return every node, running or not, in start order: the masters as started, then the replicas */
    public List<ClusterNode> nodes() {
        return List.copyOf(nodes);
    }

    /** @return the running nodes that are masters now ({@link ClusterNode#isMaster()}), in start order */
    public List<ClusterNode> masters() {
        return nodes.stream().filter(node -> node.isAlive() && node.isMaster()).toList();
    }

    /** @return the running nodes that are replicas now, in start order */
    public List<ClusterNode> replicas() {
        return nodes.stream().filter(node -> node.isAlive() && !node.isMaster()).toList();
    }

    /**
     * @param master a node of this cluster
     * @return the nodes that replicate it now, as the first running node sees it, in start order
     */
    public List<ClusterNode> replicasOf(ClusterNode master) {
        requireOwn(master, "master");
        Partitions view = view();
        return nodes.stream().filter(node -> {
            RedisClusterNode line = view.getPartitionByNodeId(node.id());
            return line != null && master.id().equals(line.getSlaveOf());
        }).toList();
    }

    /**
     * @param slot a hash slot, 0 to 16383
     * @return the master that serves it now, as the first running node sees it (CLUSTER NODES)
     * @throws IllegalArgumentException when the slot is out of range
     * @throws IllegalStateException when no node serves it
     */
    public ClusterNode masterOf(int slot) {
        requireSlot(slot);
        RedisClusterNode owner = view().getPartitionBySlot(slot);
        if (owner == null) {
            throw new IllegalStateException("no node serves slot " + slot);
        }
        return node(owner.getNodeId());
    }

    /**
     * @param key a key
     * @return its hash slot as Redis computes it (CRC16 of the key, or of its {@code {hash tag}}, mod 16384)
     */
    public int slotOf(byte[] key) {
        return SlotHash.getSlot(key);
    }

    /**
     * Waits until a master that was killed or stopped has been replaced: another running node serves its
     * slots, and the cluster has settled ({@link #awaitSettled}).
     *
     * @param deadMaster a master this cluster's {@link ClusterNode#kill()} or {@link ClusterNode#stop()} ended
     * @param timeout how long to wait
     * @return the node that serves its slots now (one of its replicas, unless slots were moved)
     * @throws IllegalArgumentException when the node runs, or served no slots when it was ended
     * @throws IllegalStateException when the failover does not happen in time, with each node's CLUSTER INFO
     */
    public ClusterNode waitForFailover(ClusterNode deadMaster, Duration timeout) {
        requireOwn(deadMaster, "deadMaster");
        if (deadMaster.isAlive()) {
            throw new IllegalArgumentException("deadMaster " + deadMaster + " is running: kill() or stop() it first");
        }
        List<Integer> slots = deadMaster.slotsWhenStopped();
        if (slots.isEmpty()) {
            throw new IllegalArgumentException("deadMaster " + deadMaster + " served no slots when it was ended:"
                    + " it was not a master");
        }
        ClusterCheck.await(admin, nodes, 0, "the failover of " + deadMaster, timeout);
        return masterOf(slots.get(0));
    }

    /**
     * Waits until the cluster has settled: every running node reports {@code cluster_state:ok} with all
     * slots assigned, they agree on who serves each slot (a running master), and every running replica's
     * link to its master is up.
     *
     * @param timeout how long to wait
     * @throws IllegalStateException when it does not settle in time, with each node's CLUSTER INFO
     */
    public void awaitSettled(Duration timeout) {
        ClusterCheck.await(admin, nodes, 0, "the cluster", timeout);
    }

    /**
     * The first step of moving a slot: {@code CLUSTER SETSLOT <slot> IMPORTING} on the target, then
     * {@code MIGRATING} on the source. From then on the source answers ASK for the slot's keys it no
     * longer has.
     *
     * @param slot the slot
     * @param from the master that serves it
     * @param to the master that will
     * @throws IllegalArgumentException for a slot out of range, a node of another cluster, or {@code from == to}
     */
    public void startMigration(int slot, ClusterNode from, ClusterNode to) {
        requireMove(slot, from, to);
        admin.on(to.port(), commands -> commands.clusterSetSlotImporting(slot, from.id()));
        admin.on(from.port(), commands -> commands.clusterSetSlotMigrating(slot, to.id()));
    }

    /**
     * The second step, repeated until it returns 0: moves up to {@code max} of the slot's keys from the
     * source to the target ({@code CLUSTER GETKEYSINSLOT}, then {@code MIGRATE ... KEYS}).
     *
     * @param slot the slot, whose migration has started
     * @param from the source
     * @param to the target
     * @param max how many keys at most
     * @return how many keys moved
     * @throws IllegalArgumentException for bad arguments ({@code max} below 1 included)
     * @throws io.lettuce.core.RedisException when a node refuses, e.g. the target already has a key
     */
    public int migrateKeys(int slot, ClusterNode from, ClusterNode to, int max) {
        requireMove(slot, from, to);
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        return admin.on(from.port(), commands -> {
            List<byte[]> keys = commands.clusterGetKeysInSlot(slot, max);
            if (keys.isEmpty()) {
                return 0;
            }
            String reply = commands.migrate(to.host(), to.port(), 0, MIGRATE_TIMEOUT_MILLIS, MigrateArgs.Builder.keys(keys));
            return "NOKEY".equals(reply) ? 0 : keys.size();
        });
    }

    /**
     * The last step: {@code CLUSTER SETSLOT <slot> NODE <target>} on the target, the source and every
     * other running master; returns once every running node gives the slot to the target.
     *
     * @param slot the slot, whose keys have all moved
     * @param from the source
     * @param to the target
     * @throws IllegalArgumentException for bad arguments
     * @throws IllegalStateException when a node refuses (the source still has keys of the slot) or the
     *         nodes do not agree in time
     */
    public void finishMigration(int slot, ClusterNode from, ClusterNode to) {
        requireMove(slot, from, to);
        List<ClusterNode> order = new ArrayList<>(List.of(to, from));
        masters().stream().filter(node -> !order.contains(node)).forEach(order::add);
        for (ClusterNode node : order) {
            try {
                admin.on(node.port(), commands -> commands.clusterSetSlotNode(slot, to.id()));
            } catch (RuntimeException e) {
                throw new IllegalStateException("CLUSTER SETSLOT " + slot + " NODE " + to.id() + " on " + node
                        + " failed: " + e.getMessage(), e);
            }
        }
        long deadline = System.nanoTime() + settleTimeout.toNanos();
        while (!everyNodeGives(slot, to)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the nodes do not agree within " + settleTimeout.toMillis()
                        + " ms that " + to + " serves slot " + slot + ":\n" + ClusterCheck.describe(admin, nodes));
            }
            ClusterCheck.sleep(20);
        }
    }

    /**
     * Moves a slot and its keys: {@link #startMigration}, {@link #migrateKeys} until none is left, then
     * {@link #finishMigration}.
     *
     * @param slot the slot
     * @param from the master that serves it
     * @param to another master
     * @return how many keys moved
     */
    public int migrateSlot(int slot, ClusterNode from, ClusterNode to) {
        startMigration(slot, from, to);
        int moved = 0;
        int batch;
        do {
            batch = migrateKeys(slot, from, to, 1000);
            moved += batch;
        } while (batch > 0);
        finishMigration(slot, from, to);
        return moved;
    }

    /**
     * Removes every key: FLUSHALL on each running master, then waits (up to 5 s) until its replicas have
     * it too ({@code WAIT}).
     */
    public void flushAll() {
        for (ClusterNode master : masters()) {
            admin.on(master.port(), commands -> {
                commands.flushall();
                String replicas = ClusterAdmin.fields(commands.info("replication")).getOrDefault("connected_slaves", "0");
                return commands.waitForReplication(Integer.parseInt(replicas), 5000);
            });
        }
    }

    /** Kills every node and removes their directories. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (ClusterNode node : nodes) {
            node.killQuietly();
        }
        admin.close();
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // closing from the hook itself
        }
    }

    ClusterAdmin admin() {
        return admin;
    }

    Duration settleTimeout() {
        return settleTimeout;
    }

    /** @return the modules and version of the first node, as it reported them when it started */
    ServerFacts facts() {
        return firstRunning().server().facts();
    }

    /** @return the directory holding every node's directory */
    Path directory() {
        return root;
    }

    LocalRedisServer launch(int port, int announcedPort, Path directory) {
        return launcher.launch(port, announcedPort, directory);
    }

    private void boot(Builder builder, Path cli) {
        int count = builder.masters * (1 + builder.replicasPerMaster);
        ClusterPorts ports = new ClusterPorts();
        ExecutorService starting = Executors.newFixedThreadPool(count);
        try {
            List<Future<ClusterNode>> started = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                started.add(starting.submit(() -> startNode(index, ports, builder.announcedPort)));
            }
            RuntimeException failure = null;
            for (Future<ClusterNode> node : started) {
                try {
                    nodes.add(node.get());
                } catch (ExecutionException e) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new IllegalStateException("interrupted while starting the cluster's nodes", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            starting.shutdown();
        }
        String output = RedisCli.createCluster(cli, nodes.stream().map(ClusterNode::port).toList(),
                builder.replicasPerMaster, root.resolve("create.log"), CREATE_TIMEOUT);
        try {
            ClusterCheck.await(admin, nodes, masters, "the new cluster", settleTimeout);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "redis-cli --cluster create said:\n" + output, e);
        }
    }

    private ClusterNode startNode(int index, ClusterPorts ports, IntUnaryOperator announcer) throws IOException {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = ports.next();
            int announced = announcer == null ? port : announcer.applyAsInt(port);
            if (announced < 1 || announced > 65535) {
                throw new IllegalArgumentException("announcedPort gave " + announced + " for port " + port
                        + ", not a port");
            }
            Path directory = Files.createTempDirectory(root, "node-" + index + "-");
            LocalRedisServer server = null;
            try {
                server = launcher.launch(port, announced, directory);
                String id = admin.on(port, RedisCommands::clusterMyId);
                return new ClusterNode(this, server, announced, directory, id);
            } catch (IllegalStateException e) {
                last = e;
            } catch (RuntimeException e) {
                last = new IllegalStateException("node on port " + port + " does not answer CLUSTER MYID: "
                        + e.getMessage(), e);
                if (server != null) {
                    server.kill();
                }
            }
        }
        throw last;
    }

    private ClusterNode firstRunning() {
        return nodes.stream().filter(ClusterNode::isAlive).findFirst()
                .orElseThrow(() -> new IllegalStateException("no node of the cluster runs"));
    }

    private Partitions view() {
        return admin.view(firstRunning().port());
    }

    private ClusterNode node(String id) {
        return nodes.stream().filter(node -> node.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("node " + id + " is not one of this cluster's"));
    }

    private boolean everyNodeGives(int slot, ClusterNode to) {
        for (ClusterNode node : nodes) {
            if (node.isAlive()) {
                RedisClusterNode owner = admin.view(node.port()).getPartitionBySlot(slot);
                if (owner == null || !to.id().equals(owner.getNodeId())) {
                    return false;
                }
            }
        }
        return true;
    }

    private void requireMove(int slot, ClusterNode from, ClusterNode to) {
        requireSlot(slot);
        requireOwn(from, "from");
        requireOwn(to, "to");
        if (from == to) {
            throw new IllegalArgumentException("from and to are the same node, " + from);
        }
    }

    private static void requireSlot(int slot) {
        if (slot < 0 || slot >= SLOTS) {
            throw new IllegalArgumentException("slot must be in 0.." + (SLOTS - 1) + ", was " + slot);
        }
    }

    private void requireOwn(ClusterNode node, String name) {
        if (node == null || !nodes.contains(node)) {
            throw new IllegalArgumentException(name + " must be a node of this cluster, was " + node);
        }
    }

    /** Builder of {@link LocalRedisCluster}. */
    public static final class Builder {

        private int masters = 3;

        private int replicasPerMaster = 1;

        private final List<String> args = new ArrayList<>();

        private Duration nodeTimeout = Duration.ofMillis(1000);

        private Duration startupTimeout = Duration.ofSeconds(60);

        private IntUnaryOperator announcedPort;

        private List<Path> modules;

        private Path binary;

        private Builder() {
        }

        /**
         * @param count how many masters (default 3); the slots are split evenly among them
         * @return this builder
         * @throws IllegalArgumentException when below 3, which {@code redis-cli --cluster create} refuses
         */
        public Builder masters(int count) {
            if (count < 3) {
                throw new IllegalArgumentException("masters must be at least 3 (redis-cli --cluster create refuses"
                        + " fewer), was " + count);
            }
            this.masters = count;
            return this;
        }

        /**
         * @param count how many replicas each master has (default 1)
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder replicasPerMaster(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("replicasPerMaster must be 0 or more, was " + count);
            }
            this.replicasPerMaster = count;
            return this;
        }

        /**
         * @param extra more {@code redis-server} arguments for every node, after the cluster's own (so
         *        they win), such as {@code "--cluster-require-full-coverage", "no"}
         * @return this builder
         */
        public Builder args(String... extra) {
            args.addAll(List.of(extra));
            return this;
        }

        /**
         * @param timeout {@code cluster-node-timeout} (default 1000 ms): how long a node may not answer
         *        before it is considered down, so a failover takes a few times this
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder nodeTimeout(Duration timeout) {
            if (timeout == null || timeout.toMillis() < 1) {
                throw new IllegalArgumentException("nodeTimeout must be at least 1 ms, was " + timeout);
            }
            this.nodeTimeout = timeout;
            return this;
        }

        /**
         * @param timeout how long the start, a restart and the end of a migration may take to settle
         *        (default 60 s)
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder startupTimeout(Duration timeout) {
            if (timeout == null || timeout.toMillis() < 1) {
                throw new IllegalArgumentException("startupTimeout must be at least 1 ms, was " + timeout);
            }
            this.startupTimeout = timeout;
            return this;
        }

        /**
         * Makes every node announce another port than its own ({@code cluster-announce-port}), such as that
         * of a TCP proxy in front of it, keeping its real cluster bus port
         * ({@code cluster-announce-bus-port}). Clients and replicas then connect to the announced port, so
         * whatever listens there must be forwarding to the node before {@link #start()}.
         *
         * @param announced the port to announce for a node's real port, asked once per node
         * @return this builder
         */
        public Builder announcedPort(IntUnaryOperator announced) {
            this.announcedPort = announced;
            return this;
        }

        /**
         * @param files module files every node loads, in order (JSON before search), instead of those
         *        {@code REDIS_ARROW_MODULES} names
         * @return this builder
         */
        public Builder modules(Path... files) {
            this.modules = List.of(files);
            return this;
        }

        /**
         * Loads no module, whatever {@code REDIS_ARROW_MODULES} says.
         *
         * @return this builder
         */
        public Builder noModules() {
            this.modules = List.of();
            return this;
        }

        /**
         * @param redisServer the binary every node runs instead of the one on PATH; a {@code redis-cli}
         *        (or {@code valkey-cli}) beside it is preferred to the one on PATH
         * @return this builder
         */
        public Builder binary(Path redisServer) {
            this.binary = redisServer;
            return this;
        }

        /**
         * Starts every node, joins them and waits until the cluster has settled.
         *
         * @return the running cluster
         * @throws IllegalStateException when redis-server or redis-cli is missing, a node does not start,
         *         or the cluster does not settle within the startup timeout (the message has each node's
         *         CLUSTER INFO)
         */
        public LocalRedisCluster start() {
            Path executable = binary != null ? binary : LocalRedisServer.defaultBinary().orElseThrow(
                    () -> new IllegalStateException("redis-server is not installed: install it (apt-get install -y"
                            + " redis-server, brew install redis)"));
            Path cli = RedisCli.find(executable).orElseThrow(
                    () -> new IllegalStateException("redis-cli is not installed: " + RedisCli.INSTALL));
            List<Path> load = modules != null ? modules : ModulePaths.configured();
            Path root;
            try {
                root = Files.createTempDirectory("redis-arrow-cluster-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LocalRedisCluster cluster = new LocalRedisCluster(masters,
                    new NodeLauncher(executable, load, nodeTimeout, announcedPort != null, args), startupTimeout, root);
            try {
                cluster.boot(this, cli);
                return cluster;
            } catch (RuntimeException e) {
                cluster.close();
                throw e;
            }
        }
    }
}
