package io.redisarrow.core.internal.fetch;

import io.netty.buffer.ByteBuf;
import io.redisarrow.core.JsonValues;
import io.redisarrow.core.RawBatch;
import io.redisarrow.core.internal.command.JsonCommands;
import io.redisarrow.core.internal.reply.BatchReplies;
import io.redisarrow.core.internal.reply.BulkReplies;

/**
 * JSON documents: one {@code JSON.GET key path...} per key; the reply is kept whole for the
 * decoder.
 */
final class JsonFetch implements TypeFetch {

    private final JsonCommands commands;

    JsonFetch(JsonValues values) {
        this.commands = new JsonCommands(values.encodedPaths());
    }

    @Override
    public String command() {
        return "JSON.GET";
    }

    @Override
    public int repliesPerKey() {
        return 1;
    }

    @Override
    public int bytesPerKey() {
        return commands.overhead();
    }

    @Override
    public int columnCount() {
        return 1;
    }

    @Override
    public void encode(ByteBuf out, byte[] key) {
        commands.get(out, key);
    }

    @Override
    public BatchReplies replies(RawBatch batch) {
        return new BulkReplies(batch);
    }
}
