package io.redisarrow.core.internal;

import io.lettuce.core.RedisException;
import io.lettuce.core.output.CommandOutput;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.ProtocolKeyword;

/**
 * A command of a pipelined round trip that reports to its {@link PendingBatch} instead of
 * completing a future of its own, so a batch of a thousand commands costs one future.
 */
final class PipelinedCommand extends Command<byte[], byte[], Void> {

    private final PendingBatch batch;

    PipelinedCommand(ProtocolKeyword type, CommandOutput<byte[], byte[], Void> output, CommandArgs<byte[], byte[]> args,
            PendingBatch batch) {
        super(type, output, args);
        this.batch = batch;
    }

    @Override
    public void complete() {
        boolean first = !isDone();
        super.complete();
        if (first) {
            batch.commandCompleted();
        }
    }

    @Override
    public boolean completeExceptionally(Throwable throwable) {
        boolean first = !isDone();
        super.completeExceptionally(throwable);
        if (first) {
            batch.commandFailed(throwable);
        }
        return first;
    }

    @Override
    public void cancel() {
        boolean first = !isDone();
        super.cancel();
        if (first) {
            batch.commandFailed(new RedisException(getType() + " was cancelled: the connection was closed or reset"));
        }
    }
}
