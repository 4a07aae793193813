package io.redisarrow.core.internal.cluster;

import io.lettuce.core.api.StatefulRedisConnection;
import io.redisarrow.core.internal.channel.SharedCommands;
import io.redisarrow.core.internal.source.KeySource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.BitSet;
import java.util.List;

/**
 * The keys of some hash slots on the node serving them, one slot at a time on demand:
 * {@code CLUSTER COUNTKEYSINSLOT}, then {@code CLUSTER GETKEYSINSLOT slot count}, keeping the keys
 * the scan's pattern matches ({@link Glob}). A slot's keys are held at once, which a slot's share of
 * the keyspace bounds.
 */
final class SlotKeys implements KeySource {

    private final StatefulRedisConnection<byte[], byte[]> connection;

    private final String address;

    private final BitSet slots;

    private final Glob glob;

    private final Duration timeout;

    SlotKeys(StatefulRedisConnection<byte[], byte[]> connection, String address, BitSet slots, Glob glob,
            Duration timeout) {
        this.connection = connection;
        this.address = address;
        this.slots = slots;
        this.glob = glob;
        this.timeout = timeout;
    }

    @Override
    public Flux<byte[]> keys() {
        return Flux.fromStream(slots.stream().boxed()).concatMap(this::slot, 1).filter(glob::matches);
    }

    private Flux<byte[]> slot(int slot) {
        return SharedCommands.bounded(Mono.fromCompletionStage(() -> connection.async().clusterCountKeysInSlot(slot)),
                "CLUSTER COUNTKEYSINSLOT " + slot, address, timeout, e -> e)
                .flatMapMany(count -> count == 0 ? Flux.<byte[]>empty()
                        : SharedCommands.bounded(Mono.fromCompletionStage(() -> connection.async()
                                .clusterGetKeysInSlot(slot, (int) Math.min(Integer.MAX_VALUE, count))),
                                "CLUSTER GETKEYSINSLOT " + slot, address, timeout, e -> e)
                                .flatMapIterable(List::copyOf));
    }
}
