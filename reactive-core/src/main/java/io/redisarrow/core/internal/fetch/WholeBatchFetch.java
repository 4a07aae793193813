package io.redisarrow.core.internal.fetch;

import io.netty.buffer.ByteBuf;
import io.redisarrow.core.RawBatch;
import io.redisarrow.core.internal.reply.MgetReplies;

import java.util.List;

/**
 * A data type whose values one command reads for a whole batch ({@code JSON.MGET}, {@code MGET}),
 * with a per-key fetch to fall back on when that command fails for the batch because one key is
 * of another type.
 */
interface WholeBatchFetch {

    /** @return the command name for messages, such as {@code JSON.MGET} */
    String command();

    /** @return bytes the command takes beyond its keys, to size the write buffer */
    int bytesPerKey();

    /** @return value columns per row */
    int columnCount();

    /**
     * Writes the one command that reads every key of a batch.
     *
     * @param out the batch's write buffer
     * @param keys the keys, in order
     */
    void encode(ByteBuf out, List<byte[]> keys);

    /**
     * @param batch the batch, with one started row per key
     * @return what reads the command's reply (and the TTLs)
     */
    MgetReplies replies(RawBatch batch);

    /** @return the per-key fetch of the same values, for a batch the one command could not read */
    TypeFetch perKey();
}
