package io.redisarrow.core.internal.fetch;

import io.netty.buffer.ByteBuf;
import io.redisarrow.core.RawBatch;
import io.redisarrow.core.internal.command.StringCommands;
import io.redisarrow.core.internal.reply.MgetReplies;

import java.util.List;

/**
 * Strings read with one {@code MGET key...} per batch. MGET never fails for a key of another type:
 * it answers nil for it, as for a key that is gone, and either way the key yields no row (no EXISTS
 * round trip). Those nils count as keys of another type, so a type filter left to
 * {@link io.redisarrow.core.TypeFilter#AUTO} turns on at the first one.
 */
final class StringMgetFetch implements WholeBatchFetch {

    private final StringFetch perKey = new StringFetch();

    @Override
    public String command() {
        return "MGET";
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
        StringCommands.mget(out, keys);
    }

    @Override
    public MgetReplies replies(RawBatch batch) {
        return new MgetReplies(batch, true);
    }

    @Override
    public TypeFetch perKey() {
        return perKey;
    }
}
