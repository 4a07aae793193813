package io.redisarrow.core.internal.fetch;

import io.netty.buffer.ByteBuf;
import io.redisarrow.core.JsonValues;
import io.redisarrow.core.RawBatch;
import io.redisarrow.core.internal.command.JsonCommands;
import io.redisarrow.core.internal.reply.MgetReplies;

import java.util.List;

/**
 * JSON documents read with one {@code JSON.MGET key... path} per batch (reads of one path), and
 * key by key with {@link JsonFetch} when a key of another type makes JSON.MGET fail.
 */
final class JsonMgetFetch implements WholeBatchFetch {

    private final JsonCommands commands;

    private final JsonFetch perKey;

    JsonMgetFetch(JsonValues values) {
        this.commands = new JsonCommands(values.encodedPaths());
        this.perKey = new JsonFetch(values);
    }

    @Override
    public String command() {
        return "JSON.MGET";
    }

    @Override
    public int bytesPerKey() {
        return 16;
    }

    @Override
    public int columnCount() {
        return 1;
    }

    @Override
    public void encode(ByteBuf out, List<byte[]> keys) {
        commands.mget(out, keys);
    }

    @Override
    public MgetReplies replies(RawBatch batch) {
        return new MgetReplies(batch, false);
    }

    @Override
    public TypeFetch perKey() {
        return perKey;
    }
}
