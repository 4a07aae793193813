package io.redisarrow.core.internal;

import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.CommandOutput;
import io.redisarrow.core.RawBatch;

import java.nio.ByteBuffer;

/**
 * Decodes one HGETALL reply (field, value, field, value, ...) into a row of a {@link RawBatch},
 * copying the values of known fields once and skipping the rest. An empty reply means the key
 * is gone, which the fetch stage reads from {@link #fieldCount()}.
 */
final class HashAllOutput extends CommandOutput<byte[], byte[], Void> {

    private final RawBatch batch;

    private final int row;

    private final FieldIndex index;

    private boolean expectName = true;

    private int column = FieldIndex.UNKNOWN;

    private int hint;

    private int fieldCount;

    HashAllOutput(RawBatch batch, int row, FieldIndex index) {
        super(ByteArrayCodec.INSTANCE, null);
        this.batch = batch;
        this.row = row;
        this.index = index;
    }

    int fieldCount() {
        return fieldCount;
    }

    @Override
    public void set(ByteBuffer bytes) {
        if (expectName) {
            fieldCount++;
            column = bytes == null ? FieldIndex.UNKNOWN : index.find(bytes, hint);
            if (column != FieldIndex.UNKNOWN) {
                hint = column + 1;
            }
        } else if (column != FieldIndex.UNKNOWN) {
            batch.setValue(row, column, bytes);
        }
        expectName = !expectName;
    }

    @Override
    public void multi(int count) {
        // RESP2 array header: the pairs follow
    }

    @Override
    public void multiMap(int count) {
        // RESP3 map header: the pairs follow
    }
}
