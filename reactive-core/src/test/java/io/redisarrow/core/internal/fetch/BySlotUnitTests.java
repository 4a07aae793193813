package io.redisarrow.core.internal.fetch;

import io.lettuce.core.cluster.SlotHash;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch's keys ordered by slot, keys of one slot in their order, and one command per slot. */
class BySlotUnitTests {

    private static byte[] key(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keysAreOrderedBySlotKeepingTheirOrderWithinASlotAndReadWithOneCommandPerSlot() {
        List<byte[]> keys = List.of(key("b"), key("{t}:2"), key("a"), key("{t}:1"), key("{t}:3"), key("c"));
        BySlot ordered = BySlot.order(keys);
        List<String> texts = ordered.keys().stream().map(k -> new String(k, StandardCharsets.UTF_8)).toList();
        assertThat(texts).containsExactlyInAnyOrder("a", "b", "c", "{t}:1", "{t}:2", "{t}:3");
        List<Integer> slots = ordered.keys().stream().map(SlotHash::getSlot).toList();
        assertThat(slots).isSorted();
        assertThat(texts.stream().filter(t -> t.startsWith("{t}")).toList()).containsExactly("{t}:2", "{t}:1", "{t}:3");

        List<List<String>> commands = new ArrayList<>();
        ByteBuf out = Unpooled.buffer();
        int count = ordered.encode((buffer, some) -> commands.add(some.stream()
                .map(k -> new String(k, StandardCharsets.UTF_8)).toList()), out);
        out.release();
        assertThat(count).isEqualTo(commands.size()).isEqualTo(4);
        assertThat(commands).contains(List.of("{t}:2", "{t}:1", "{t}:3"));
    }
}
