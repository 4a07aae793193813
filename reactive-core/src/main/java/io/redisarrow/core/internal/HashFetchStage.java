package io.redisarrow.core.internal;

import io.lettuce.core.internal.ExceptionFactory;
import io.netty.buffer.ByteBuf;
import io.redisarrow.core.HashRead;
import io.redisarrow.core.RawBatch;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Fetches a batch of hashes in one pipelined round trip on the scan's {@link FetchChannel}:
 * HGETALL per key (or HMGET of the projected fields), followed by TTL per key when asked, encoded
 * into one buffer and written with one flush. Replies are parsed into a {@link RawBatch} as they
 * arrive ({@link HashReplies}). Keys that turned out to be gone or of another type are dropped;
 * with HMGET, a key whose fields are all nil is checked with one more pipelined EXISTS round trip,
 * sent only when such keys occur.
 */
final class HashFetchStage implements FetchStage {

    private static final byte[] HGETALL = RespWriter.bulk("HGETALL");

    private static final byte[] HMGET = RespWriter.bulk("HMGET");

    private static final byte[] TTL = RespWriter.bulk("TTL");

    private static final byte[] EXISTS = RespWriter.bulk("EXISTS");

    private final FetchChannel channel;

    private final HashRead read;

    private final FieldIndex index;

    private final byte[] fieldArguments;

    private final Duration timeout;

    HashFetchStage(FetchChannel channel, HashRead read, Duration timeout) {
        this.channel = channel;
        this.read = read;
        this.index = new FieldIndex(read.fields());
        this.fieldArguments = encodeFields(read.fields());
        this.timeout = timeout;
    }

    @Override
    public Mono<RawBatch> fetch(List<byte[]> keys) {
        return Mono.defer(() -> {
            int size = keys.size();
            RawBatch batch = new RawBatch(read.fields().size(), size, read.withTtl());
            if (size == 0) {
                return Mono.just(batch);
            }
            long bytes = 0;
            for (byte[] key : keys) {
                batch.startRow(key);
                bytes += key.length;
            }
            ByteBuf out = channel.alloc().buffer((int) Math.min(Integer.MAX_VALUE,
                    bytes * (read.withTtl() ? 2 : 1) + (long) size * (40 + fieldArguments.length)));
            for (byte[] key : keys) {
                if (read.projected()) {
                    RespWriter.arrayHeader(out, 2 + read.fields().size());
                    out.writeBytes(HMGET);
                    RespWriter.bulk(out, key);
                    out.writeBytes(fieldArguments);
                } else {
                    RespWriter.arrayHeader(out, 2);
                    out.writeBytes(HGETALL);
                    RespWriter.bulk(out, key);
                }
                if (read.withTtl()) {
                    RespWriter.arrayHeader(out, 2);
                    out.writeBytes(TTL);
                    RespWriter.bulk(out, key);
                }
            }
            HashReplies replies = new HashReplies(batch, index, read.projected(), read.withTtl());
            return await(channel.send(out, replies), read.projected() ? "HMGET" : "HGETALL", size)
                    .then(Mono.defer(() -> complete(batch, replies)));
        });
    }

    private Mono<RawBatch> complete(RawBatch batch, HashReplies replies) {
        if (replies.error != null) {
            return Mono.error(ExceptionFactory.createExecutionException((read.projected() ? "HMGET " : "HGETALL ")
                    + new String(batch.key(replies.errorRow), StandardCharsets.UTF_8) + " failed: " + replies.error));
        }
        int unsure = 0;
        for (boolean u : replies.unsure) {
            unsure += u ? 1 : 0;
        }
        if (unsure == 0) {
            batch.retainRows(replies.keep);
            return Mono.just(batch);
        }
        return exists(batch, replies.unsure, replies.keep, unsure).then(Mono.fromCallable(() -> {
            batch.retainRows(replies.keep);
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
                    RespWriter.arrayHeader(out, 2);
                    out.writeBytes(EXISTS);
                    RespWriter.bulk(out, batch.key(row));
                }
            }
            ExistsReplies replies = new ExistsReplies(rows, keep);
            return await(channel.send(out, replies), "EXISTS", count);
        });
    }

    private Mono<Void> await(Mono<Void> replies, String command, int keys) {
        return replies.timeout(timeout,
                Mono.error(() -> Timeouts.exception("pipeline of " + keys + " " + command, timeout)));
    }

    private static byte[] encodeFields(List<byte[]> fields) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] field : fields) {
            out.writeBytes(RespWriter.bulk(field));
        }
        return out.toByteArray();
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
