package io.redisarrow.core.internal.cluster;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The small parts of a cluster scan: slot ranges, hash tags of patterns, redirects, migration marks. */
class ClusterPartsUnitTests {

    @Test
    void slotRangesReadBackToTheSameSlots() {
        BitSet slots = new BitSet();
        slots.set(0, 5461);
        slots.set(5462);
        slots.set(16383);
        assertThat(Slots.ranges(slots)).isEqualTo("0-5460,5462,16383");
        assertThat(Slots.parse("0-5460,5462,16383")).isEqualTo(slots);
        assertThat(Slots.parse("").isEmpty()).isTrue();
        assertThatThrownBy(() -> Slots.parse("16384")).hasMessageContaining("outside 0..16383");
        assertThatThrownBy(() -> Slots.parse("9-3")).hasMessageContaining("ends before it starts");
    }

    @Test
    void aPatternFixesItsSlotOnlyWhenItsHashTagIsLiteral() {
        int user = SlotHash.getSlot("user:42".getBytes(StandardCharsets.UTF_8));
        assertThat(HashTags.slotOf("{user:42}:*")).isEqualTo(user);
        assertThat(HashTags.slotOf("orders:{user:42}:?")).isEqualTo(user);
        assertThat(HashTags.slotOf("{user:42}")).isEqualTo(SlotHash.getSlot("{user:42}:x"));
        assertThat(HashTags.slotOf("user:*")).isEqualTo(-1);
        assertThat(HashTags.slotOf("*{user:42}")).isEqualTo(-1); // a key a{b}{user:42} has the tag b
        assertThat(HashTags.slotOf("{user*}:x")).isEqualTo(-1);
        assertThat(HashTags.slotOf("{}:x")).isEqualTo(-1); // an empty tag hashes the whole key
        assertThat(HashTags.slotOf("{user:42")).isEqualTo(-1);
        assertThat(HashTags.slotOf("[ab]{x}")).isEqualTo(-1);
    }

    @Test
    void redirectsNameTheirSlotAndOtherErrorsDoNot() {
        RepairSlots repair = new RepairSlots();
        assertThat(repair.addRedirect(new RedisCommandExecutionException("HGETALL k failed: MOVED 3999 127.0.0.1:7001"))).isTrue();
        assertThat(repair.addRedirect(new RedisCommandExecutionException("ASK 12 127.0.0.1:7001"))).isTrue();
        assertThat(repair.addRedirect(new RedisCommandExecutionException("ERR MOVED nothing"))).isFalse();
        assertThat(repair.addRedirect(new IllegalStateException())).isFalse();
        assertThat(repair.ranges()).isEqualTo("12,3999");
    }

    @Test
    void migrationMarksAreReadFromTheNodesOwnLineOnly() {
        String nodes = "07c3 127.0.0.1:30004@40004 master - 0 1 4 connected 5461-10922 [77->-e7d1] [93-<-292f]\n"
                + "e7d1 127.0.0.1:30001@40001 myself,master - 0 0 1 connected 0-5460 [5->-07c3] [16000-<-292f]\n";
        BitSet marked = Migrations.parse(nodes);
        assertThat(Slots.ranges(marked)).isEqualTo("5,16000");
    }
}
