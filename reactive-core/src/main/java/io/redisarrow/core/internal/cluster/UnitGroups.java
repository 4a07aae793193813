package io.redisarrow.core.internal.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The units of a write batch that go to each node in one round, in unit order, and whether they
 * go after {@code ASKING}. Not thread-safe.
 */
final class UnitGroups {

    private final Map<String, Group> groups = new LinkedHashMap<>();

    private int units;

    /**
     * @param node where the unit goes
     * @param asking whether after {@code ASKING}
     * @param unit the unit, in ascending order across calls
     */
    void add(ClusterNode node, boolean asking, int unit) {
        groups.computeIfAbsent(node.address() + (asking ? "/ask" : ""), key -> new Group(node, asking)).add(unit);
        units++;
    }

    boolean isEmpty() {
        return units == 0;
    }

    /** @return the units in all groups */
    int units() {
        return units;
    }

    Collection<Group> groups() {
        return groups.values();
    }

    /** @return the nodes, one per address */
    List<ClusterNode> nodes() {
        Map<String, ClusterNode> nodes = new LinkedHashMap<>();
        for (Group group : groups.values()) {
            nodes.putIfAbsent(group.node.address(), group.node);
        }
        return new ArrayList<>(nodes.values());
    }

    /** The units going to one node in one round trip. */
    static final class Group {

        final ClusterNode node;

        final boolean asking;

        int[] units = new int[16];

        int count;

        Group(ClusterNode node, boolean asking) {
            this.node = node;
            this.asking = asking;
        }

        void add(int unit) {
            if (count == units.length) {
                units = Arrays.copyOf(units, count * 2);
            }
            units[count++] = unit;
        }
    }
}
