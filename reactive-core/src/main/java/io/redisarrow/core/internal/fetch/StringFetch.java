package io.redisarrow.core.internal.fetch;

import io.netty.buffer.ByteBuf;
import io.redisarrow.core.RawBatch;
import io.redisarrow.core.internal.command.StringCommands;
import io.redisarrow.core.internal.reply.BatchReplies;
import io.redisarrow.core.internal.reply.BulkReplies;

/**
 * Strings key by key: one {@code GET key} per key, its value copied whole into the row. A nil is a
 * key gone; a key of another type answers WRONGTYPE. Reads of strings use {@link StringMgetFetch},
 * one MGET per batch; this is its per-key form.
 */
final class StringFetch implements TypeFetch {

    @Override
    public String command() {
        return "GET";
    }

    @Override
    public int repliesPerKey() {
        return 1;
    }

    @Override
    public int bytesPerKey() {
        return 32;
    }

    @Override
    public int columnCount() {
        return 1;
    }

    @Override
    public void encode(ByteBuf out, byte[] key) {
        StringCommands.get(out, key);
    }

    @Override
    public BatchReplies replies(RawBatch batch) {
        return new BulkReplies(batch);
    }
}
