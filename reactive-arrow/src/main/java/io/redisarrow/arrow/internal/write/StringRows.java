package io.redisarrow.arrow.internal.write;

import io.netty.buffer.ByteBuf;
import io.redisarrow.arrow.WriteMode;
import io.redisarrow.arrow.internal.encode.Resp;
import io.redisarrow.arrow.internal.encode.ValueEncoder;
import io.redisarrow.core.WriteBatch;
import io.redisarrow.core.WriteReply;
import io.redisarrow.core.WriteScript;
import org.apache.arrow.vector.VectorSchemaRoot;

import java.util.Set;

/**
 * Encodes a batch as string writes, one unit per row, from value column 0 of the layout.
 * REPLACE: {@code SET k v [PX ms]}, {@code DEL k} for a null value. MERGE: {@code SET k v KEEPTTL}
 * without a TTL, {@code SET k v PX ms} with one, {@code SET k v} for a null TTL cell; a null value
 * writes nothing without a TTL, and otherwise only sets the TTL through the {@link WriteScript#APPLY}
 * script, which checks first that the key holds a string ({@code GETRANGE k 0 0}) so a key of
 * another type fails rather than get the TTL. SKIP_EXISTING: {@code SET k v NX [PX ms]}, nothing
 * for a null value (skipped).
 */
final class StringRows implements RowsEncoder {

    private static final byte[] GETRANGE = Commands.bulk("GETRANGE");

    private static final byte[] ZERO = Commands.bulk("0");

    private final WriteMode mode;

    private final ValueEncoders values;

    StringRows(WriteMode mode, ValueEncoders values) {
        this.mode = mode;
        this.values = values;
    }

    @Override
    public Set<WriteScript> scripts(boolean withTtl) {
        return mode == WriteMode.MERGE && withTtl ? Set.of(WriteScript.APPLY) : Set.of();
    }

    @Override
    public WriteBatch encode(VectorSchemaRoot root, WriteLayout layout) {
        int rows = root.getRowCount();
        RowKeys keys = layout.keys(root);
        RowTtls ttls = layout.ttls(root);
        ValueEncoder value = values.create(layout.valueVector(root, 0));
        WriteBatch batch = new WriteBatch(rows, rows, Sizes.estimate(root, rows, 2));
        try {
            ByteBuf out = batch.commands();
            for (int row = 0; row < rows; row++) {
                KeyBytes key = keys.key(row);
                long ttl = ttls.millis(row);
                boolean isNull = value.isNull(row);
                switch (mode) {
                    case REPLACE -> {
                        if (isNull) {
                            Commands.del(out, key);
                        } else {
                            set(out, key, value, row, ttl > 0 ? 5 : 3);
                            if (ttl > 0) {
                                px(out, ttl);
                            }
                        }
                        batch.unit(WriteReply.APPLIED, 0, key.bytes(), 0, key.length(), 1);
                    }
                    case MERGE -> merge(batch, out, key, ttl, value, row, isNull);
                    case SKIP_EXISTING -> {
                        if (isNull) {
                            batch.skippedWithoutCommand(1);
                            continue;
                        }
                        set(out, key, value, row, ttl > 0 ? 6 : 4);
                        out.writeBytes(Commands.NX);
                        if (ttl > 0) {
                            px(out, ttl);
                        }
                        batch.unit(WriteReply.NIL_SKIPS, 0, key.bytes(), 0, key.length(), 1);
                    }
                }
            }
            return batch;
        } catch (RuntimeException e) {
            batch.release();
            throw e;
        }
    }

    private static void merge(WriteBatch batch, ByteBuf out, KeyBytes key, long ttl, ValueEncoder value, int row,
            boolean isNull) {
        if (isNull) {
            if (ttl == RowTtls.UNSET) {
                batch.writtenWithoutCommand(1);
                return;
            }
            Commands.scriptHead(out, WriteScript.APPLY, 3, key, false, ttl);
            out.writeBytes(GETRANGE);
            out.writeBytes(ZERO);
            out.writeBytes(ZERO);
        } else if (ttl == RowTtls.UNSET) {
            set(out, key, value, row, 4);
            out.writeBytes(Commands.KEEPTTL);
        } else if (ttl == RowTtls.PERSIST) {
            set(out, key, value, row, 3);
        } else {
            set(out, key, value, row, 5);
            px(out, ttl);
        }
        batch.unit(WriteReply.APPLIED, 0, key.bytes(), 0, key.length(), 1);
    }

    /** Appends the header of a {@code SET} of {@code arguments} bulk strings, then SET, key, value. */
    private static void set(ByteBuf out, KeyBytes key, ValueEncoder value, int row, int arguments) {
        Resp.writeArrayHeader(out, arguments);
        out.writeBytes(Commands.SET);
        Commands.key(out, key);
        value.writeBulk(row, out);
    }

    private static void px(ByteBuf out, long ttl) {
        out.writeBytes(Commands.PX);
        Resp.writeBulk(out, ttl);
    }
}
