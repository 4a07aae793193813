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
 * Encodes a batch as hash writes, one unit per row: {@code HSET} for MERGE without a TTL; a
 * transaction of {@code DEL}, {@code HSET} and {@code PEXPIRE} for REPLACE; the
 * {@link WriteScript#APPLY} script for MERGE with a TTL (so a failed {@code HSET} sets no TTL) and
 * for SKIP_EXISTING (which must look at the key first). A row's null cells are left out.
 */
final class HashRows implements RowsEncoder {

    private final WriteMode mode;

    private final ValueEncoders values;

    HashRows(WriteMode mode, ValueEncoders values) {
        this.mode = mode;
        this.values = values;
    }

    @Override
    public Set<WriteScript> scripts(boolean withTtl) {
        return RowsEncoder.applyScriptFor(mode, withTtl);
    }

    @Override
    public WriteBatch encode(VectorSchemaRoot root, WriteLayout layout) {
        int rows = root.getRowCount();
        int fields = layout.valueCount();
        RowKeys keys = layout.keys(root);
        RowTtls ttls = layout.ttls(root);
        ValueEncoder[] encoders = new ValueEncoder[fields];
        byte[][] names = new byte[fields][];
        for (int i = 0; i < fields; i++) {
            encoders[i] = values.create(layout.valueVector(root, i));
            names[i] = layout.valueNameBulk(i);
        }
        WriteBatch batch = new WriteBatch(rows, rows, Sizes.estimate(root, rows, fields));
        try {
            ByteBuf out = batch.commands();
            for (int row = 0; row < rows; row++) {
                KeyBytes key = keys.key(row);
                long ttl = ttls.millis(row);
                int present = 0;
                for (ValueEncoder encoder : encoders) {
                    if (!encoder.isNull(row)) {
                        present++;
                    }
                }
                switch (mode) {
                    case MERGE -> merge(batch, out, key, ttl, present, encoders, names, row);
                    case REPLACE -> replace(batch, out, key, ttl, present, encoders, names, row);
                    case SKIP_EXISTING -> {
                        Commands.scriptHead(out, WriteScript.APPLY, 1 + 2 * present, key, true,
                                ttl == RowTtls.PERSIST ? RowTtls.UNSET : ttl);
                        out.writeBytes(Commands.HSET);
                        writeFields(out, encoders, names, row);
                        batch.unit(WriteReply.ZERO_SKIPS, 0, key.bytes(), 0, key.length(), 1);
                    }
                }
            }
            return batch;
        } catch (RuntimeException e) {
            batch.release();
            throw e;
        }
    }

    private static void merge(WriteBatch batch, ByteBuf out, KeyBytes key, long ttl, int present,
            ValueEncoder[] encoders, byte[][] names, int row) {
        if (ttl == RowTtls.UNSET) {
            if (present == 0) {
                batch.writtenWithoutCommand(1);
                return;
            }
            Resp.writeArrayHeader(out, 2 + 2 * present);
            out.writeBytes(Commands.HSET);
            Commands.key(out, key);
            writeFields(out, encoders, names, row);
            batch.unit(WriteReply.APPLIED, 0, key.bytes(), 0, key.length(), 1);
            return;
        }
        Commands.scriptHead(out, WriteScript.APPLY, 1 + 2 * present, key, false, ttl);
        out.writeBytes(Commands.HSET);
        writeFields(out, encoders, names, row);
        batch.unit(WriteReply.APPLIED, 0, key.bytes(), 0, key.length(), 1);
    }

    private static void replace(WriteBatch batch, ByteBuf out, KeyBytes key, long ttl, int present,
            ValueEncoder[] encoders, byte[][] names, int row) {
        out.writeBytes(Commands.MULTI);
        Commands.del(out, key);
        int queued = 1;
        if (present > 0) {
            Resp.writeArrayHeader(out, 2 + 2 * present);
            out.writeBytes(Commands.HSET);
            Commands.key(out, key);
            writeFields(out, encoders, names, row);
            queued++;
            if (ttl > 0) {
                Commands.pexpire(out, key, ttl);
                queued++;
            }
        }
        out.writeBytes(Commands.EXEC);
        batch.unit(WriteReply.TRANSACTION, queued, key.bytes(), 0, key.length(), 1);
    }

    private static void writeFields(ByteBuf out, ValueEncoder[] encoders, byte[][] names, int row) {
        for (int i = 0; i < encoders.length; i++) {
            if (!encoders[i].isNull(row)) {
                out.writeBytes(names[i]);
                encoders[i].writeBulk(row, out);
            }
        }
    }
}
