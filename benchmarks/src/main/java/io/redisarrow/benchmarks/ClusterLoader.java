package io.redisarrow.benchmarks;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.models.partitions.ClusterPartitionParser;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.redisarrow.testing.ClusterNode;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads the {@link BenchData} hashes into a Redis Cluster, each on the master serving its key's slot:
 * one {@code redis-cli --pipe} per master on the node's own port (never through a proxy), fed in one
 * pass of the generator, so every key holds what {@link DataLoader#ensureLoaded} writes into a single
 * server. Checks every pipe's reply count and each master's DBSIZE.
 */
final class ClusterLoader {

    private static final byte[] HSET = "HSET".getBytes(StandardCharsets.US_ASCII);

    private ClusterLoader() {
    }

    /**
     * @param masters the cluster's masters, every slot served by one of them
     * @param n how many hashes, {@code bench:user:<i>} for i from 0
     * @return how many keys each master holds afterwards, in the masters' order
     * @throws IllegalStateException when a pipe fails or a master holds another number of keys than it
     *         was sent
     */
    static long[] load(List<ClusterNode> masters, int n) {
        int[] owner = owners(masters);
        long[] sent = new long[masters.size()];
        List<Process> processes = new ArrayList<>();
        List<OutputStream> streams = new ArrayList<>();
        List<DataLoader.Resp> outs = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (ClusterNode master : masters) {
                List<String> command = RedisTools.command("redis-cli", master.url());
                command.add("--pipe");
                Process process = RedisTools.start(command);
                processes.add(process);
                OutputStream out = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
                streams.add(out);
                outs.add(new DataLoader.Resp(out));
            }
            BenchData.Generator generator = BenchData.generator();
            for (int i = 0; i < n; i++) {
                Map<String, String> user = generator.next(i);
                byte[] key = BenchData.key(i).getBytes(StandardCharsets.UTF_8);
                int at = owner[SlotHash.getSlot(key)];
                DataLoader.Resp out = outs.get(at).array(2 + 2 * user.size()).bulk(HSET).bulk(key);
                for (Map.Entry<String, String> field : user.entrySet()) {
                    out.bulk(field.getKey()).bulk(field.getValue());
                }
                sent[at]++;
            }
            for (OutputStream out : streams) {
                out.close();
            }
        } catch (IOException e) {
            processes.forEach(Process::destroyForcibly);
            throw new IllegalStateException("redis-cli --pipe stopped reading: " + e.getMessage(), e);
        }
        for (int i = 0; i < processes.size(); i++) {
            List<String> output = new ArrayList<>();
            int exit = RedisTools.finish(processes.get(i), output);
            String summary = output.isEmpty() ? "" : output.get(output.size() - 1);
            if (exit != 0 || !summary.equals("errors: 0, replies: " + sent[i])) {
                throw new IllegalStateException("redis-cli --pipe to " + masters.get(i) + " (exit " + exit
                        + ") failed:\n" + String.join("\n", output));
            }
        }
        long[] held = new long[masters.size()];
        for (int i = 0; i < held.length; i++) {
            held[i] = dbsize(masters.get(i));
            if (held[i] != sent[i]) {
                throw new IllegalStateException(String.format(java.util.Locale.ROOT,
                        "%s holds %,d keys after %,d were loaded into it", masters.get(i), held[i], sent[i]));
            }
        }
        Progress.say("cluster data: loaded %,d hashes in %.1f s (redis-cli --pipe per master), per master %s", n,
                (System.nanoTime() - start) / 1e9, java.util.Arrays.toString(held));
        return held;
    }

    /** @return for each slot, the index in {@code masters} of the one serving it, as the first master sees it */
    private static int[] owners(List<ClusterNode> masters) {
        Partitions partitions;
        RedisClient client = RedisClient.create(masters.get(0).url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            partitions = ClusterPartitionParser.parse(connection.sync().clusterNodes());
        } finally {
            client.shutdown();
        }
        int[] owner = new int[SlotHash.SLOT_COUNT];
        for (int slot = 0; slot < owner.length; slot++) {
            RedisClusterNode node = partitions.getPartitionBySlot(slot);
            owner[slot] = -1;
            for (int i = 0; node != null && i < masters.size(); i++) {
                if (masters.get(i).id().equals(node.getNodeId())) {
                    owner[slot] = i;
                }
            }
            if (owner[slot] < 0) {
                throw new IllegalStateException("no master of " + masters + " serves slot " + slot);
            }
        }
        return owner;
    }

    private static long dbsize(ClusterNode master) {
        RedisClient client = RedisClient.create(master.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().dbsize();
        } finally {
            client.shutdown();
        }
    }
}
