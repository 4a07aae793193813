package io.redisarrow.core.internal.source;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A uniform sample of at most {@code capacity} keys from a stream of unknown length (reservoir
 * sampling, Vitter's algorithm R), in memory bounded by the capacity. A key offered while the
 * reservoir holds it is ignored, so a key SCAN returns twice (while Redis resizes its table) is
 * not sampled twice. When the stream has no more keys than the capacity, every key is kept, in
 * the order offered. Not thread-safe.
 */
final class KeyReservoir {

    private final int capacity;

    private final Random random;

    private final List<byte[]> keys;

    private final Set<ByteBuffer> held = new HashSet<>();

    private long offered;

    /**
     * @param capacity the most keys kept, {@code >= 1}
     * @param random where the replacement choices come from
     */
    KeyReservoir(int capacity, Random random) {
        this.capacity = capacity;
        this.random = random;
        this.keys = new ArrayList<>(Math.min(capacity, 1024));
    }

    /** @param key a key of the stream */
    void offer(byte[] key) {
        ByteBuffer wrapped = ByteBuffer.wrap(key);
        if (held.contains(wrapped)) {
            return;
        }
        offered++;
        if (keys.size() < capacity) {
            keys.add(key);
            held.add(wrapped);
            return;
        }
        long slot = random.nextLong(offered);
        if (slot < capacity) {
            held.remove(ByteBuffer.wrap(keys.get((int) slot)));
            keys.set((int) slot, key);
            held.add(wrapped);
        }
    }

    /** @return the sample: every key offered when there were at most {@code capacity} */
    List<byte[]> keys() {
        return keys;
    }
}
