package io.redisarrow.core.internal.search;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.redisarrow.core.RedisArrowException;
import io.redisarrow.core.internal.channel.SharedCommands;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decides whether the query engine of a Redis Cluster can answer for the whole cluster, before any
 * {@code FT.*} command is sent to one of its nodes.
 *
 * <p>Without its coordinator, RediSearch works node by node: each master indexes only the keys of
 * its own slots, and {@code FT.CREATE}, {@code FT.INFO}, {@code FT.AGGREGATE}, {@code FT.CURSOR}
 * and {@code FT.DROPINDEX} declare the index name as their key, so they run only on the master
 * serving the name's hash slot (the others answer {@code MOVED}) and see only that master's
 * documents. A search there would silently miss the matches on every other master, and an index
 * created there would cover one master. So every such operation fails with {@link #uncoordinated}
 * instead, and sends nothing else.
 *
 * <p>With the coordinator (built into the query engine of Redis 8 and later, and RediSearch built
 * with {@code COORD=oss}), the node that receives {@code FT.SEARCH}, {@code FT.AGGREGATE},
 * {@code FT.INFO} or {@code FT.CURSOR} fans it out to every shard and merges the replies, and
 * {@code FT.CREATE} and {@code FT.DROPINDEX} go to every master. The coordinator registers these
 * commands without a key ({@code COMMAND INFO} gives first key 0) so that any node takes them;
 * that is what {@link #coordinated} looks for. Such a server runs the index helpers and
 * aggregations on one node as a standalone server does.
 *
 * <p>The check runs once per session; a server that forbids {@code COMMAND INFO} (an ACL or a
 * renamed command) counts as not coordinated. Thread-safe.
 */
public final class ClusterSearch {

    /** The command whose key position tells a coordinated query engine apart. */
    static final String PROBE = "FT.AGGREGATE";

    /** Index of the first key position in a {@code COMMAND INFO} entry. */
    private static final int FIRST_KEY = 3;

    private final AtomicReference<Boolean> coordinated = new AtomicReference<>();

    /**
     * Fails unless the cluster's query engine is coordinated and the operation can run on one node.
     *
     * @param connection the session's shared connection (to a cluster node)
     * @param address {@code host:port}, for messages
     * @param timeout the longest {@code COMMAND INFO} may take
     * @param fetchesKeys whether the operation then fetches the matched keys itself (a search), which
     *        one connection to one node cannot do on a cluster
     * @return completes when the operation may go on, on this connection; else fails with a
     *         {@link RedisArrowException} saying why and what to do
     */
    public Mono<Void> require(StatefulRedisConnection<byte[], byte[]> connection, String address, Duration timeout,
            boolean fetchesKeys) {
        return coordinated(connection, address, timeout).flatMap(yes -> {
            if (!yes) {
                return Mono.error(uncoordinated(address));
            }
            return fetchesKeys ? Mono.error(fetchAcrossMasters(address)) : Mono.empty();
        });
    }

    /**
     * @param connection a connection to a cluster node
     * @param address {@code host:port}, for messages
     * @param timeout the longest {@code COMMAND INFO} may take
     * @return whether its query engine is coordinated, asked once per instance
     */
    Mono<Boolean> coordinated(StatefulRedisConnection<byte[], byte[]> connection, String address, Duration timeout) {
        Boolean known = coordinated.get();
        if (known != null) {
            return Mono.just(known);
        }
        return SharedCommands.bounded(Mono.fromCompletionStage(() -> connection.async().commandInfo(PROBE)),
                "COMMAND INFO " + PROBE, address, timeout, e -> e)
                .map(ClusterSearch::keyless)
                .onErrorResume(RedisCommandExecutionException.class, forbidden -> Mono.just(false))
                .doOnNext(coordinated::set);
    }

    /**
     * @param info the reply of {@code COMMAND INFO FT.AGGREGATE}
     * @return whether the command is known and declares no key (first key position 0)
     */
    static boolean keyless(List<Object> info) {
        if (info == null || info.isEmpty() || !(info.get(0) instanceof List<?> entry) || entry.size() <= FIRST_KEY) {
            return false;
        }
        return entry.get(FIRST_KEY) instanceof Number first && first.longValue() == 0;
    }

    /**
     * @param address {@code host:port}
     * @return the error of every search operation on a cluster whose query engine has no coordinator
     */
    public static RedisArrowException uncoordinated(String address) {
        return new RedisArrowException("Redis at " + address + " is a node of a Redis Cluster whose query engine"
                + " has no coordinator, so search, aggregate and the index commands cannot cover the cluster: each master indexes only its own"
                + " keys, and FT.* commands run only on the master serving the index name's hash slot, whose index sees"
                + " that master's documents alone (a result would silently miss the others); no FT command was sent."
                + " Searching a Redis Cluster needs the query engine's coordinator: Redis 8 or later (Redis Open"
                + " Source) has it built in, as do clustered databases of Redis Software and Redis Cloud (not with the"
                + " OSS Cluster API); Redis Stack and the separate RediSearch module do not (unless built with"
                + " COORD=oss). On this cluster, read with scanHashes or scanJson, which read every master, and filter"
                + " the rows in the client");
    }

    /**
     * @param address {@code host:port}
     * @return the error of a search (which fetches the matched keys) on a coordinated cluster
     */
    public static RedisArrowException fetchAcrossMasters(String address) {
        return new RedisArrowException("Redis at " + address + " is a node of a Redis Cluster with a coordinated"
                + " query engine, but search fetches the matched keys' values on one connection, and on a cluster"
                + " they live on several masters; no FT command was sent. Use aggregate with LOAD of the fields needed"
                + " (the coordinator gathers them from every master), or scanHashes or scanJson, which read every"
                + " master, and filter the rows in the client");
    }
}
