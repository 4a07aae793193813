package io.redisarrow.core.internal.fetch;

import io.netty.buffer.ByteBuf;
import io.redisarrow.core.RawBatch;
import io.redisarrow.core.internal.reply.MgetReplies;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * A data type whose values one MGET-like command reads for a whole batch, one value per key in key
 * order ({@code MGET key...}, {@code JSON.MGET key... path}), with a per-key fetch to fall back on
 * when that command fails for the batch because one key is of another type.
 *
 * @param command the command name for messages, such as {@code JSON.MGET}
 * @param encoder writes the one command that reads every key of a batch, in order
 * @param nilMayBeOtherType whether the command answers nil for a key of another type (MGET), so a
 *        nil counts as one for the type filter; else a nil is a key that is gone (JSON.MGET fails
 *        for the batch instead)
 * @param perKey the per-key fetch of the same values, for a batch the one command could not read
 */
record WholeBatchFetch(String command, BiConsumer<ByteBuf, List<byte[]>> encoder, boolean nilMayBeOtherType,
        TypeFetch perKey) {

    /** @return bytes the command takes beyond its keys, to size the write buffer */
    int bytesPerKey() {
        return 16;
    }

    /** @return value columns per row: one */
    int columnCount() {
        return 1;
    }

    /**
     * Writes the one command that reads every key of a batch.
     *
     * @param out the batch's write buffer
     * @param keys the keys, in order
     */
    void encode(ByteBuf out, List<byte[]> keys) {
        encoder.accept(out, keys);
    }

    /**
     * @param batch the batch, with one started row per key
     * @return what reads the command's reply (and the TTLs)
     */
    MgetReplies replies(RawBatch batch) {
        return replies(batch, 1);
    }

    /**
     * @param batch the batch, with one started row per key
     * @param commands how many commands read it (one per hash slot on a cluster)
     * @return what reads the commands' replies (and the TTLs)
     */
    MgetReplies replies(RawBatch batch, int commands) {
        return new MgetReplies(batch, nilMayBeOtherType, commands);
    }
}
