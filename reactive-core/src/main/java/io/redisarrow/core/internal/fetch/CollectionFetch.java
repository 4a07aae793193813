package io.redisarrow.core.internal.fetch;

import io.netty.buffer.ByteBuf;
import io.redisarrow.core.CollectionValues;
import io.redisarrow.core.RawBatch;
import io.redisarrow.core.internal.channel.RedisChannel;
import io.redisarrow.core.internal.command.CollectionCommands;
import io.redisarrow.core.internal.command.KeyCommands;
import io.redisarrow.core.internal.reply.ElementReplies;
import io.redisarrow.core.internal.reply.FieldIndex;
import io.redisarrow.core.internal.reply.SizeReplies;
import io.redisarrow.core.internal.reply.Window;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a batch of set, list, sorted set or stream keys, one row per element: one pipelined round
 * trip asks every key's size (and TTL), then {@link Windows} plans round trips of at most
 * {@code batchSize} elements, sent as the subscriber asks for batches, with one more sent ahead as
 * soon as it can be planned. Keys that are gone or hold another type give no rows; another error
 * reply fails the read, naming the command and the key.
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

    /** Elements per key assumed before the first sizes are known. */
    private static final int FIRST_GUESS_PER_KEY = 16;

    private final AtomicLong keysSized = new AtomicLong();

    private final AtomicLong elementsSized = new AtomicLong();

    private final AtomicLong rowsRead = new AtomicLong();

    private final AtomicLong bytesRead = new AtomicLong();

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

    /**
     * Sizes each batch of keys by the elements per key seen so far in this read, so that a batch of
     * small keys fills about one batch of elements: its sizes and one round trip of windows, and
     * {@code parallel} batches of keys keep as many round trips in flight as a hash read does.
     */
    @Override
    public int keysPerBatch(int batchSize) {
        long keys = keysSized.get();
        double perKey = keys == 0 ? FIRST_GUESS_PER_KEY : Math.max(1.0, (double) elementsSized.get() / keys);
        return (int) Math.max(1, Math.min(batchSize, Math.round(batchSize / perKey)));
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
                    .takeWhile(w -> !done(w, ahead))
                    .concatMap(w -> roundTrip(w, ttls, ahead).flatMapIterable(batches -> batches), 0);
        });
    }

    private static boolean done(Windows windows, AtomicReference<Sent> ahead) {
        synchronized (windows) {
            return windows.finished() && ahead.get() == null;
        }
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
            return RoundTrips.await(channel.send(out, replies), timeout, command, keys.size()).then(Mono.defer(() -> {
                if (replies.otherTypes() > 0) {
                    otherTypeSeen.run();
                }
                if (replies.error() != null) {
                    return Mono.error(RoundTrips.failed(command, keys.get(replies.errorKey()), replies.error()));
                }
                long elements = 0;
                for (long size : replies.sizes()) {
                    elements += Math.min(size, values.countPerKey());
                }
                elementsSized.addAndGet(elements);
                keysSized.addAndGet(keys.size());
                return Mono.just(replies);
            }));
        });
    }

    /**
     * Takes the round trip sent ahead, or sends the next one, and reads its replies into batches.
     * One more round trip is sent ahead of demand as soon as it can be planned: at once when its
     * windows do not depend on this one's replies (positions, whole keys), or, after an SSCAN page,
     * as soon as that page's cursor arrives. So Redis works on the next round trip while this one
     * is read, and at most one round trip is ahead of what the subscriber asked for.
     */
    private Mono<List<RawBatch>> roundTrip(Windows windows, long[] ttls, AtomicReference<Sent> ahead) {
        return Mono.defer(() -> {
            Sent current;
            synchronized (windows) {
                current = ahead.getAndSet(null);
                if (current == null) {
                    List<Window> planned = windows.plan();
                    if (planned.isEmpty()) {
                        return Mono.just(List.<RawBatch>of());
                    }
                    current = send(planned, ttls);
                }
                sendAhead(current, windows, ttls, ahead);
            }
            Sent sent = current;
            String command = sent.windows().get(0).op().name();
            return RoundTrips.await(sent.done(), timeout, command, sent.windows().size()).then(Mono.defer(() -> {
                ElementReplies replies = sent.replies();
                if (replies.otherTypes() > 0) {
                    otherTypeSeen.run();
                }
                if (replies.error() != null) {
                    Window failed = replies.errorWindow();
                    return Mono.error(RoundTrips.failed(failed.op().name(), failed.key(), replies.error()));
                }
                windows.update(sent.windows());
                List<RawBatch> batches = replies.batches();
                for (RawBatch batch : batches) {
                    rowsRead.addAndGet(batch.rowCount());
                    bytesRead.addAndGet(batch.dataSize());
                }
                return Mono.just(batches);
            }));
        });
    }

    /** Sends the round trip after {@code current} now, or once {@code current}'s SSCAN cursor arrives. */
    private void sendAhead(Sent current, Windows windows, long[] ttls, AtomicReference<Sent> ahead) {
        if (windows.ready()) {
            ahead.set(send(windows.plan(), ttls));
            return;
        }
        List<Window> sent = current.windows();
        Window last = sent.get(sent.size() - 1);
        if (last.op() != Window.Op.SSCAN) {
            return;
        }
        current.replies().whenCursor(cursor -> {
            synchronized (windows) {
                windows.cursor(last, cursor);
                if (ahead.get() == null && windows.ready()) {
                    ahead.set(send(windows.plan(), ttls));
                }
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
        long rows = rowsRead.get();
        // the rows' mean so far, with an eighth to spare so that a batch rarely grows (and copies) on the way
        int bytesPerRow = rows == 0 ? 32 : (int) Math.min(1 << 20, bytesRead.get() / rows * 9 / 8 + 2);
        ElementReplies replies = new ElementReplies(planned, values.columnCount(), batchSize, ttls, fields,
                bytesPerRow);
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
    }
}
