package io.redisarrow.core.internal.fetch;

import io.netty.buffer.ByteBuf;
import io.redisarrow.core.RawBatch;
import io.redisarrow.core.internal.reply.BatchReplies;

/**
 * A data type's part of a fetch: which commands read one key's values and what reads their
 * replies into a {@link RawBatch}. The {@link FetchStage} adds everything types share (TTL in the
 * same round trip, one write per batch, timeouts, error reports, EXISTS for unsure rows).
 */
public interface TypeFetch {

    /** @return the command name for messages, such as {@code HGETALL} */
    String command();

    /** @return replies one key's value commands produce */
    int repliesPerKey();

    /** @return bytes one key's commands take beyond the key itself, to size the write buffer */
    int bytesPerKey();

    /** @return value columns per row */
    int columnCount();

    /**
     * Writes the commands that read one key's values.
     *
     * @param out the batch's write buffer
     * @param key the key
     */
    void encode(ByteBuf out, byte[] key);

    /**
     * @param batch the batch, with one started row per key
     * @return what reads the replies of this batch's value commands (and TTLs)
     */
    BatchReplies replies(RawBatch batch);
}
