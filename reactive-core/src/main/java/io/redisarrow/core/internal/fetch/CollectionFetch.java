package io.redisarrow.core.internal.fetch;

import io.lettuce.core.internal.ExceptionFactory;
import io.netty.buffer.ByteBuf;
import io.redisarrow.core.CollectionValues;
import io.redisarrow.core.RawBatch;
import io.redisarrow.core.internal.channel.RedisChannel;
import io.redisarrow.core.internal.channel.Timeouts;
import io.redisarrow.core.internal.command.CollectionCommands;
import io.redisarrow.core.internal.command.KeyCommands;
import io.redisarrow.core.internal.reply.ElementReplies;
import io.redisarrow.core.internal.reply.FieldIndex;
import io.redisarrow.core.internal.reply.SizeReplies;
import io.redisarrow.core.internal.reply.Window;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a batch of set, list, sorted set or stream keys, one row per element: one pipelined round
 * trip asks every key's size (and TTL), then {@link Windows} plans round trips of at most
 * {@code batchSize} elements, sent one after another as the subscriber asks for batches. Keys that
 * are gone or hold another type give no rows; another error reply fails the read, naming the
 * command and the key.
 */
final class CollectionFetch implements KeyBatchFetch {

    private final RedisChannel channel;

    private final CollectionValues values;

    private final int batchSize;

    private final boolean withTtl;

    private final Duration timeout;

    private final Runnable otherTypeSeen;

    private final FieldIndex fields;

    private final byte[] end;

    private static final byte[] CURSOR_END = { '0' };

    CollectionFetch(RedisChannel channel, CollectionValues values, int batchSize, boolean withTtl, Duration timeout,
            Runnable otherTypeSeen) {
        this.channel = channel;
        this.values = values;
        this.batchSize = batchSize;
        this.withTtl = withTtl;
        this.timeout = timeout;
        this.otherTypeSeen = otherTypeSeen;
        this.fields = new FieldIndex(values.fields());
        this.end = values.end().getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public boolean rowPerKey() {
        return false;
    }

    @Override
    public boolean groupedByKey() {
        return values.groupedByKey();
    }

    @Override
    public Flux<RawBatch> batches(List<byte[]> keys) {
        if (keys.isEmpty()) {
            return Flux.empty();
        }
        return sizes(keys).flatMapMany(sizes -> {
            Windows windows = new Windows(values, batchSize, keys, sizes.sizes());
            long[] ttls = withTtl ? sizes.ttls() : null;
            AtomicReference<Sent> ahead = new AtomicReference<>();
            return Flux.<Windows>generate(sink -> sink.next(windows))
                    .takeWhile(w -> !w.finished())
                    .concatMap(w -> roundTrip(w, ttls, ahead), 0)
                    .flatMapIterable(batches -> batches, 1);
        });
    }

    private Mono<SizeReplies> sizes(List<byte[]> keys) {
        return Mono.defer(() -> {
            long bytes = 0;
            for (byte[] key : keys) {
                bytes += key.length;
            }
            ByteBuf out = channel.alloc().buffer((int) Math.min(1 << 20, bytes * (withTtl ? 2 : 1) + keys.size() * 48L));
            for (byte[] key : keys) {
                CollectionCommands.size(out, values.kind(), key);
                if (withTtl) {
                    KeyCommands.ttl(out, key);
                }
            }
            SizeReplies replies = new SizeReplies(keys.size(), withTtl);
            String command = CollectionCommands.sizeCommand(values.kind());
            return await(channel.send(out, replies), command, keys.size()).then(Mono.defer(() -> {
                if (replies.otherTypes() > 0) {
                    otherTypeSeen.run();
                }
                if (replies.error() != null) {
                    return Mono.error(failure(command, keys.get(replies.errorKey()), replies.error()));
                }
                return Mono.just(replies);
            }));
        });
    }

    /**
     * Sends the next planned round trip (or takes the SSCAN page already sent for it) and reads its
     * replies into batches.
     */
    private Mono<List<RawBatch>> roundTrip(Windows windows, long[] ttls, AtomicReference<Sent> ahead) {
        return Mono.defer(() -> {
            List<Window> planned = windows.plan();
            Sent sent = ahead.getAndSet(null);
            if (sent == null || !sent.serves(planned)) {
                sent = send(planned, ttls);
            }
            Sent current = sent;
            readAhead(current, ttls, ahead);
            String command = current.windows().get(0).op().name();
            return await(current.done(), command, planned.size()).then(Mono.defer(() -> {
                ElementReplies replies = current.replies();
                if (replies.otherTypes() > 0) {
                    otherTypeSeen.run();
                }
                if (replies.error() != null) {
                    Window failed = replies.errorWindow();
                    return Mono.error(failure(failed.op().name(), failed.key(), replies.error()));
                }
                windows.update(current.windows());
                return Mono.just(replies.batches());
            }));
        });
    }

    /**
     * A large set is read page by page, each SSCAN starting from the cursor the previous one
     * returned. So that the server works on the next page while this one is read, the next page is
     * sent as soon as this page's cursor arrives, ahead of demand: one page at most, since only a
     * page taken on demand sends one ahead.
     */
    private void readAhead(Sent current, long[] ttls, AtomicReference<Sent> ahead) {
        if (current.windows().size() != 1 || current.windows().get(0).op() != Window.Op.SSCAN) {
            return;
        }
        Window page = current.windows().get(0);
        current.replies().whenCursor(cursor -> {
            if (!Arrays.equals(cursor, CURSOR_END)) {
                ahead.set(send(List.of(new Window(Window.Op.SSCAN, page.keyIndex(), page.key(), 0, page.count(),
                        cursor)), ttls));
            }
        });
    }

    /** Writes a round trip's commands at once; its replies are read whether or not anyone waits. */
    private Sent send(List<Window> planned, long[] ttls) {
        long bytes = 0;
        for (Window window : planned) {
            bytes += window.key().length + 64 + (window.start() == null ? 0 : window.start().length);
        }
        ByteBuf out = channel.alloc().buffer((int) Math.min(1 << 20, bytes));
        for (Window window : planned) {
            encode(out, window);
        }
        ElementReplies replies = new ElementReplies(planned, values.columnCount(), batchSize, ttls, fields);
        return new Sent(planned, replies, channel.send(out, replies));
    }

    private void encode(ByteBuf out, Window window) {
        byte[] key = window.key();
        switch (window.op()) {
            case SMEMBERS -> CollectionCommands.smembers(out, key);
            case SSCAN -> CollectionCommands.sscan(out, key, window.start(), window.count());
            case LRANGE -> CollectionCommands.lrange(out, key, window.from(), window.from() + window.count() - 1);
            case ZRANGE -> CollectionCommands.zrange(out, key, window.from(), window.from() + window.count() - 1);
            case XRANGE -> CollectionCommands.xrange(out, key, window.start(), end, window.count());
        }
    }

    /** A round trip written: its windows, what reads their replies, and when they are read. */
    private record Sent(List<Window> windows, ElementReplies replies, Mono<Void> done) {

        /** @return whether this round trip reads exactly the windows planned */
        boolean serves(List<Window> planned) {
            if (planned.size() != windows.size()) {
                return false;
            }
            for (int i = 0; i < planned.size(); i++) {
                Window want = planned.get(i);
                Window have = windows.get(i);
                if (want.op() != have.op() || want.keyIndex() != have.keyIndex() || want.from() != have.from()
                        || want.count() != have.count() || !Arrays.equals(want.start(), have.start())) {
                    return false;
                }
            }
            return true;
        }
    }

    private static RuntimeException failure(String command, byte[] key, String error) {
        return ExceptionFactory.createExecutionException(command + " " + new String(key, StandardCharsets.UTF_8)
                + " failed: " + error);
    }

    private Mono<Void> await(Mono<Void> replies, String command, int count) {
        return replies.timeout(timeout,
                Mono.error(() -> Timeouts.exception("pipeline of " + count + " " + command, timeout)));
    }
}
