package io.redisarrow.core.internal;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.internal.ExceptionFactory;
import io.lettuce.core.output.CommandOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.RedisCommand;
import io.redisarrow.core.HashRead;
import io.redisarrow.core.RawBatch;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetches a batch of hashes in one pipelined round trip: HGETALL per key (or HMGET of the
 * projected fields), followed by TTL per key when asked, all written with a single flush. Replies
 * are decoded into a {@link RawBatch} as they arrive. Keys that turned out to be gone or of
 * another type are dropped; with HMGET, a key whose fields are all nil is checked with one more
 * pipelined EXISTS round trip, sent only when such keys occur.
 */
final class HashFetchStage implements FetchStage {

    private final StatefulRedisConnection<byte[], byte[]> connection;

    private final HashRead read;

    private final FieldIndex index;

    private final byte[][] fields;

    private final Duration timeout;

    HashFetchStage(StatefulRedisConnection<byte[], byte[]> connection, HashRead read, Duration timeout) {
        this.connection = connection;
        this.read = read;
        this.index = new FieldIndex(read.fields());
        this.fields = read.fields().toArray(new byte[0][]);
        this.timeout = timeout;
    }

    @Override
    public Mono<RawBatch> fetch(List<byte[]> keys) {
        return Mono.defer(() -> {
            int size = keys.size();
            boolean withTtl = read.withTtl();
            RawBatch batch = new RawBatch(fields.length, size, withTtl);
            PendingBatch pending = new PendingBatch(withTtl ? size * 2 : size);
            List<RedisCommand<byte[], byte[], ?>> commands = new ArrayList<>(withTtl ? size * 2 : size);
            CommandOutput<?, ?, ?>[] data = new CommandOutput<?, ?, ?>[size];
            IntegerOutput[] ttls = withTtl ? new IntegerOutput[size] : null;
            for (int i = 0; i < size; i++) {
                byte[] key = keys.get(i);
                int row = batch.startRow(key);
                CommandArgs<byte[], byte[]> args = new CommandArgs<>(ByteArrayCodec.INSTANCE).addKey(key);
                if (read.projected()) {
                    for (byte[] field : fields) {
                        args.add(field);
                    }
                    HashValuesOutput output = new HashValuesOutput(batch, row);
                    data[i] = output;
                    commands.add(new PipelinedCommand(CommandType.HMGET, output, args, pending));
                } else {
                    HashAllOutput output = new HashAllOutput(batch, row, index);
                    data[i] = output;
                    commands.add(new PipelinedCommand(CommandType.HGETALL, output, args, pending));
                }
                if (withTtl) {
                    IntegerOutput ttl = new IntegerOutput();
                    ttls[i] = ttl;
                    commands.add(new PipelinedCommand(CommandType.TTL, ttl,
                            new CommandArgs<>(ByteArrayCodec.INSTANCE).addKey(key), pending));
                }
            }
            connection.dispatch(commands);
            return await(pending, read.projected() ? "HMGET" : "HGETALL", size)
                    .then(Mono.defer(() -> complete(keys, batch, data, ttls)));
        });
    }

    private Mono<RawBatch> complete(List<byte[]> keys, RawBatch batch, CommandOutput<?, ?, ?>[] data,
            IntegerOutput[] ttls) {
        int size = keys.size();
        boolean[] keep = new boolean[size];
        List<Integer> unsure = null;
        for (int row = 0; row < size; row++) {
            CommandOutput<?, ?, ?> output = data[row];
            if (output.hasError()) {
                if (isWrongType(output.getError())) {
                    continue;
                }
                return Mono.error(ExceptionFactory.createExecutionException(
                        (read.projected() ? "HMGET " : "HGETALL ") + printable(keys.get(row)) + " failed: "
                                + output.getError()));
            }
            if (output instanceof HashAllOutput all) {
                keep[row] = all.fieldCount() > 0;
            } else if (((HashValuesOutput) output).anyPresent()) {
                keep[row] = true;
            } else {
                if (unsure == null) {
                    unsure = new ArrayList<>();
                }
                unsure.add(row);
            }
            if (ttls != null) {
                batch.setTtl(row, ttls[row].hasError() ? -2 : ttls[row].value());
            }
        }
        if (unsure == null) {
            batch.retainRows(keep);
            return Mono.just(batch);
        }
        return exists(keys, unsure, keep).then(Mono.fromCallable(() -> {
            batch.retainRows(keep);
            return batch;
        }));
    }

    private Mono<Void> exists(List<byte[]> keys, List<Integer> rows, boolean[] keep) {
        return Mono.defer(() -> {
            PendingBatch pending = new PendingBatch(rows.size());
            List<RedisCommand<byte[], byte[], ?>> commands = new ArrayList<>(rows.size());
            IntegerOutput[] outputs = new IntegerOutput[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                outputs[i] = new IntegerOutput();
                commands.add(new PipelinedCommand(CommandType.EXISTS, outputs[i],
                        new CommandArgs<>(ByteArrayCodec.INSTANCE).addKey(keys.get(rows.get(i))), pending));
            }
            connection.dispatch(commands);
            return await(pending, "EXISTS", rows.size()).then(Mono.fromRunnable(() -> {
                for (int i = 0; i < outputs.length; i++) {
                    keep[rows.get(i)] = !outputs[i].hasError() && outputs[i].value() > 0;
                }
            }));
        });
    }

    private Mono<Void> await(PendingBatch pending, String command, int keys) {
        return Mono.fromFuture(pending.future(), true)
                .timeout(timeout, Mono.error(() -> Timeouts.exception("pipeline of " + keys + " " + command, timeout)));
    }

    private static boolean isWrongType(String error) {
        return error != null && error.startsWith("WRONGTYPE");
    }

    static String printable(byte[] key) {
        return new String(key, StandardCharsets.UTF_8);
    }
}
