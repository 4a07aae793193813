package io.redisarrow.core.internal.cluster;

import io.lettuce.core.RedisCommandExecutionException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.redisarrow.core.RetryPolicy;
import io.redisarrow.core.WriteBatch;
import io.redisarrow.core.WriteOutcome;
import io.redisarrow.core.internal.channel.RedisChannel;
import io.redisarrow.core.internal.plan.Failures;
import io.redisarrow.core.internal.command.ConnectionCommands;
import io.redisarrow.core.internal.write.BatchSender;
import io.redisarrow.core.internal.write.Handover;
import io.redisarrow.core.internal.write.UnitReplies;
import io.redisarrow.core.internal.write.UnitResults;
import io.redisarrow.core.internal.write.WriteChannels;
import io.redisarrow.core.internal.write.WritePipeline;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sends each batch of a cluster write to the masters serving its keys: the units are grouped by
 * the master serving their key's hash slot (in the write's latest topology), each master's
 * commands are copied into one buffer and sent on the write's connection to it, and every unit's
 * replies are read into the batch's one outcome.
 *
 * <p>Then, until nothing is left to do: a unit answered {@code MOVED} or {@code ASK} is sent once
 * more, to the node named ({@code ASKING} before it for {@code ASK}), after a topology refresh; a
 * unit answered {@code TRYAGAIN}, {@code CLUSTERDOWN}, {@code MASTERDOWN} or {@code LOADING}
 * (none of them ran), or whose slot no master served, is sent again to the master serving its slot
 * after the retry policy's backoff and a refresh, as many rounds as the policy allows. A unit that
 * still fails is a failure of the outcome. The batch's commands are kept until then, and released
 * when its outcome is read or the write ends.
 */
final class ClusterBatchSender implements BatchSender {

    private final ClusterConnections cluster;

    private final WriteTopology topology;

    private final WriteChannels channels;

    private final Duration timeout;

    private final RetryPolicy retry;

    ClusterBatchSender(ClusterConnections cluster, WriteTopology topology, WriteChannels channels, Duration timeout,
            RetryPolicy retry) {
        this.cluster = cluster;
        this.topology = topology;
        this.channels = channels;
        this.timeout = timeout;
        this.retry = retry;
    }

    @Override
    public Mono<WriteOutcome> send(WriteBatch batch, Handover handover) {
        Sending sending = new Sending(batch);
        return Mono.defer(() -> {
            ClusterTopology now = topology.current();
            UnitGroups groups = new UnitGroups();
            for (int unit = 0; unit < batch.units(); unit++) {
                route(sending, now, unit, groups);
            }
            return open(groups).flatMap(open -> {
                ByteBuf source = handover.take();
                if (source == null) {
                    return Mono.empty();
                }
                if (!sending.hold(source)) {
                    handover.sent();
                    return Mono.empty();
                }
                List<Mono<Void>> round;
                try {
                    round = dispatch(sending, groups, open, true);
                } finally {
                    handover.sent();
                }
                return await(round, groups.units())
                        .then(settle(sending, 1))
                        .then(Mono.fromCallable(sending.results::outcome));
            });
        }).doFinally(signal -> sending.release());
    }

    /** Adds the unit to the group of the master serving its slot, or fails it when none does. */
    private void route(Sending sending, ClusterTopology now, int unit, UnitGroups groups) {
        int slot = sending.batch.slot(unit);
        ClusterShard owner = now.ownerOf(slot);
        if (owner == null) {
            sending.results.failed(unit, "CLUSTERDOWN no master of the Redis Cluster at " + cluster.address()
                    + " serves hash slot " + slot);
        } else {
            groups.add(owner.master(), false, unit);
        }
    }

    /** @return the write's connection to each node of the groups, by address; empty once the write has ended */
    private Mono<Map<String, RedisChannel>> open(UnitGroups groups) {
        List<ClusterNode> nodes = groups.nodes();
        return Flux.fromIterable(nodes)
                .flatMap(node -> channels.channel(cluster.endpoint(node, false)).map(channel -> Map.entry(node.address(),
                        channel)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .filter(open -> open.size() == nodes.size());
    }

    /**
     * Sends each group's units on its connection; the round trips are under way on return. Holds
     * the batch's lock, so that the commands are not released (the write ending) while copied.
     *
     * @return the round trips; none once the commands were released
     */
    private static List<Mono<Void>> dispatch(Sending sending, UnitGroups groups, Map<String, RedisChannel> open,
            boolean first) {
        synchronized (sending) {
            if (sending.source == null) {
                return List.of();
            }
            return dispatchHeld(sending, groups, open, first);
        }
    }

    private static List<Mono<Void>> dispatchHeld(Sending sending, UnitGroups groups, Map<String, RedisChannel> open,
            boolean first) {
        WriteBatch batch = sending.batch;
        List<Mono<Void>> round = new ArrayList<>(groups.groups().size());
        for (UnitGroups.Group group : groups.groups()) {
            RedisChannel channel = open.get(group.node.address());
            UnitReplies replies = new UnitReplies(batch, group.units, group.count, group.asking, sending.results);
            ByteBuf out = first && group.count == batch.units()
                    ? sending.source.retainedSlice(0, sending.source.writerIndex())
                    : copy(sending.source, batch, group, channel.alloc());
            for (int i = 0; i < group.count; i++) {
                sending.sentTo[group.units[i]] = group.node;
            }
            round.add(channel.send(out, replies));
        }
        return round;
    }

    /** @return the group's units' commands, each after {@code ASKING} for an ASK group */
    private static ByteBuf copy(ByteBuf source, WriteBatch batch, UnitGroups.Group group, ByteBufAllocator alloc) {
        long size = 0;
        for (int i = 0; i < group.count; i++) {
            int unit = group.units[i];
            size += batch.unitEnd(unit) - batch.unitStart(unit) + (group.asking ? ConnectionCommands.ASKING_BYTES : 0);
        }
        ByteBuf out = alloc.buffer((int) Math.min(Integer.MAX_VALUE - 8, size));
        try {
            int runStart = 0;
            int runEnd = 0;
            for (int i = 0; i < group.count; i++) {
                int unit = group.units[i];
                int start = batch.unitStart(unit);
                int end = batch.unitEnd(unit);
                if (group.asking) {
                    ConnectionCommands.asking(out);
                    out.writeBytes(source, start, end - start);
                } else if (start == runEnd && runEnd > runStart) {
                    runEnd = end;
                } else {
                    out.writeBytes(source, runStart, runEnd - runStart);
                    runStart = start;
                    runEnd = end;
                }
            }
            out.writeBytes(source, runStart, runEnd - runStart);
            return out;
        } catch (RuntimeException | Error e) {
            out.release();
            throw e;
        }
    }

    private Mono<Void> await(List<Mono<Void>> round, int units) {
        return WritePipeline.awaitReplies(Mono.when(round), units, timeout);
    }

    /** Sends again the units that were redirected or failed for a while, until none is left to. */
    private Mono<Void> settle(Sending sending, int attempt) {
        return Mono.defer(() -> {
            WriteBatch batch = sending.batch;
            UnitGroups redirected = new UnitGroups();
            List<Integer> again = new ArrayList<>();
            for (int unit = 0; unit < batch.units(); unit++) {
                String error = sending.results.error(unit);
                if (error == null) {
                    continue;
                }
                Redirect redirect = Redirect.parse(error, sending.sentTo[unit]);
                if (redirect != null) {
                    if (!sending.redirected[unit]) {
                        sending.redirected[unit] = true;
                        redirected.add(redirect.node(), redirect.asking(), unit);
                    }
                } else if (Failures.refusedForAWhile(error) && attempt <= retry.maxRetries()) {
                    again.add(unit);
                }
            }
            if (redirected.isEmpty() && again.isEmpty()) {
                return Mono.empty();
            }
            Mono<Void> pause = Mono.empty();
            if (!again.isEmpty()) {
                Duration wait = retry.backoff(attempt);
                int first = again.get(0);
                ClusterNode node = sending.sentTo[first];
                channels.observer(node == null ? cluster.address() : node.address()).retry(attempt, wait,
                        new RedisCommandExecutionException(sending.results.error(first)));
                pause = Mono.delay(wait).then();
            }
            return pause.then(topology.refresh()).flatMap(now -> {
                UnitGroups round = again.isEmpty() ? redirected : merged(sending, redirected, again, now);
                if (round.isEmpty()) {
                    return Mono.<Void>empty();
                }
                return open(round).flatMap(open -> await(dispatch(sending, round, open, false), round.units()));
            }).then(settle(sending, again.isEmpty() ? attempt : attempt + 1));
        });
    }

    /** @return the redirected units, and those sent again, to the master now serving their slot, in unit order */
    private UnitGroups merged(Sending sending, UnitGroups redirected, List<Integer> again, ClusterTopology now) {
        boolean[] isAgain = new boolean[sending.batch.units()];
        for (int unit : again) {
            isAgain[unit] = true;
        }
        Redirect[] targets = new Redirect[sending.batch.units()];
        for (UnitGroups.Group group : redirected.groups()) {
            for (int i = 0; i < group.count; i++) {
                targets[group.units[i]] = new Redirect(group.node, group.asking);
            }
        }
        UnitGroups round = new UnitGroups();
        for (int unit = 0; unit < targets.length; unit++) {
            if (targets[unit] != null) {
                round.add(targets[unit].node(), targets[unit].asking(), unit);
            } else if (isAgain[unit]) {
                route(sending, now, unit, round);
            }
        }
        return round;
    }

    /** One batch on its way: its commands once taken, each unit's answer, node, and whether it was redirected. */
    private static final class Sending {

        final WriteBatch batch;

        final UnitResults results;

        final ClusterNode[] sentTo;

        final boolean[] redirected;

        /** The batch's commands while held; guarded by {@code this}. */
        ByteBuf source;

        private boolean released;

        Sending(WriteBatch batch) {
            this.batch = batch;
            this.results = new UnitResults(batch);
            this.sentTo = new ClusterNode[batch.units()];
            this.redirected = new boolean[batch.units()];
        }

        /**
         * @param commands the batch's commands, taken
         * @return whether they are held; false (and released) when the batch has ended already
         */
        synchronized boolean hold(ByteBuf commands) {
            if (released) {
                commands.release();
                return false;
            }
            source = commands;
            return true;
        }

        /** Releases the commands, once the outcome is read or the write has ended. Idempotent. */
        synchronized void release() {
            released = true;
            if (source != null) {
                source.release();
                source = null;
            }
        }
    }
}
