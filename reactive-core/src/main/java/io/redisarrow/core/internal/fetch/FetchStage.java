package io.redisarrow.core.internal.fetch;

import io.netty.buffer.ByteBuf;
import io.redisarrow.core.RawBatch;
import io.redisarrow.core.ValueRead;
import io.redisarrow.core.internal.channel.RedisChannel;
import io.redisarrow.core.internal.command.KeyCommands;
import io.redisarrow.core.internal.reply.BatchReplies;
import io.redisarrow.core.internal.reply.MgetReplies;
import io.redisarrow.core.internal.reply.RowOutcomes;
import io.redisarrow.core.internal.reply.PendingReplies;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

/**
 * Turns a batch of keys into their values with one pipelined round trip on the read's
 * {@link RedisChannel}: the data type's commands per key ({@link TypeFetch}), followed by TTL per
 * key when asked, encoded into one buffer and written with one flush. Replies are read into a
 * {@link RawBatch} as they arrive. Keys that turned out to be gone or of another type are
 * dropped; rows whose every asked value was nil are checked with one more pipelined EXISTS round
 * trip, sent only when such rows occur.
 */
public final class FetchStage implements KeyBatchFetch {

    private final RedisChannel channel;

    private final TypeFetch type;

    private final WholeBatchFetch whole;

    private final boolean withTtl;

    private final Duration timeout;

    private final Runnable otherTypeSeen;

    private final boolean bySlot;

    /**
     * @param channel the read's connection
     * @param type the data type's commands and replies
     * @param withTtl whether each row carries its key's TTL
     * @param timeout the longest one round trip may take
     * @param otherTypeSeen called when a batch met keys of another type (WRONGTYPE)
     */
    public FetchStage(RedisChannel channel, TypeFetch type, boolean withTtl, Duration timeout,
            Runnable otherTypeSeen) {
        this(channel, type, null, withTtl, timeout, otherTypeSeen);
    }

    /**
     * @param channel the read's connection
     * @param type the data type's commands and replies, per key
     * @param whole the data type's one command per batch, used first when not null
     * @param withTtl whether each row carries its key's TTL
     * @param timeout the longest one round trip may take
     * @param otherTypeSeen called when a batch met keys of another type (WRONGTYPE)
     */
    FetchStage(RedisChannel channel, TypeFetch type, WholeBatchFetch whole, boolean withTtl, Duration timeout,
            Runnable otherTypeSeen) {
        this(channel, type, whole, withTtl, timeout, otherTypeSeen, false);
    }

    private FetchStage(RedisChannel channel, TypeFetch type, WholeBatchFetch whole, boolean withTtl,
            Duration timeout, Runnable otherTypeSeen, boolean bySlot) {
        this.bySlot = bySlot;
        this.channel = channel;
        this.type = type;
        this.whole = whole;
        this.withTtl = withTtl;
        this.timeout = timeout;
        this.otherTypeSeen = otherTypeSeen;
    }

    /**
     * @param channel the read's connection
     * @param values what the read fetches from each key
     * @param withTtl whether each row carries its key's TTL
     * @param timeout the longest one round trip may take
     * @param otherTypeSeen called when a batch met keys of another type (WRONGTYPE)
     * @return the fetch stage of that data type
     */
    public static FetchStage of(RedisChannel channel, ValueRead values, boolean withTtl, Duration timeout,
            Runnable otherTypeSeen) {
        return of(channel, values, withTtl, timeout, otherTypeSeen, false);
    }

    /**
     * @param channel the read's connection
     * @param values what the read fetches from each key
     * @param withTtl whether each row carries its key's TTL
     * @param timeout the longest one round trip may take
     * @param otherTypeSeen called when a batch met keys of another type (WRONGTYPE)
     * @param bySlot whether a command that reads a whole batch ({@code MGET}) must be split by
     *        hash slot, as a cluster node refuses keys of several slots in one command: the batch's
     *        keys are then ordered by slot and read with one command per slot
     * @return the fetch stage of that data type
     */
    public static FetchStage of(RedisChannel channel, ValueRead values, boolean withTtl, Duration timeout,
            Runnable otherTypeSeen, boolean bySlot) {
        return new FetchStage(channel, TypeFetches.of(values), TypeFetches.wholeBatch(values), withTtl, timeout,
                otherTypeSeen, bySlot);
    }

    @Override
    public Flux<RawBatch> batches(List<byte[]> keys) {
        return fetch(keys).flux();
    }

    @Override
    public boolean rowPerKey() {
        return true;
    }

    /**
     * @param keys the keys of this batch, in order
     * @return the batch's rows, in key order, emitted once the round trip is complete
     */
    public Mono<RawBatch> fetch(List<byte[]> keys) {
        return whole == null || keys.isEmpty() ? fetchPerKey(keys) : fetchWhole(keys);
    }

    private Mono<RawBatch> fetchPerKey(List<byte[]> keys) {
        return Mono.defer(() -> {
            int size = keys.size();
            RawBatch batch = new RawBatch(type.columnCount(), size, withTtl);
            if (size == 0) {
                return Mono.just(batch);
            }
            ByteBuf out = buffer(batch, keys, type.bytesPerKey());
            for (byte[] key : keys) {
                type.encode(out, key);
                if (withTtl) {
                    KeyCommands.ttl(out, key);
                }
            }
            BatchReplies replies = type.replies(batch);
            return RoundTrips.await(channel.send(out, replies), timeout, type.command(), size)
                    .then(Mono.defer(() -> complete(batch, replies, type.command())));
        });
    }

    /**
     * One command for the whole batch; when it fails for the batch because a key is of another
     * type, the batch is read again key by key, which skips that key and tells the type filter.
     */
    private Mono<RawBatch> fetchWhole(List<byte[]> unordered) {
        return Mono.defer(() -> {
            BySlot slots = bySlot ? BySlot.order(unordered) : null;
            List<byte[]> keys = slots != null ? slots.keys() : unordered;
            int size = keys.size();
            RawBatch batch = new RawBatch(whole.columnCount(), size, withTtl);
            ByteBuf out = buffer(batch, keys, whole.bytesPerKey());
            int commands = 1;
            if (slots != null) {
                commands = slots.encode(whole.encoder(), out);
            } else {
                whole.encode(out, keys);
            }
            if (withTtl) {
                for (byte[] key : keys) {
                    KeyCommands.ttl(out, key);
                }
            }
            MgetReplies replies = whole.replies(batch, commands);
            return RoundTrips.await(channel.send(out, replies), timeout, whole.command(), size)
                    .then(Mono.defer(() -> {
                        if (replies.wrongType()) {
                            return fetchPerKey(keys); // which reports the keys of another type
                        }
                        return complete(batch, replies, whole.command());
                    }));
        });
    }

    /** Starts one row per key and allocates a write buffer sized for the batch's commands. */
    private ByteBuf buffer(RawBatch batch, List<byte[]> keys, int bytesPerKey) {
        long bytes = 0;
        for (byte[] key : keys) {
            batch.startRow(key);
            bytes += key.length;
        }
        long estimate = bytes * (withTtl ? 2 : 1) + (long) keys.size() * (bytesPerKey + (withTtl ? 24 : 0));
        return channel.alloc().buffer((int) Math.min(1 << 20, estimate));
    }

    private Mono<RawBatch> complete(RawBatch batch, RowOutcomes replies, String command) {
        if (replies.otherTypes() > 0) {
            otherTypeSeen.run();
        }
        if (replies.error() != null) {
            return Mono.error(RoundTrips.failed(command, batch.key(replies.errorRow()), replies.error()));
        }
        int unsure = 0;
        for (boolean u : replies.unsure()) {
            unsure += u ? 1 : 0;
        }
        if (unsure == 0) {
            batch.retainRows(replies.keep());
            return Mono.just(batch);
        }
        return exists(batch, replies.unsure(), replies.keep(), unsure).then(Mono.fromCallable(() -> {
            batch.retainRows(replies.keep());
            return batch;
        }));
    }

    private Mono<Void> exists(RawBatch batch, boolean[] unsure, boolean[] keep, int count) {
        return Mono.defer(() -> {
            int[] rows = new int[count];
            ByteBuf out = channel.alloc().buffer();
            for (int row = 0, i = 0; row < unsure.length; row++) {
                if (unsure[row]) {
                    rows[i++] = row;
                    KeyCommands.exists(out, batch.key(row));
                }
            }
            return RoundTrips.await(channel.send(out, new ExistsReplies(rows, keep)), timeout, "EXISTS", count);
        });
    }

    /** Marks the rows whose key EXISTS answered 1 as kept. */
    private static final class ExistsReplies extends PendingReplies {

        private final int[] rows;

        private final boolean[] keep;

        ExistsReplies(int[] rows, boolean[] keep) {
            super(rows.length);
            this.rows = rows;
            this.keep = keep;
        }

        @Override
        public void integer(long value) {
            keep[rows[reply]] = value > 0;
        }
    }
}
