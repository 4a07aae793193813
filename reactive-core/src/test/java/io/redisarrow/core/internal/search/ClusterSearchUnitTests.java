package io.redisarrow.core.internal.search;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterSearchUnitTests {

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** COMMAND INFO FT.AGGREGATE of RediSearch 2.6 without a coordinator: the index is key 1. */
    @Test
    void aCommandWithTheIndexAsItsKeyIsNotCoordinated() {
        List<Object> info = List.of(Arrays.asList(text("ft.aggregate"), -1L, List.of(text("readonly"), text("module")),
                1L, 1L, 1L, List.of(), List.of()));
        assertThat(ClusterSearch.keyless(info)).isFalse();
    }

    /** The coordinator registers FT.AGGREGATE with no key (first key 0), so any node takes it. */
    @Test
    void aKeylessCommandIsCoordinated() {
        List<Object> info = List.of(Arrays.asList(text("ft.aggregate"), -1L, List.of(text("readonly"), text("module")),
                0L, 0L, -1L, List.of(), List.of()));
        assertThat(ClusterSearch.keyless(info)).isTrue();
    }

    @Test
    void anUnknownCommandOrAnOddReplyIsNotCoordinated() {
        assertThat(ClusterSearch.keyless(null)).isFalse();
        assertThat(ClusterSearch.keyless(List.of())).isFalse();
        assertThat(ClusterSearch.keyless(Arrays.asList((Object) null))).isFalse();
        assertThat(ClusterSearch.keyless(List.of(List.of(text("ft.aggregate"), -1L)))).isFalse();
        assertThat(ClusterSearch.keyless(List.of(Arrays.asList(text("ft.aggregate"), -1L, List.of(), text("0")))))
                .isFalse();
    }

    @Test
    void theMessagesSayWhyAndWhatToDo() {
        assertThat(ClusterSearch.uncoordinated("h:1").getMessage())
                .startsWith("Redis at h:1 is a node of a Redis Cluster whose query engine has no coordinator")
                .contains("each master indexes only its own keys", "index name's hash slot",
                        "no FT command was sent", "Redis 8 or later", "Redis Software and Redis Cloud",
                        "OSS Cluster API", "Redis Stack", "COORD=oss", "scanHashes or scanJson");
        assertThat(ClusterSearch.fetchAcrossMasters("h:1").getMessage())
                .startsWith("Redis at h:1 is a node of a Redis Cluster with a coordinated query engine")
                .contains("several masters", "aggregate with LOAD", "scanHashes or scanJson");
    }
}
