package io.redisarrow.arrow.internal.infer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How many values of each {@link ValueKind} one place held. Not thread-safe.
 */
final class KindCounts {

    private final EnumMap<ValueKind, Long> counts = new EnumMap<>(ValueKind.class);

    void add(ValueKind kind) {
        counts.merge(kind, 1L, Long::sum);
    }

    void addAll(KindCounts other) {
        other.counts.forEach((kind, count) -> counts.merge(kind, count, Long::sum));
    }

    long count(ValueKind kind) {
        return counts.getOrDefault(kind, 0L);
    }

    /** @return the number of values of any kind but {@link ValueKind#NULL} */
    long nonNull() {
        return counts.entrySet().stream().filter(e -> e.getKey() != ValueKind.NULL).mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** @return whether the place held a value of any kind but the ones given */
    boolean anyBut(ValueKind... allowed) {
        List<ValueKind> ok = List.of(allowed);
        return counts.keySet().stream().anyMatch(kind -> !ok.contains(kind));
    }

    /** @return {@code kind:count} pairs, most frequent first (ties in kind order), such as {@code integer:3,string:1} */
    String describe() {
        List<Map.Entry<ValueKind, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Comparator.<Map.Entry<ValueKind, Long>>comparingLong(Map.Entry::getValue).reversed()
                .thenComparing(Map.Entry::getKey));
        return entries.stream().map(e -> e.getKey().label() + ":" + e.getValue()).collect(Collectors.joining(","));
    }
}
