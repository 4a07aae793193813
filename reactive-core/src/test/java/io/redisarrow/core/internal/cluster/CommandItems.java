package io.redisarrow.core.internal.cluster;

import io.netty.buffer.ByteBuf;
import io.redisarrow.core.WriteBatch;
import io.redisarrow.core.WriteEncoder;
import io.redisarrow.core.WriteReply;
import io.redisarrow.core.internal.resp.RespWriter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An encoder of test items made of plain commands, one unit per key, that records every item it
 * receives and every command buffer it makes, so tests can check each item is closed once and each
 * buffer released.
 */
final class CommandItems implements WriteEncoder<CommandItems.Item> {

    final Queue<Item> received = new ConcurrentLinkedQueue<>();

    final Queue<ByteBuf> buffers = new ConcurrentLinkedQueue<>();

    /** One key's commands: one command, or several in a transaction. */
    record Unit(WriteReply reply, String key, List<String[]> commands) {

        static Unit of(WriteReply reply, String... command) {
            return new Unit(reply, command[1], List.<String[]>of(command));
        }

        static Unit transaction(String key, String[]... commands) {
            return new Unit(WriteReply.TRANSACTION, key, List.of(commands));
        }
    }

    /** An input item: its units and the rows each writes (one). */
    static final class Item {

        final List<Unit> units;

        final AtomicInteger closes = new AtomicInteger();

        Item(List<Unit> units) {
            this.units = units;
        }
    }

    Item item(List<Unit> units) {
        Item item = new Item(new ArrayList<>(units));
        received.add(item);
        return item;
    }

    @Override
    public WriteBatch encode(Item item) {
        WriteBatch batch = new WriteBatch(item.units.size(), item.units.size(), 256);
        buffers.add(batch.commands());
        ByteBuf out = batch.commands();
        for (Unit unit : item.units) {
            if (unit.reply() == WriteReply.TRANSACTION) {
                command(out, "MULTI");
                unit.commands().forEach(command -> command(out, command));
                command(out, "EXEC");
            } else {
                command(out, unit.commands().get(0));
            }
            byte[] key = unit.key().getBytes(StandardCharsets.UTF_8);
            batch.unit(unit.reply(), unit.reply() == WriteReply.TRANSACTION ? unit.commands().size() : 0, key, 0,
                    key.length, 1);
        }
        return batch;
    }

    static void command(ByteBuf out, String... args) {
        RespWriter.arrayHeader(out, args.length);
        for (String arg : args) {
            RespWriter.bulk(out, arg.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close(Item item) {
        item.closes.incrementAndGet();
    }

    @Override
    public Class<Item> type() {
        return Item.class;
    }

    void assertEverythingReleased() {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline && !released()) {
            Thread.onSpinWait();
        }
        assertThat(received).allSatisfy(item -> assertThat(item.closes).as("closes of an item").hasValue(1));
        assertThat(buffers).allSatisfy(buffer -> assertThat(buffer.refCnt()).as("a command buffer's references").isZero());
    }

    private boolean released() {
        return received.stream().allMatch(i -> i.closes.get() == 1) && buffers.stream().allMatch(b -> b.refCnt() == 0);
    }
}
