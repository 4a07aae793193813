package io.redisarrow.core.internal.fetch;

import io.netty.buffer.ByteBuf;
import io.redisarrow.core.HashValues;
import io.redisarrow.core.RawBatch;
import io.redisarrow.core.internal.command.HashCommands;
import io.redisarrow.core.internal.reply.BatchReplies;
import io.redisarrow.core.internal.reply.FieldIndex;
import io.redisarrow.core.internal.reply.HashReplies;

/**
 * Hashes: HGETALL per key (only the read's fields are kept), or HMGET of the projected fields.
 */
final class HashFetch implements TypeFetch {

    private final HashValues values;

    private final HashCommands commands;

    private final FieldIndex index;

    HashFetch(HashValues values) {
        this.values = values;
        this.commands = new HashCommands(values.fields());
        this.index = new FieldIndex(values.fields());
    }

    @Override
    public String command() {
        return values.projected() ? "HMGET" : "HGETALL";
    }

    @Override
    public int repliesPerKey() {
        return 1;
    }

    @Override
    public int bytesPerKey() {
        return values.projected() ? commands.hmgetOverhead() : 32;
    }

    @Override
    public int columnCount() {
        return values.columnCount();
    }

    @Override
    public void encode(ByteBuf out, byte[] key) {
        if (values.projected()) {
            commands.hmget(out, key);
        } else {
            HashCommands.hgetall(out, key);
        }
    }

    @Override
    public BatchReplies replies(RawBatch batch) {
        return new HashReplies(batch, index, values.projected());
    }
}
