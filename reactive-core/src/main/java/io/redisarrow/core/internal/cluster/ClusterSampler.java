package io.redisarrow.core.internal.cluster;

import io.lettuce.core.api.StatefulRedisConnection;
import io.redisarrow.core.internal.channel.SharedCommands;
import io.redisarrow.core.internal.sample.SampleFetch;
import io.redisarrow.core.internal.source.KeySampler;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Samples the keys matching a pattern on a Redis Cluster: every master (only the one serving the
 * pattern's hash tag, when it fixes one) gets a share of the sample in proportion to its key count
 * ({@code DBSIZE}, see {@link SampleShares}), is sampled on its own connection by a
 * {@link KeySampler}, and its keys are fetched on that connection; the masters' values are merged,
 * master after master in slot order.
 *
 * <p>A master that holds fewer matching keys than its share gives all it has, and what it lacks is
 * shared out again among the masters that filled theirs, which are sampled again with their larger
 * share, until the sample is full or every master has given all its matching keys. So the sample
 * has {@code sampleSize} keys whenever that many match in the cluster.
 *
 * <p>A key that moved to another master between the sample and its fetch is left out (its reply
 * is {@code MOVED} or {@code ASK}).
 */
public final class ClusterSampler {

    private final ClusterConnections cluster;

    private final Duration timeout;

    private final Random random;

    /**
     * @param cluster the session's cluster connections
     * @param timeout the longest one command may take
     * @param random where the samplers' random choices come from
     */
    public ClusterSampler(ClusterConnections cluster, Duration timeout, Random random) {
        this.cluster = cluster;
        this.timeout = timeout;
        this.random = random;
    }

    /**
     * @param pattern the MATCH glob
     * @param type the SCAN TYPE, such as {@code hash}
     * @param sampleSize the most keys to sample, {@code >= 1}
     * @param fetch fetches the values of a master's sampled keys on that master
     * @param <T> the type of a sampled value
     * @return the sampled values, every master's in turn; empty when no key matches on any master
     */
    public <T> Flux<T> sample(String pattern, String type, int sampleSize,
            BiFunction<SampleFetch, List<byte[]>, Flux<T>> fetch) {
        return cluster.servedTopology("sample").flatMapMany(topology -> {
            int tag = HashTags.slotOf(pattern);
            List<ClusterShard> shards = tag >= 0 ? List.of(topology.ownerOf(tag)) : topology.shards();
            return Flux.fromIterable(shards)
                    .flatMapSequential(shard -> cluster.node(shard.master())
                            .flatMap(connection -> dbSize(connection, shard.master())
                                    .map(size -> new Master(shard.master(), connection, size))))
                    .collectList()
                    .flatMapMany(masters -> {
                        long[] sizes = masters.stream().mapToLong(Master::size).toArray();
                        return new Rounds(masters, pattern, type, sampleSize).run(SampleShares.of(sizes, sampleSize))
                                .flatMapMany(samples -> Flux.range(0, masters.size())
                                        .filter(i -> !samples.get(i).isEmpty())
                                        .flatMapSequential(i -> fetch.apply(new SampleFetch(masters.get(i).connection(),
                                                masters.get(i).node().address(), timeout), samples.get(i))));
                    });
        });
    }

    private Mono<Long> dbSize(StatefulRedisConnection<byte[], byte[]> connection, ClusterNode node) {
        return SharedCommands.bounded(Mono.fromCompletionStage(() -> connection.async().dbsize()), "DBSIZE",
                node.address(), timeout, e -> e);
    }

    /** A master with its connection and its key count. */
    private record Master(ClusterNode node, StatefulRedisConnection<byte[], byte[]> connection, long size) {
    }

    /** The rounds of one sample: each samples the masters whose share grew. */
    private final class Rounds {

        private final List<Master> masters;

        private final String pattern;

        private final String type;

        private final int sampleSize;

        private final List<List<byte[]>> samples;

        private final boolean[] exhausted;

        Rounds(List<Master> masters, String pattern, String type, int sampleSize) {
            this.masters = masters;
            this.pattern = pattern;
            this.type = type;
            this.sampleSize = sampleSize;
            this.samples = new ArrayList<>(masters.size());
            for (int i = 0; i < masters.size(); i++) {
                samples.add(List.of());
            }
            this.exhausted = new boolean[masters.size()];
            for (int i = 0; i < masters.size(); i++) {
                exhausted[i] = masters.get(i).size() == 0;
            }
        }

        /**
         * @param shares each master's share of the sample
         * @return every master's sampled keys, by master
         */
        Mono<List<List<byte[]>>> run(int[] shares) {
            return Flux.range(0, masters.size())
                    .filter(i -> shares[i] > samples.get(i).size() && !exhausted[i])
                    .flatMap(i -> new KeySampler(masters.get(i).connection(), masters.get(i).node().address(), timeout,
                            new Random(random.nextLong())).sample(pattern, type, shares[i])
                            .doOnNext(keys -> {
                                synchronized (samples) {
                                    samples.set(i, keys);
                                }
                                if (keys.size() < shares[i]) {
                                    exhausted[i] = true;
                                }
                            }))
                    .then(Mono.defer(() -> {
                        int taken = samples.stream().mapToInt(List::size).sum();
                        long[] open = new long[masters.size()];
                        for (int i = 0; i < open.length; i++) {
                            open[i] = exhausted[i] ? 0 : masters.get(i).size();
                        }
                        if (taken >= sampleSize || java.util.Arrays.stream(open).allMatch(size -> size == 0)) {
                            return Mono.just(List.copyOf(samples));
                        }
                        int[] extra = SampleShares.of(open, sampleSize - taken);
                        int[] next = new int[shares.length];
                        for (int i = 0; i < next.length; i++) {
                            next[i] = samples.get(i).size() + extra[i];
                        }
                        return run(next);
                    }));
        }
    }
}
